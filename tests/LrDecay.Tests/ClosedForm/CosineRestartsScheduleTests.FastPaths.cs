using LrDecay.Internal;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

/// <summary>
/// The restart tables and the lookups that replace divisions, against references: the spec's definition straight from
/// <see cref="Math.Pow"/>, and the period found by a walk from 0. Exact where the period index is taken, within a few ulps where
/// a rate is computed.
/// </summary>
public sealed partial class CosineRestartsScheduleTests
{
    [Theory]
    [InlineData(3L, 2.0, 0.9)]
    [InlineData(3L, 3.0, 0.8)]
    [InlineData(5L, 1.5, 0.8)]
    [InlineData(2L, 1.0001, 1.0)]
    [InlineData(4L, 1.0, 0.95)]
    public void CosineRestarts_TabulatedPeriods_MatchTheDefinition(long first, double tMul, double mMul)
    {
        var schedule = Schedules.CosineRestarts(0.1, first, tMul, mMul, minLr: 0.001);
        var steps = new List<long>();
        // A mutation run takes every 7th step: the reference walks every period from 0, which dominates the cost.
        for (long t = 0; t < 20_000; t += TestBudget.Count(1, 7))
        {
            steps.Add(t);
        }

        // Past the 4096 tabulated periods of a barely growing tMul, and far out.
        steps.AddRange([17_000_000, 17_000_001, 1L << 40, 1L << 53, long.MaxValue]);
        foreach (long t in steps)
        {
            double expected = Reference(0.1, first, tMul, mMul, 0.001, t);
            schedule.GetLearningRate(t).Should().BeApproximately(expected, 1e-9 * expected, $"step {t}");
        }
    }

    [Fact]
    public void CosineRestarts_AtTheSpecsExactRestart_IsAtItsPeak()
    {
        // tMul = 3, firstDecaySteps = 3: period 5 starts at 3 * (3^5 - 1) / 2 = 363 (Keras' logarithm puts it in period 4).
        Schedules.CosineRestarts(1.0, 3, 3.0, 0.5).GetLearningRate(363).Should().Be(Math.Pow(0.5, 5));
    }

    public static TheoryData<long, double> RestartShapes() => new()
    {
        { 1, 1.5 },
        { 3, 1.5 },
        { 3_000, 1.5 },
        { 7, 1.1 },
        { 5, 2.5 },
        { 1, 7.3 },
        { 3, 1e10 },
        { 2, 1.0001 },
        { 1_000_003, 1.25 },
        { 1L << 40, 1.5 },
        { 1L << 60, 1.5 },
    };

    [Theory]
    [InlineData(3_000L, 1.5)]
    [InlineData(7L, 1.1)]
    [InlineData(4L, 1.0000001)]
    [InlineData(3L, 1.0000000000001)]
    [InlineData(1_024L, 1.5)]
    public void CosineRestarts_EveryStepOfTheFirstPeriods_FindsTheExactPeriod(long first, double tMul)
    {
        // Every step up to about 4,100 first periods (or 3,000,000 steps), periods close to equal among them.
        var schedule = new CosineRestartsSchedule(1.0, first, tMul, mMul: 0.9, minLr: 0.0);
        long end = Math.Min(4_100 * Math.Max(1, first), 3_000_000);
        AssertRestartsMatch(schedule, first, tMul, Enumerable.Range(0, (int)end).Select(s => (long)s));
    }

    [Theory]
    [MemberData(nameof(RestartShapes))]
    public void CosineRestarts_AtOctaveBoundaries_FindTheExactPeriod(long first, double tMul)
    {
        var schedule = new CosineRestartsSchedule(1.0, first, tMul, mMul: 0.9, minLr: 0.0);
        var steps = new List<long> { 0, 1, 2, 3 };
        for (int e = 1; e < 63; e++)
        {
            long power = 1L << e;
            steps.AddRange([power - 2, power - 1, power, power + 1]);
        }

        steps.Add(long.MaxValue);
        AssertRestartsMatch(schedule, first, tMul, steps);
    }

    [Theory]
    [MemberData(nameof(RestartShapes))]
    public void CosineRestarts_AtEveryTabulatedStart_FindTheExactPeriod(long first, double tMul)
    {
        var schedule = new CosineRestartsSchedule(1.0, first, tMul, mMul: 0.9, minLr: 0.0);
        var steps = new List<long>();
        for (long i = 0; i <= 4_097; i++)
        {
            double start = Start(first, tMul, i);
            if (!(start < long.MaxValue))
            {
                break;
            }

            long below = (long)Math.Floor(start);
            steps.AddRange([below - 1, below, below + 1, below + 2]);
        }

        AssertRestartsMatch(schedule, first, tMul, steps.Where(s => s >= 0));
    }

    [Fact]
    public void CosineRestarts_RandomSteps_MatchTheReference()
    {
        var random = new Random(4_096);
        foreach ((long first, double tMul) in new[] { (3L, 1.5), (3_000L, 1.5), (11L, 1.3), (2L, 3.7) })
        {
            var schedule = new CosineRestartsSchedule(1.0, first, tMul, mMul: 0.9, minLr: 0.0);
            var steps = new List<long>();
            for (int n = 0; n < 3_000; n++)
            {
                steps.Add(random.NextInt64(1L << random.Next(1, 63)));
            }

            AssertRestartsMatch(schedule, first, tMul, steps);
        }
    }

    [Fact]
    public void CosineRestarts_FillAcrossOctavesAndTableEnd_MatchesGetLearningRate()
    {
        var schedule = new CosineRestartsSchedule(0.1, 3, 1.5, 0.8, 0.001);
        foreach (long first in new[] { 0L, 1_000L, (1L << 20) - 50, (1L << 40) - 50, TwoTo53 - 50, long.MaxValue - 99 })
        {
            var buffer = new double[100];
            schedule.Fill(first, buffer);
            for (int i = 0; i < buffer.Length; i++)
            {
                BitConverter.DoubleToInt64Bits(buffer[i]).Should().Be(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(first + i)), $"step {first + i}");
            }
        }
    }

    /// <summary>The spec's cosineRestarts definition, straight from Math.Pow.</summary>
    private static double Reference(double initialLr, long first, double tMul, double mMul, double minLr, long step)
    {
        double t = step;
        long i = 0;
        double start = 0.0;
        double length = first;
        if (tMul == 1.0)
        {
            i = step / first;
            start = (double)i * first;
        }
        else
        {
            while (true)
            {
                double next = first * ((Math.Pow(tMul, i + 1) - 1.0) / (tMul - 1.0));
                if (next > t)
                {
                    break;
                }

                i++;
                start = next;
            }

            length = first * Math.Pow(tMul, i);
        }

        double f = Math.Min(Math.Max((t - start) / length, 0.0), 1.0);
        return minLr + ((initialLr - minLr) * Math.Pow(mMul, i) * (1.0 + Math.Cos(Math.PI * f)) / 2.0);
    }

    /// <summary>The spec's period start <c>first * (tMul^i - 1) / (tMul - 1)</c>, as the schedule's table holds it.</summary>
    private static double Start(long first, double tMul, long i) => first * ((Elementary.Pow(tMul, i) - 1.0) / (tMul - 1.0));

    /// <summary>
    /// Each step against the definition: the period is the largest <c>i</c> with <c>Start(i) &lt;= t</c> by a walk from 0, the rate
    /// <c>0.9^i * (1 + cos(pi * f)) / 2</c>. An error in the period index would be off by most of a peak, far past the tolerance.
    /// </summary>
    private static void AssertRestartsMatch(CosineRestartsSchedule schedule, long first, double tMul, IEnumerable<long> steps)
    {
        // The period is monotone in the step, so sorted steps let the walk resume where it stopped.
        long i = 0;
        foreach (long step in steps.Distinct().Order())
        {
            double t = step;
            while (Start(first, tMul, i + 1) <= t)
            {
                i++;
            }

            double fraction = Math.Min(Math.Max((t - Start(first, tMul, i)) / (first * Elementary.Pow(tMul, i)), 0.0), 1.0);
            double peak = Math.Pow(0.9, i);
            double expected = peak * (1.0 + Math.Cos(Math.PI * fraction)) / 2.0;
            // Past the cached peaks mMul^i comes from exp(i * ln mMul), whose error grows with i; far out the peaks are subnormal.
            schedule.GetLearningRate(step).Should().BeApproximately(expected, (peak * (1e-13 + (4e-16 * i))) + 1e-300, $"step {step} (period {i})");
        }
    }
}
