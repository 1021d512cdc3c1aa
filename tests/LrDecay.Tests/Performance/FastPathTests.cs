using LrDecay.Tests.Support;

namespace LrDecay.Tests.Performance;

/// <summary>Edges of the hot-path shortcuts: cached power tables, staircase edges, restart tables, exact half powers, huge steps.</summary>
public sealed class FastPathTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(1_022L)]
    [InlineData(1_023L)]
    [InlineData(1_024L)]
    [InlineData(1_025L)]
    [InlineData(5_000L)]
    [InlineData(1_000_000L)]
    public void Step_AroundThePowerTable_IsInitialLrTimesPow(long k)
    {
        var schedule = Schedules.Step(0.1, stepSize: 3, gamma: 0.9995);
        double expected = 0.1 * Math.Pow(0.9995, k);
        schedule.GetLearningRate(k * 3).Should().Be(expected);
        schedule.GetLearningRate((k * 3) + 2).Should().Be(expected);
    }

    [Fact]
    public void Step_PowersUnderflow_StayZeroToLongMax()
    {
        var schedule = Schedules.Step(0.1, stepSize: 1, gamma: 0.1);
        schedule.GetLearningRate(330).Should().Be(0.0);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.0);
        Schedules.Step(0.1, stepSize: 1, gamma: 1.0).GetLearningRate(long.MaxValue).Should().Be(0.1);
    }

    [Theory]
    [InlineData(29L, 0.1)]
    [InlineData(30L, 0.010000000000000002)]
    [InlineData(59L, 0.010000000000000002)]
    [InlineData(60L, 0.0010000000000000002)]
    public void Step_AtStaircaseEdges_DropsExactlyThere(long step, double expected) =>
        Schedules.Step(0.1, stepSize: 30, gamma: 0.1).GetLearningRate(step).Should().Be(expected);

    [Theory]
    [InlineData(999L, 0)]
    [InlineData(1_000L, 1)]
    [InlineData(1_999L, 1)]
    [InlineData(2_000L, 2)]
    public void ExponentialStaircase_AtEdges_UsesFlooredExponent(long step, int k) =>
        Schedules.Exponential(0.1, 0.96, 1_000, staircase: true).GetLearningRate(step).Should().Be(0.1 * Math.Pow(0.96, k));

    [Theory]
    [InlineData(9L, 0)]
    [InlineData(10L, 1)]
    [InlineData(19L, 1)]
    [InlineData(20L, 2)]
    public void InverseTimeStaircase_AtEdges_UsesFlooredRatio(long step, int k) =>
        Schedules.InverseTime(0.1, 0.5, 10, staircase: true).GetLearningRate(step).Should().Be(0.1 / (1.0 + (0.5 * k)));

    [Fact]
    public void MultiStepAndPiecewise_AtBoundaries_FollowTheirConventions()
    {
        var multi = Schedules.MultiStep(1.0, [10, 20], 0.5);
        multi.GetLearningRate(9).Should().Be(1.0);
        multi.GetLearningRate(10).Should().Be(0.5);
        multi.GetLearningRate(20).Should().Be(0.25);
        var piecewise = Schedules.PiecewiseConstant([10, 20], [3.0, 2.0, 1.0]);
        piecewise.GetLearningRate(10).Should().Be(3.0);
        piecewise.GetLearningRate(11).Should().Be(2.0);
        piecewise.GetLearningRate(21).Should().Be(1.0);
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
    public void PolynomialGeneralPower_MatchesMathPow()
    {
        var schedule = Schedules.Polynomial(0.1, decaySteps: 10_000, endLr: 0.001, power: 1.7);
        for (long step = 0; step <= 10_000; step += 7)
        {
            double expected = (0.099 * Math.Pow(1.0 - (step / 10_000.0), 1.7)) + 0.001;
            schedule.GetLearningRate(step).Should().BeApproximately(expected, 1e-13 * expected);
        }
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.7)]
    [InlineData(7.3)]
    [InlineData(9.0)]
    [InlineData(40.0)]
    public void PolynomialGeneralPower_WithoutEndLr_MatchesMathPowDownToTheLastStep(double power)
    {
        // endLr 0 leaves nothing to hide the power's own error; a decay of 2^60 steps takes x down to 2^-60 (and x^40 into the
        // subnormals, where the comparison is absolute).
        const long decaySteps = 1L << 60;
        var schedule = Schedules.Polynomial(1.0, decaySteps, endLr: 0.0, power: power);
        foreach (long left in new[] { decaySteps, decaySteps - 1, 1L << 59, 1L << 40, 123_456_789L, 1_000L, 3L, 2L, 1L, 0L })
        {
            double expected = Math.Pow(left / (double)decaySteps, power);
            schedule.GetLearningRate(decaySteps - left).Should().BeApproximately(expected, Math.Max(1e-13 * expected, 1e-320), $"{left} steps left");
        }
    }

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
        for (long t = 0; t < 20_000; t += 1)
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

    [Fact]
    public void EverySchedule_AtHugeSteps_IsFiniteAndNonNegative()
    {
        foreach ((string name, Func<ILearningRateSchedule> create) in ScheduleCatalog.All)
        {
            ILearningRateSchedule schedule = create();
            foreach (long step in new[] { (1L << 53) - 1, 1L << 53, (1L << 53) + 1, 1L << 62, long.MaxValue - 1, long.MaxValue })
            {
                double lr = schedule.GetLearningRate(step);
                (double.IsFinite(lr) && lr >= 0.0).Should().BeTrue($"{name} at {step} gave {lr:R}");
            }
        }
    }

    [Fact]
    public void GetLearningRate_NegativeStep_ThrowsNamingStep()
    {
        foreach ((string name, Func<ILearningRateSchedule> create) in ScheduleCatalog.All)
        {
            Action act = () => create().GetLearningRate(-1);
            act.Should().Throw<ArgumentOutOfRangeException>(name).WithParameterName("step").WithMessage("step ('-1') must be a non-negative value.*");
        }
    }

    [Fact]
    public void PlateauObserve_States_PassThePublicChecks()
    {
        var random = new Random(7);
        foreach (PlateauSchedule plateau in new[]
        {
            Schedules.Plateau(0.1, factor: 0.5, patience: 2, cooldown: 1, minLr: 1e-4),
            Schedules.Plateau(0.1, mode: PlateauMode.Maximize, factor: 0.5, patience: 0, thresholdMode: PlateauThresholdMode.Absolute),
            Schedules.Plateau(0.1, factor: 0.5, patience: 3, cooldown: 2, compat: PlateauCompat.Keras),
        })
        {
            PlateauState state = plateau.InitialState;
            for (int i = 0; i < 2_000; i++)
            {
                double metric = i % 97 == 0 ? double.NaN : random.NextDouble();
                state = plateau.Observe(state, metric);
                var rebuilt = new PlateauState(state.Best, state.BadEpochs, state.CooldownCounter, state.Reductions, state.Scale, state.Epochs);
                rebuilt.Should().Be(state);
                plateau.GetLearningRate(state, i).Should().Be(Math.Max(0.1 * state.Scale, plateau.MinLr));
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
}
