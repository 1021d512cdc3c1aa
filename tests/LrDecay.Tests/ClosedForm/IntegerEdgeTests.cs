namespace LrDecay.Tests.ClosedForm;

/// <summary>
/// Where a closed form adds or counts steps in 64-bit integers before converting to <see cref="double"/>: the exact sum and
/// the exact period index matter past 2^53 and at <see cref="long.MaxValue"/>.
/// </summary>
public sealed class IntegerEdgeTests
{
    private const long TwoTo53 = 1L << 53;

    [Fact]
    public void InverseSqrt_PastTwoTo53_ShiftsTheStepExactlyBeforeConverting()
    {
        // timescale 2, no warm-up: lr = lr0 / sqrt((t + 2) / 2) with t + 2 summed exactly. Adding 2 to the already rounded
        // (double)t instead gives 2^53 + 2 rather than 2^53 + 4 at t = 2^53 + 1, and a different rate.
        var schedule = Schedules.InverseSqrt(0.3, warmupSteps: 0, timescale: 2);
        int differing = 0;
        for (long step = TwoTo53 - 8; step <= TwoTo53 + 64; step++)
        {
            double expected = 0.3 * (1.0 / Math.Sqrt((double)(step + 2) / 2));
            schedule.GetLearningRate(step).Should().Be(expected, $"step {step}");
            double rounded = 0.3 * (1.0 / Math.Sqrt(((double)step + 2) / 2));
            differing += rounded == expected ? 0 : 1;
        }

        differing.Should().BeGreaterThan(0, "the range must tell an exact sum from a rounded one");
    }

    [Fact]
    public void InverseSqrt_AtLongMaxValue_SumsInDoubles()
    {
        var schedule = Schedules.InverseSqrt(0.3, warmupSteps: 0, timescale: 10);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.3 * (1.0 / Math.Sqrt(((double)long.MaxValue + 10) / 10)));
        schedule.GetLearningRate(long.MaxValue - 10).Should().Be(0.3 * (1.0 / Math.Sqrt((double)long.MaxValue / 10)));
    }

    [Fact]
    public void CosineRestarts_PeriodStartingAtLongMaxValue_IsItsOwnPeriod()
    {
        // firstDecaySteps 1, tMul 2: period i starts at 2^i - 1, so period 63 starts at long.MaxValue itself.
        var schedule = Schedules.CosineRestarts(1.0, firstDecaySteps: 1, tMul: 2.0, mMul: 0.5);
        schedule.GetLearningRate(long.MaxValue).Should().Be(Math.Pow(0.5, 63));
        schedule.GetLearningRate((1L << 62) - 1).Should().Be(Math.Pow(0.5, 62));
        schedule.GetLearningRate(long.MaxValue - 1).Should().BeLessThan(Math.Pow(0.5, 62) * 1e-30);
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
}
