using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class LinearScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new LinearSchedule(0.002, 0.004, 8);

    [Theory]
    [InlineData(0L, 0.002)]
    [InlineData(4L, 0.003)]
    [InlineData(8L, 0.004)]
    [InlineData(9L, 0.004)]
    [InlineData(long.MaxValue, 0.004)]
    public void GetLearningRate_Interpolates(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void Ctor_ZeroTotalSteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearSchedule(0.1, 0.0, 0)).ParamName.Should().Be("totalSteps");
}
