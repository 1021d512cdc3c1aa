using System.Numerics;
using LrDecay.Internal;

namespace LrDecay.Tests.ClosedForm;

/// <summary>
/// The exact branches of the restart tables, each against an independent reference: with a whole <c>tMul</c> the integer ramp
/// and the last, open-ended restart period; with a fractional <c>tMul</c> the fraction taken as a product with the reciprocal length.
/// </summary>
public sealed partial class CosineRestartsScheduleTests
{
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
            double start = Start(First, TMul, period);
            double next = Start(First, TMul, period + 1);
            if (!(next < 1L << 52))
            {
                // Beyond, steps one apart are no longer distinct doubles; the largest steps are covered by the extreme-step tests.
                break;
            }

            foreach (double at in new[] { start, start + 1, (start + next) / 2, next - 1 })
            {
                long step = (long)Math.Ceiling(at);
                double fraction = (step - start) * (1.0 / (First * Elementary.Pow(TMul, period)));
                double expected = HalfCosine.Of(fraction > 1.0 ? 1.0 : fraction);
                schedule.GetLearningRate(step).Should().Be(expected, "period {0}, step {1}", period, step);
            }
        }
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

    [Fact]
    public void CosineRestarts_EqualPeriods_UseTheExactIntegerRamp()
    {
        // tMul = 1: h(k / n) from the integers k and n, as in every whole-tMul period (not from the rounded k / n).
        const long N = 1_000;
        var schedule = Schedules.CosineRestarts(1.0, N, tMul: 1.0);
        double piOver2N = HalfCosine.PiOver2N(N);
        for (long step = 0; step < 3 * N; step++)
        {
            schedule.GetLearningRate(step).Should().Be(HalfCosine.OfSteps(step % N, N, piOver2N), "step {0}", step);
        }
    }

    [Fact]
    public void CosineRestarts_TabulatedPeaks_AreThePowersOfMMul()
    {
        // At each period's start the ramp is 1 and the rate its peak, (initialLr - minLr) * mMul^i: LrDecay's own pow for the
        // first 64 periods, as Keras' pow, not the exp that takes over past them.
        var schedule = Schedules.CosineRestarts(1.0, 3, tMul: 2.0, mMul: 0.9);
        long start = 0;
        for (int period = 0; period < 40; period++)
        {
            schedule.GetLearningRate(start).Should().Be(Elementary.Pow(0.9, period), "period {0}", period);
            start += 3L << period;
        }
    }
}
