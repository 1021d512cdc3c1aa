using LrDecay.Tests.Support;

namespace LrDecay.Tests.Composites;

public sealed class WarmupScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new WarmupSchedule(new CosineSchedule(0.05, 200), 20);

    [Theory]
    [InlineData(0L, 0.0)]
    [InlineData(5L, 0.0125)]
    [InlineData(19L, 0.0475)]
    [InlineData(20L, 0.05)]
    [InlineData(120L, 0.025)]
    [InlineData(220L, 0.0)]
    public void GetLearningRate_RampsToInnerStartThenShifts(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void GetLearningRate_StartLr_RampsFromIt()
    {
        var schedule = new WarmupSchedule(new ConstantSchedule(1.0), 4, 0.2);
        LrAssert.At(schedule, 0, 0.2);
        LrAssert.At(schedule, 2, 0.6);
        LrAssert.At(schedule, 4, 1.0);
    }

    [Fact]
    public void WithWarmup_ReadsInTrainingOrder()
    {
        ILearningRateSchedule schedule = Schedules.Cosine(3e-4, 10_000).WithWarmup(500);
        LrAssert.At(schedule, 250, 1.5e-4);
        LrAssert.At(schedule, 500, 3e-4);
        LrAssert.At(schedule, 5_500, 1.5e-4);
        schedule.GetLearningRate(10_500).Should().Be(0.0);
    }

    [Fact]
    public void Ctor_NullInner_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new WarmupSchedule(null!, 5)).ParamName.Should().Be("schedule");

    [Fact]
    public void Ctor_ZeroWarmupSteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupSchedule(new ConstantSchedule(1), 0)).ParamName.Should().Be("warmupSteps");
}
