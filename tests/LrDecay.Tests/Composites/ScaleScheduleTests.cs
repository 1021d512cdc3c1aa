using LrDecay.Tests.Support;

namespace LrDecay.Tests.Composites;

public sealed class ScaleScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new ScaleSchedule(new ExponentialSchedule(0.5, 0.97), 0.1);

    [Fact]
    public void GetLearningRate_MultipliesInner() => LrAssert.At(Create(), 10, 0.1 * 0.5 * Math.Pow(0.97, 10));

    [Fact]
    public void ScaleByOne_EqualsInner()
    {
        var inner = new CosineSchedule(0.1, 50);
        ILearningRateSchedule scaled = inner.Scaled(1.0);
        for (long t = 0; t < 60; t++)
        {
            scaled.GetLearningRate(t).Should().Be(inner.GetLearningRate(t));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Ctor_BadFactor_Throws(double factor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaleSchedule(new ConstantSchedule(1), factor)).ParamName.Should().Be("factor");
}
