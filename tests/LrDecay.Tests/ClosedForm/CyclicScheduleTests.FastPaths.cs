namespace LrDecay.Tests.ClosedForm;

/// <summary>
/// The products that replace the long division of the step by the cycle length, against long division: the cycle and the
/// position in it exact, a rate within a few ulps; around cycle boundaries, 2^51 (where the cycle stops coming from a product),
/// 2^53 and <see cref="long.MaxValue"/>. And the exact half powers of triangular2.
/// </summary>
public sealed partial class CyclicScheduleTests
{
    private const double RelTol = 1e-15;
    private const long TwoTo51 = 1L << 51;

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
    public void CyclicTriangular2_AmplitudeAtEveryCycle_IsExactHalfPower()
    {
        // stepSizeUp = stepSizeDown = 1: step 2c + 1 is the peak of cycle c + 1, amplitude 0.5^c (subnormal from c = 1023, 0 from 1075).
        var schedule = Schedules.Cyclic(0.0, 1.0, stepSizeUp: 1, stepSizeDown: 1, mode: CyclicMode.Triangular2);
        for (int c = 0; c <= 1_100; c++)
        {
            schedule.GetLearningRate((2L * c) + 1).Should().Be(Math.Pow(0.5, c), $"cycle {c + 1}");
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
