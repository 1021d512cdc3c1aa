using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class WarmupStableDecayScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() =>
        new WarmupStableDecaySchedule(0.001, 20, 60, 40, 0.1, RampShape.Linear, RampShape.Cosine);

    [Theory]
    [InlineData(0L, 0.0001)]
    [InlineData(10L, 0.00055)]
    [InlineData(20L, 0.001)]
    [InlineData(79L, 0.001)]
    [InlineData(80L, 0.001)]
    [InlineData(100L, 0.00055)]
    [InlineData(120L, 0.0001)]
    [InlineData(long.MaxValue, 0.0001)]
    public void GetLearningRate_Phases(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Theory]
    [InlineData(RampShape.Linear, 0.25)]
    [InlineData(RampShape.Cosine, 0.14644660940672624)]
    [InlineData(RampShape.OneMinusSqrt, 0.1339745962155614)]
    public void WarmupShapes_AtQuarter(RampShape shape, double factor) =>
        LrAssert.At(new WarmupStableDecaySchedule(1.0, 4, 0, 4, 0.0, shape), 1, factor);

    [Theory]
    [InlineData(RampShape.Linear, 0.75)]
    [InlineData(RampShape.Cosine, 0.8535533905932737)]
    [InlineData(RampShape.OneMinusSqrt, 0.5)]
    public void DecayShapes_AtQuarter(RampShape shape, double factor) =>
        LrAssert.At(new WarmupStableDecaySchedule(1.0, 0, 0, 4, 0.0, RampShape.Linear, shape), 1, factor);

    [Fact]
    public void Ctor_MinLrRatioAboveOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupStableDecaySchedule(0.1, 1, 1, 1, 1.5)).ParamName.Should().Be("minLrRatio");
}
