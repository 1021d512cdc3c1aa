using LrDecay.Tests.Support;

namespace LrDecay.Tests.Composites;

public sealed class WarmupScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new WarmupSchedule(new CosineSchedule(0.05, 200), 20);

    [Theory]
    [InlineData(0L, 0.0)]
    [InlineData(5L, 0.0125)] // 0.05 * 5 / 20
    [InlineData(19L, 0.0475)] // 0.05 * 19 / 20
    [InlineData(20L, 0.05)]
    [InlineData(120L, 0.025)] // the cosine at its step 100 of 200: 0.05 * (1 + cos(pi / 2)) / 2
    [InlineData(220L, 0.0)]
    public void GetLearningRate_RampsToInnerStartThenShifts(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void GetLearningRate_StartLr_RampsFromIt()
    {
        var schedule = new WarmupSchedule(new ConstantSchedule(1.0), 4, 0.2);
        LrAssert.At(schedule, 0, 0.2);
        LrAssert.At(schedule, 2, 0.6); // 0.2 + (1.0 - 0.2) * 2 / 4
        LrAssert.At(schedule, 4, 1.0);
    }

    [Fact]
    public void WithWarmup_ReadsInTrainingOrder()
    {
        ILearningRateSchedule schedule = Schedules.Cosine(3e-4, 10_000).WithWarmup(500);
        LrAssert.At(schedule, 250, 1.5e-4); // 3e-4 * 250 / 500
        LrAssert.At(schedule, 500, 3e-4);
        LrAssert.At(schedule, 5_500, 1.5e-4); // the cosine half-way, at its step 5000 of 10000
        schedule.GetLearningRate(10_500).Should().Be(0.0);
    }

    [Fact]
    public void Ctor_NullInner_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new WarmupSchedule(null!, 5)).ParamName.Should().Be("schedule");

    [Fact]
    public void Ctor_ZeroWarmupSteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupSchedule(new ConstantSchedule(1), 0)).ParamName.Should().Be("warmupSteps");
}
