using System.Numerics;
using LrDecay.Internal;

namespace LrDecay.Tests.Performance;

/// <summary>
/// The products and lookups that replace divisions in one-cycle, cyclic and cosine restarts, against straightforward references:
/// exact where an index or a position is taken (cycle, period), within a few ulps where a rate is computed.
/// </summary>
public sealed class ClosedFormFastPathTests
{
    private const double RelTol = 1e-15;
    private const long TwoTo51 = 1L << 51;
    private const long TwoTo53 = 1L << 53;

    // ---- cyclic ----

    public static TheoryData<long, long> CyclicSizes() => new()
    {
        { 1, 1 },
        { 1, 2 },
        { 2, 1 },
        { 3, 4 },
        { 7, 7 },
        { 2_000, 2_000 },
        { 2_000, 1_333 },
        { 49, 1 },
        { 99_991, 7 },
        { (1L << 40) + 1, 3 },
        { TwoTo51 - 1, TwoTo51 + 5 },
        { TwoTo53 + 1, TwoTo53 + 1 },
        { long.MaxValue / 3, long.MaxValue / 5 },
        { long.MaxValue - 1, 1 },
    };

    [Theory]
    [MemberData(nameof(CyclicSizes))]
    public void Cyclic_AtEveryKindOfStep_MatchesLongDivision(long up, long down)
    {
        var schedule = new CyclicSchedule(0.0, 1.0, up, down);
        foreach (long step in CyclicSteps(up + down))
        {
            double expected = CyclicScale(step, up, down);
            schedule.GetLearningRate(step).Should().BeApproximately(expected, RelTol * expected, $"step {step}");
        }
    }

    [Theory]
    [MemberData(nameof(CyclicSizes))]
    public void Cyclic_PositionInCycle_IsExact(long up, long down)
    {
        // The triangle's value depends on the step only through its position in the cycle, so a step and its remainder give the same
        // bits exactly when the position (and so the cycle) is exact.
        var schedule = new CyclicSchedule(0.0, 1.0, up, down);
        long total = up + down;
        foreach (long step in CyclicSteps(total))
        {
            schedule.GetLearningRate(step).Should().Be(schedule.GetLearningRate(step % total), $"step {step}");
        }
    }

    [Fact]
    public void Cyclic_RandomStepsBelowAndAboveTheProductLimit_MatchLongDivision()
    {
        var random = new Random(20_251);
        for (int n = 0; n < 2_000; n++)
        {
            long up = random.NextInt64(1, 1L << random.Next(1, 40));
            long down = random.NextInt64(1, 1L << random.Next(1, 40));
            var schedule = new CyclicSchedule(0.0, 1.0, up, down);
            for (int k = 0; k < 20; k++)
            {
                long step = random.NextInt64(1L << random.Next(1, 63));
                double expected = CyclicScale(step, up, down);
                schedule.GetLearningRate(step).Should().BeApproximately(expected, RelTol * expected, $"up {up}, down {down}, step {step}");
                schedule.GetLearningRate(step).Should().Be(schedule.GetLearningRate(step % (up + down)), $"up {up}, down {down}, step {step}");
            }
        }
    }

    [Fact]
    public void CyclicTriangular2_CycleIndex_IsExactAroundTheProductLimitAndLongMax()
    {
        // Peaks (position = stepSizeUp, a power of two so 1 / stepSizeUp is exact) give 0.5^cycle exactly.
        foreach ((long up, long down) in new[] { (1L << 48, (1L << 48) + 3), (1L << 49, 1L << 49), (1L << 60, (1L << 60) + 12_345) })
        {
            var schedule = new CyclicSchedule(0.0, 1.0, up, down, CyclicMode.Triangular2);
            long total = up + down;
            for (long cycle = 0; cycle <= (long.MaxValue - up) / total; cycle++)
            {
                long peak = (cycle * total) + up;
                schedule.GetLearningRate(peak).Should().Be(Math.Pow(0.5, cycle), $"peak of cycle {cycle}");
                schedule.GetLearningRate(cycle * total).Should().Be(0.0, $"start of cycle {cycle}");
                if (cycle > 0)
                {
                    // The last step of the cycle before: position total - 1, amplitude 0.5^(cycle - 1).
                    double expected = CyclicScale((cycle * total) - 1, up, down) * Math.Pow(0.5, cycle - 1);
                    schedule.GetLearningRate((cycle * total) - 1).Should().BeApproximately(expected, RelTol * expected, $"end of cycle {cycle - 1}");
                }
            }
        }
    }

    [Fact]
    public void CyclicTriangular2_SmallCycles_AmplitudeHalvesAtEveryBoundary()
    {
        var schedule = new CyclicSchedule(0.0, 1.0, 4, 3, CyclicMode.Triangular2);
        for (long cycle = 0; cycle < 1_000; cycle++)
        {
            for (long position = 0; position < 7; position++)
            {
                long step = (cycle * 7) + position;
                schedule.GetLearningRate(step).Should().Be(schedule.GetLearningRate(position) * Math.Pow(0.5, cycle), $"step {step}");
            }
        }
    }

    [Theory]
    [InlineData(15L, 15L, 0.995)]
    [InlineData(2_000L, 2_000L, 0.99994)]
    [InlineData(3L, 5L, 0.5)]
    [InlineData(1L, 1L, 1.0)]
    public void CyclicExpRange_MatchesMathExp(long up, long down, double gamma)
    {
        var schedule = new CyclicSchedule(0.01, 0.05, up, down, CyclicMode.ExponentialRange, gamma);
        double logGamma = Math.Log(gamma);
        long total = up + down;
        var steps = new List<long>();
        for (long step = 0; step < 50_000; step += 1 + (step / 97))
        {
            steps.Add(step);
        }

        for (long cycle = 1; cycle < 200; cycle++)
        {
            steps.AddRange([(cycle * total) - 1, cycle * total, (cycle * total) + up]);
        }

        foreach (long step in steps)
        {
            double amplitude = Math.Exp(step * logGamma);
            double expected = 0.01 + (0.04 * CyclicScale(step, up, down) * amplitude);
            schedule.GetLearningRate(step).Should().BeApproximately(expected, 1e-14 * expected, $"step {step}");
        }

        schedule.GetLearningRate(long.MaxValue).Should().Be(gamma == 1.0 ? 0.01 + (0.04 * CyclicScale(long.MaxValue, up, down)) : 0.01);
    }

    [Fact]
    public void Cyclic_FillAcrossTheProductLimit_MatchesGetLearningRate()
    {
        foreach (CyclicMode mode in new[] { CyclicMode.Triangular, CyclicMode.Triangular2, CyclicMode.ExponentialRange })
        {
            var schedule = new CyclicSchedule(0.001, 0.006, 3, 4, mode, mode == CyclicMode.ExponentialRange ? 0.999 : 1.0);
            foreach (long first in new[] { TwoTo51 - 64, TwoTo53 - 64, long.MaxValue - 127 })
            {
                var buffer = new double[128];
                schedule.Fill(first, buffer);
                for (int i = 0; i < buffer.Length; i++)
                {
                    BitConverter.DoubleToInt64Bits(buffer[i]).Should().Be(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(first + i)), $"{mode} at {first + i}");
                }
            }
        }
    }

    // ---- cosine restarts, fractional tMul ----

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
    };

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

    [Fact]
    public void Log2Portable_MatchesBitOperations()
    {
        var values = new List<ulong> { 0, 1, 2, 3, ulong.MaxValue, long.MaxValue };
        for (int e = 0; e < 64; e++)
        {
            ulong power = 1UL << e;
            values.AddRange([power - 1, power, power + 1]);
        }

        var random = new Random(63);
        for (int n = 0; n < 1_000; n++)
        {
            values.Add((ulong)random.NextInt64() >> random.Next(0, 63));
        }

        foreach (ulong value in values)
        {
            BitMath.Log2Portable(value).Should().Be(BitOperations.Log2(value), $"value {value}");
            BitMath.Log2(value).Should().Be(BitOperations.Log2(value), $"value {value}");
        }
    }

    // ---- one-cycle ----

    public static TheoryData<long, double, AnnealStrategy, bool> OneCycleShapes() => new()
    {
        { 60, 0.2, AnnealStrategy.Cosine, false },
        { 100_000, 0.3, AnnealStrategy.Cosine, false },
        { 97, 0.3, AnnealStrategy.Cosine, true },
        { 90, 0.35, AnnealStrategy.Linear, true },
        { 1_001, 0.25, AnnealStrategy.Linear, false },
        { 7, 0.9, AnnealStrategy.Cosine, false },
        { 10, 0.05, AnnealStrategy.Cosine, false },
        { 1L << 40, 0.3, AnnealStrategy.Cosine, true },
        { long.MaxValue, 0.3, AnnealStrategy.Linear, false },
    };

    [Theory]
    [MemberData(nameof(OneCycleShapes))]
    public void OneCycle_AroundPhaseBoundaries_MatchesTheDivisionForm(long totalSteps, double pctStart, AnnealStrategy anneal, bool threePhase)
    {
        var schedule = new OneCycleSchedule(0.1, totalSteps, pctStart, anneal, threePhase: threePhase);
        double initialLr = 0.1 / 25.0;
        double minLr = initialLr / 1e4;
        double[] ends = threePhase
            ? [(pctStart * totalSteps) - 1.0, (2 * pctStart * totalSteps) - 2.0, totalSteps - 1.0]
            : [(pctStart * totalSteps) - 1.0, totalSteps - 1.0];
        double[] startLrs = threePhase ? [initialLr, 0.1, initialLr] : [initialLr, 0.1];
        double[] endLrs = threePhase ? [0.1, initialLr, minLr] : [0.1, minLr];

        var steps = new List<long> { 0, 1, 2, totalSteps - 2, totalSteps - 1, long.MaxValue };
        if (totalSteps < long.MaxValue)
        {
            steps.AddRange([totalSteps, totalSteps + 1]);
        }

        foreach (double end in ends)
        {
            long floor = (long)Math.Floor(end);
            steps.AddRange([floor - 2, floor - 1, floor, floor + 1, floor + 2]);
        }

        foreach (long step in steps.Where(s => s >= 0))
        {
            double t = step >= totalSteps ? totalSteps - 1 : step;
            int i = 0;
            double start = 0.0;
            while (i < ends.Length - 1 && t > ends[i])
            {
                start = ends[i];
                i++;
            }

            double pct = (t - start) / (ends[i] - start);
            double expected = anneal == AnnealStrategy.Cosine
                ? endLrs[i] + ((startLrs[i] - endLrs[i]) / 2.0 * (Math.Cos(Math.PI * pct) + 1.0))
                : ((endLrs[i] - startLrs[i]) * pct) + startLrs[i];
            // Relative to the phase's larger end: near a small end rate both forms lose the same digits to the subtraction.
            double scale = Math.Max(startLrs[i], endLrs[i]);
            schedule.GetLearningRate(step).Should().BeApproximately(expected, 1e-14 * scale, $"step {step} (phase {i})");
        }
    }

    [Theory]
    [InlineData(AnnealStrategy.Cosine)]
    [InlineData(AnnealStrategy.Linear)]
    public void OneCycle_AtWholePhaseEnds_HitsTheEndRates(AnnealStrategy anneal)
    {
        // pctStart 0.25 of 100 steps: the phases end at steps 24, 48 (three-phase) and 99 exactly.
        const double Initial = 0.1 / 25.0;
        const double Final = Initial / 1e4;
        var twoPhase = new OneCycleSchedule(0.1, 100, 0.25, anneal);
        twoPhase.GetLearningRate(0).Should().BeApproximately(Initial, 1e-15 * 0.1);
        twoPhase.GetLearningRate(24).Should().BeApproximately(0.1, 1e-15 * 0.1);
        twoPhase.GetLearningRate(99).Should().BeApproximately(Final, 1e-15 * 0.1);
        twoPhase.GetLearningRate(long.MaxValue).Should().Be(twoPhase.GetLearningRate(99));

        var threePhase = new OneCycleSchedule(0.1, 100, 0.25, anneal, threePhase: true);
        threePhase.GetLearningRate(0).Should().BeApproximately(Initial, 1e-15 * 0.1);
        threePhase.GetLearningRate(24).Should().BeApproximately(0.1, 1e-15 * 0.1);
        threePhase.GetLearningRate(48).Should().BeApproximately(Initial, 1e-15 * 0.1);
        threePhase.GetLearningRate(99).Should().BeApproximately(Final, 1e-15 * Initial);
    }

    [Fact]
    public void OneCycle_Fill_MatchesGetLearningRate()
    {
        foreach (AnnealStrategy anneal in new[] { AnnealStrategy.Cosine, AnnealStrategy.Linear })
        {
            foreach (bool threePhase in new[] { false, true })
            {
                var schedule = new OneCycleSchedule(0.1, 1_003, 0.27, anneal, threePhase: threePhase);
                var buffer = new double[1_100];
                schedule.Fill(0, buffer);
                for (int i = 0; i < buffer.Length; i++)
                {
                    BitConverter.DoubleToInt64Bits(buffer[i]).Should().Be(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(i)), $"step {i}");
                }
            }
        }
    }

    // ---- references ----

    /// <summary>
    /// The triangle <c>h</c> at <paramref name="step"/>: the position from long division, then one division of doubles (correctly
    /// rounded, so within 2^-53 of the exact ratio below 2^53 and within 3 * 2^-53 above, where the operands round).
    /// </summary>
    private static double CyclicScale(long step, long up, long down)
    {
        long total = up + down;
        long position = step % total;
        return position <= up ? (double)position / up : (double)(total - position) / down;
    }

    /// <summary>The spec's period start <c>first * (tMul^i - 1) / (tMul - 1)</c>, as the schedule's table holds it.</summary>
    internal static double Start(long first, double tMul, long i) => first * ((Math.Pow(tMul, i) - 1.0) / (tMul - 1.0));

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

            double fraction = Math.Min(Math.Max((t - Start(first, tMul, i)) / (first * Math.Pow(tMul, i)), 0.0), 1.0);
            double peak = Math.Pow(0.9, i);
            double expected = peak * (1.0 + Math.Cos(Math.PI * fraction)) / 2.0;
            // Past the cached peaks mMul^i comes from exp(i * ln mMul), whose error grows with i; far out the peaks are subnormal.
            schedule.GetLearningRate(step).Should().BeApproximately(expected, (peak * (1e-13 + (4e-16 * i))) + 1e-300, $"step {step} (period {i})");
        }
    }

    /// <summary>Steps at and around cycle boundaries, peaks, 2^51 (where the cycle stops coming from a product), 2^53 and long.MaxValue.</summary>
    private static IEnumerable<long> CyclicSteps(long total)
    {
        var steps = new List<long>();
        for (long step = 0; step < 10_000; step++)
        {
            steps.Add(step);
        }

        foreach (long anchor in new[] { TwoTo51, TwoTo53, long.MaxValue / 2, long.MaxValue })
        {
            long cycleStart = anchor - (anchor % total);
            for (long d = -40; d <= 40; d++)
            {
                steps.Add(anchor - 40 + d);
                steps.Add(cycleStart + d);
            }
        }

        for (long cycle = 1; cycle <= 1_000; cycle++)
        {
            if (cycle > long.MaxValue / total)
            {
                break;
            }

            long start = cycle * total;
            steps.AddRange([start - 1, start, start + 1]);
        }

        return steps.Where(s => s >= 0).Distinct();
    }
}
