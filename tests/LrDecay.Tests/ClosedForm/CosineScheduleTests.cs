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
        LrAssert.At(schedule, 150, 0.03); // 0.01 + (0.05 - 0.01) * (1 + cos(pi / 2)) / 2
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
        LrAssert.At(schedule, 5, 0.02); // 0.03 + (0.01 - 0.03) * (1 + cos(pi / 2)) / 2
        schedule.GetLearningRate(10).Should().Be(0.03);
    }

    [Theory]
    [InlineData(9_007_199_254_740_990L)]
    [InlineData(1L << 59)]
    [InlineData((1L << 60) - 1_031)]
    public void Cosine_FillOfADecayLongerThan2To53_IsBitIdenticalToCalls(long first)
    {
        // Past 2^53 steps are not exact as doubles, so the vector path must not take them: the scalar path's D - t is exact.
        var schedule = Schedules.Cosine(1.0, decaySteps: 1L << 60);
        FillAssert.Matches(schedule, first, 1_031, exact: true);
    }
}
