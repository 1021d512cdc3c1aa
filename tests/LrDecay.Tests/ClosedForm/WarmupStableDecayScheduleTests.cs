using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class WarmupStableDecayScheduleTests : ScheduleContractTests
{
    private const long TwoTo53 = 1L << 53;

    protected override ILearningRateSchedule Create() =>
        new WarmupStableDecaySchedule(0.001, 20, 60, 40, 0.1, RampShape.Linear, RampShape.Cosine);

    [Theory]
    [InlineData(0L, 0.0001)] // the floor: 0.1 * 0.001
    [InlineData(10L, 0.00055)] // linear warm-up half-way: 0.0001 + (0.001 - 0.0001) * 10 / 20
    [InlineData(20L, 0.001)]
    [InlineData(79L, 0.001)]
    [InlineData(80L, 0.001)]
    [InlineData(100L, 0.00055)] // cosine decay half-way: 0.0001 + 0.0009 * (1 + cos(pi / 2)) / 2
    [InlineData(120L, 0.0001)]
    [InlineData(long.MaxValue, 0.0001)]
    public void GetLearningRate_Phases(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Theory]
    [InlineData(RampShape.Linear, 0.25)] // 1/4
    [InlineData(RampShape.Cosine, 0.14644660940672624)] // (1 - cos(pi / 4)) / 2
    [InlineData(RampShape.OneMinusSqrt, 0.1339745962155614)] // 1 - sqrt(1 - 1/4)
    public void WarmupShapes_AtQuarter(RampShape shape, double factor) =>
        LrAssert.At(new WarmupStableDecaySchedule(1.0, 4, 0, 4, 0.0, shape), 1, factor);

    [Theory]
    [InlineData(RampShape.Linear, 0.75)] // 1 - 1/4
    [InlineData(RampShape.Cosine, 0.8535533905932737)] // (1 + cos(pi / 4)) / 2
    [InlineData(RampShape.OneMinusSqrt, 0.5)] // 1 - sqrt(1/4)
    public void DecayShapes_AtQuarter(RampShape shape, double factor) =>
        LrAssert.At(new WarmupStableDecaySchedule(1.0, 0, 0, 4, 0.0, RampShape.Linear, shape), 1, factor);

    [Fact]
    public void Ctor_MinLrRatioAboveOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupStableDecaySchedule(0.1, 1, 1, 1, 1.5)).ParamName.Should().Be("minLrRatio");

    [Fact]
    public void WarmupStableDecay_CosineWarmup_FollowsTheCosineInItsSecondHalf()
    {
        const long Warmup = 1000;
        var schedule = Schedules.WarmupStableDecay(1.0, warmupSteps: Warmup, stableSteps: 10, decaySteps: 10, warmupShape: RampShape.Cosine);
        for (long step = 0; step < Warmup; step++)
        {
            double expected = (1.0 - Math.Cos(Math.PI * step / Warmup)) / 2.0;
            schedule.GetLearningRate(step).Should().BeApproximately(expected, 1e-15, "step {0}", step);
        }
    }

    [Fact]
    public void WarmupStableDecay_WhoseStableEndFitsButDecayEndDoesNot_IsRejected()
    {
        // warmup + stable fits in a long; adding decay passes long.MaxValue.
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new WarmupStableDecaySchedule(1.0, long.MaxValue - 10, 5, 10));
        error.ParamName.Should().Be("decaySteps");
        new WarmupStableDecaySchedule(1.0, long.MaxValue - 10, 5, 5).GetLearningRate(long.MaxValue).Should().Be(0.0);
    }

    [Fact]
    public void WarmupStableDecay_PhaseEndsAboveTwoTo53_AreExact()
    {
        var schedule = new WarmupStableDecaySchedule(1.0, TwoTo53 + 1, TwoTo53 + 1, TwoTo53 + 1, minLrRatio: 0.25);
        schedule.GetLearningRate(TwoTo53 + 1).Should().Be(1.0);
        schedule.GetLearningRate((2 * (TwoTo53 + 1)) - 1).Should().Be(1.0);
        schedule.GetLearningRate(3 * (TwoTo53 + 1)).Should().Be(0.25);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.25);
    }
}
