using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class InverseTimeScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new InverseTimeSchedule(0.03, 1.5, 20);

    [Theory]
    [InlineData(0L)]
    [InlineData(19L)]
    [InlineData(20L)]
    [InlineData(21L)]
    [InlineData(12_345L)]
    public void GetLearningRate_Continuous(long step) => LrAssert.At(Create(), step, 0.03 / (1 + (1.5 * step / 20.0)));

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(19L, 0)]
    [InlineData(20L, 1)]
    [InlineData(39L, 1)]
    [InlineData(40L, 2)]
    public void GetLearningRate_Staircase_FloorsP(long step, int p) =>
        LrAssert.At(new InverseTimeSchedule(0.03, 1.5, 20, staircase: true), step, 0.03 / (1 + (1.5 * p)));

    [Fact]
    public void GetLearningRate_ZeroDecayRate_Constant() =>
        new InverseTimeSchedule(0.03, 0.0).GetLearningRate(long.MaxValue).Should().Be(0.03);

    [Fact]
    public void Ctor_NegativeDecayRate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new InverseTimeSchedule(0.1, -1.0)).ParamName.Should().Be("decayRate");

    [Theory]
    [InlineData(9L, 0)]
    [InlineData(10L, 1)]
    [InlineData(19L, 1)]
    [InlineData(20L, 2)]
    public void InverseTimeStaircase_AtEdges_UsesFlooredRatio(long step, int k) =>
        Schedules.InverseTime(0.1, 0.5, 10, staircase: true).GetLearningRate(step).Should().Be(0.1 / (1.0 + (0.5 * k)));
}
