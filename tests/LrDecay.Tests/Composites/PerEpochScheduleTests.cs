using LrDecay.Tests.Support;

namespace LrDecay.Tests.Composites;

public sealed class PerEpochScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new StepSchedule(0.1, 30, 0.1).PerEpoch(390);

    [Theory]
    [InlineData(0L, 0.1)]
    [InlineData((30 * 390) - 1L, 0.1)]
    [InlineData(30 * 390L, 0.01)] // epoch 30, the first drop: 0.1 * 0.1
    public void GetLearningRate_AdvancesOncePerEpoch(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void Ctor_ZeroStepsPerEpoch_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantSchedule(1).PerEpoch(0)).ParamName.Should().Be("stepsPerEpoch");
}
