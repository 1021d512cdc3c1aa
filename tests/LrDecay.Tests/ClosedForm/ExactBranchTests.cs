using System.Numerics;
using FluentAssertions;
using LrDecay.Internal;
using LrDecay.Tests.Performance;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

/// <summary>
/// The exact branches of the closed forms, each against an independent reference: the restart tables (integer and fractional
/// <c>tMul</c>) and the last, open-ended restart period; the end of a polynomial decay; the second half of a cosine warm-up.
/// </summary>
public sealed class ExactBranchTests
{
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

    [Fact]
    public void CosineRestarts_WholeTMul_TabulatedPeriodsUseTheExactIntegerRamp()
    {
        // With initialLr 1, minLr 0 and mMul 1 the rate is the ramp itself: h(k / n) from the integers k and n of the period.
        var schedule = Schedules.CosineRestarts(1.0, firstDecaySteps: 10, tMul: 2.0);
        long start = 0;
        long length = 10;
        for (int period = 0; period < 12; period++)
        {
            for (long k = 0; k < length; k++)
            {
                double expected = HalfCosine.OfSteps(k, length, HalfCosine.PiOver2N(length));
                schedule.GetLearningRate(start + k).Should().Be(expected, "period {0}, step {1} of {2}", period, k, length);
            }

            start += length;
            length *= 2;
        }
    }

    [Theory]
    [InlineData(1L, 3.0)]
    [InlineData(5L, 7.0)]
    [InlineData(3L << 60, 2.0)] // the second period's start fits, its end does not: the table stops at the start
    public void CosineRestarts_WholeTMul_TheLastPeriodRunsToLongMaxValue(long first, double tMul)
    {
        var schedule = Schedules.CosineRestarts(1.0, first, tMul: tMul);
        foreach (long step in new[] { 0L, 1L, 99L, first - 1, first, long.MaxValue / 3, long.MaxValue - 1_000_000, long.MaxValue - 1, long.MaxValue })
        {
            if (step >= 0)
            {
                schedule.GetLearningRate(step).Should().BeApproximately(ExactRamp(step, first, (long)tMul), 1e-12, "step {0}", step);
            }
        }
    }

    [Fact]
    public void CosineRestarts_FractionalTMul_TabulatedPeriodsTakeTheFractionAsAProductWithTheReciprocalLength()
    {
        // The table's definition: fraction = (t - Start(i)) * (1 / (first * tMul^i)), at most 1.
        const long First = 10;
        const double TMul = 1.5;
        var schedule = Schedules.CosineRestarts(1.0, First, tMul: TMul);
        for (int period = 0; period < 90; period++)
        {
            double start = ClosedFormFastPathTests.Start(First, TMul, period);
            double next = ClosedFormFastPathTests.Start(First, TMul, period + 1);
            if (!(next < 1L << 52))
            {
                // Beyond, steps one apart are no longer distinct doubles; the largest steps are covered by the extreme-step tests.
                break;
            }

            foreach (double at in new[] { start, start + 1, (start + next) / 2, next - 1 })
            {
                long step = (long)Math.Ceiling(at);
                double fraction = (step - start) * (1.0 / (First * Math.Pow(TMul, period)));
                double expected = HalfCosine.Of(fraction > 1.0 ? 1.0 : fraction);
                schedule.GetLearningRate(step).Should().Be(expected, "period {0}, step {1}", period, step);
            }
        }
    }

    [Theory]
    [InlineData(49L, 1.0)] // 49 * (1 / 49) rounds below 1, so the formula would leave 1.1e-16 of the decay at its end
    [InlineData(98L, 1.0)]
    [InlineData(49L, 0.5)]
    [InlineData(103L, 2.0)]
    public void Polynomial_AtTheEndOfTheDecay_IsExactlyEndLr(long decaySteps, double power)
    {
        var schedule = Schedules.Polynomial(0.1, decaySteps, endLr: 0.0, power: power);
        schedule.GetLearningRate(decaySteps).Should().Be(0.0);
        schedule.GetLearningRate(decaySteps - 1).Should().BeGreaterThan(0.0);
    }

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

    [Theory]
    [InlineData(1535L)]
    [InlineData(3583L)]
    public void InverseSqrt_WhereTheShiftedStepReachesLongMaxValue_RoundsTheExactSumOnce(long timescale)
    {
        // At step = long.MaxValue - timescale the shifted step is long.MaxValue, exact in 64 bits and rounded once to 2^63; adding
        // in doubles would round twice and, for these timescales, land one ulp lower.
        var schedule = Schedules.InverseSqrt(1.0, warmupSteps: 0, timescale: timescale);
        double expected = 1.0 / Math.Sqrt((double)long.MaxValue / timescale);
        schedule.GetLearningRate(long.MaxValue - timescale).Should().Be(expected);
        ((double)(long.MaxValue - timescale) + timescale).Should().NotBe((double)long.MaxValue, "the double sum differs for this timescale");
    }

    /// <summary><c>(1 + cos(pi * f)) / 2</c>, <c>f</c> the fraction of the step's period, periods found in exact integers.</summary>
    private static double ExactRamp(long step, long first, long tMul)
    {
        BigInteger start = 0;
        BigInteger length = first;
        while (start + length <= step)
        {
            start += length;
            length *= tMul;
        }

        double fraction = (double)(step - start) / (double)length;
        return (1.0 + Math.Cos(Math.PI * fraction)) / 2.0;
    }
}
