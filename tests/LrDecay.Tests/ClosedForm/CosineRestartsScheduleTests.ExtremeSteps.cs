namespace LrDecay.Tests.ClosedForm;

/// <summary>
/// Where the arithmetic breaks first: a period that starts at <see cref="long.MaxValue"/>, restarts past 2^53, an initial rate
/// near <see cref="double.MaxValue"/>, a huge <c>tMul</c>.
/// </summary>
public sealed partial class CosineRestartsScheduleTests
{
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
    public void CosineRestarts_InitialLrAboveHalfMaxValue_DoesNotOverflow()
    {
        // Before the fix peakRange * 2 overflowed to infinity at every restart.
        var schedule = new CosineRestartsSchedule(double.MaxValue, 10, tMul: 1.0);
        schedule.GetLearningRate(0).Should().Be(double.MaxValue);
        schedule.GetLearningRate(10).Should().Be(double.MaxValue);
        schedule.GetLearningRate(5).Should().BeApproximately(double.MaxValue / 2, double.MaxValue * 1e-15);
    }

    [Fact]
    public void CosineRestarts_RestartAboveTwoTo53_IsExact()
    {
        var whole = new CosineRestartsSchedule(1.0, 3, tMul: 2.0);
        long start60 = 3 * ((1L << 60) - 1);
        whole.GetLearningRate(start60).Should().Be(1.0, "a restart begins period 60 at its peak");
        whole.GetLearningRate(start60 - 1).Should().BeLessThan(1e-30);

        var flat = new CosineRestartsSchedule(1.0, TwoTo53 + 1, tMul: 1.0);
        flat.GetLearningRate(TwoTo53 + 1).Should().Be(1.0);
        flat.GetLearningRate(TwoTo53).Should().BeLessThan(1e-30);

        // The spec's example where Keras' logarithm rounds down: t = 363 starts period 5 (3 * (3^5 - 1) / 2 = 363).
        new CosineRestartsSchedule(1.0, 3, tMul: 3.0).GetLearningRate(363).Should().Be(1.0);
    }

    [Fact]
    public void CosineRestarts_HugeTMul_ReturnsPromptly()
    {
        // Before the fix c * (tMul - 1) overflowed, the period estimate became long.MaxValue and the walk back counted down from there.
        var schedule = new CosineRestartsSchedule(1.0, 1, tMul: 1e300);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        schedule.GetLearningRate(0).Should().Be(1.0);
        schedule.GetLearningRate(1).Should().Be(1.0, "period 1 starts at step 1");
        schedule.GetLearningRate(int.MaxValue).Should().BeApproximately(1.0, 1e-12, "period 1 lasts 1e300 steps");
        schedule.GetLearningRate(long.MaxValue).Should().BeApproximately(1.0, 1e-12);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }
}
