using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class CosineScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new CosineSchedule(0.05, 300, 0.01);

    [Fact]
    public void GetLearningRate_Endpoints()
    {
        ILearningRateSchedule schedule = Create();
        schedule.GetLearningRate(0).Should().Be(0.05);
        LrAssert.At(schedule, 150, 0.03);
        schedule.GetLearningRate(300).Should().Be(0.01);
        schedule.GetLearningRate(301).Should().Be(0.01);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.01);
    }

    [Fact]
    public void GetLearningRate_NonIncreasing()
    {
        ILearningRateSchedule schedule = Create();
        for (long t = 1; t <= 310; t++)
        {
            schedule.GetLearningRate(t).Should().BeLessThanOrEqualTo(schedule.GetLearningRate(t - 1));
        }
    }

    [Fact]
    public void GetLearningRate_MinAboveInitial_RisesLikePyTorch()
    {
        var schedule = new CosineSchedule(0.01, 10, 0.03);
        LrAssert.At(schedule, 5, 0.02);
        schedule.GetLearningRate(10).Should().Be(0.03);
    }
}
