using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class ConstantScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new ConstantSchedule(0.01);

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(long.MaxValue)]
    public void GetLearningRate_AnyStep_ReturnsLr(long step) => Create().GetLearningRate(step).Should().Be(0.01);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Ctor_BadLr_Throws(double lr)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantSchedule(lr));
        ex.ParamName.Should().Be("lr");
        ex.Message.Should().StartWith("lr ('");
    }

    [Fact]
    public void Ctor_ZeroLr_Allowed() => new ConstantSchedule(0.0).GetLearningRate(5).Should().Be(0.0);
}
