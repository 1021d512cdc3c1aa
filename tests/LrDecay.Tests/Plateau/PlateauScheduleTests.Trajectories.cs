using System.Text.Json.Nodes;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Plateau;

/// <summary>
/// Reduce-on-plateau under hostile metrics (NaN, infinities, flat runs), edge settings (patience 0, cooldown longer than the run), and
/// checkpoint/resume: the state written with <see cref="ScheduleJson.SerializeState"/> and read back at any epoch continues with the
/// identical trajectory. Trajectories are also checked against plain re-statements of the PyTorch and Keras loops, kept as the
/// upstream code keeps them (the current learning rate, not a scale).
/// </summary>
public sealed partial class PlateauScheduleTests
{
    public const int Sequences = 1_000;

    [Fact]
    public void Resume_AtEveryEpochOfRandomRuns_ContinuesIdentically()
    {
        var r = new Random(1000);
        int resumes = 0;
        for (int run = 0; run < TestBudget.Count(Sequences, 60); run++)
        {
            (PlateauSchedule plateau, string json) = RandomPlateau(r);
            double[] metrics = RandomMetrics(r, r.Next(1, 60));
            PlateauState[] states = Trajectory(plateau, plateau.InitialState, metrics);

            // The checkpoint holds the config and the state; the resumed process rebuilds both from JSON.
            var resumed = (PlateauSchedule)ScheduleJson.Parse(ScheduleJson.Serialize(plateau));
            // Resume at the start, the end, and two random epochs of each run.
            foreach (int at in new[] { 0, metrics.Length, r.Next(metrics.Length + 1), r.Next(metrics.Length + 1) })
            {
                PlateauState restored = ScheduleJson.ParseState(ScheduleJson.SerializeState(states[at]));
                restored.Should().Be(states[at], json);
                PlateauState[] continued = Trajectory(resumed, restored, metrics.AsSpan(at).ToArray());
                for (int i = 0; i < continued.Length; i++)
                {
                    PlateauState expected = states[at + i];
                    continued[i].Should().Be(expected, $"resumed at epoch {at}, epoch {at + i} of {json} with metrics [{string.Join(", ", metrics)}]");
                    long step = at + i;
                    Bits(resumed.GetLearningRate(continued[i], step)).Should().Be(Bits(plateau.GetLearningRate(expected, step)));
                }

                resumes++;
            }
        }

        resumes.Should().Be(TestBudget.Count(Sequences, 60) * 4);
    }

    [Fact]
    public void Observe_RandomRuns_MatchTheUpstreamLoops()
    {
        var r = new Random(31337);
        for (int run = 0; run < TestBudget.Count(Sequences, 60); run++)
        {
            (PlateauSchedule plateau, string json) = RandomPlateau(r, constantBase: true);
            if (plateau.MinLr > plateau.InitialLr)
            {
                // Upstream keeps a start below min_lr untouched; here max(initialLr, minLr) applies from the start (see the report).
                continue;
            }

            double[] metrics = RandomMetrics(r, r.Next(1, 80));
            var reference = new ReferencePlateau(plateau);
            PlateauState state = plateau.InitialState;
            for (int i = 0; i < metrics.Length; i++)
            {
                state = plateau.Observe(state, metrics[i]);
                reference.Step(metrics[i]);
                double lr = plateau.GetLearningRate(state, i + 1);
                string what = $"epoch {i} of {json} with metrics [{string.Join(", ", metrics.Take(i + 1))}]";
                lr.Should().BeApproximately(reference.Lr, (1e-12 * reference.Lr) + 1e-300, what);
                state.BadEpochs.Should().Be(reference.BadEpochs, what);
                state.CooldownCounter.Should().Be(reference.CooldownCounter, what);
                state.Best.Should().Be(reference.Best, what);
                double.IsFinite(lr).Should().BeTrue();
                lr.Should().BeGreaterThanOrEqualTo(plateau.MinLr);
            }
        }
    }

    [Theory]
    [InlineData("pytorch", 0, 49)]
    [InlineData("pytorch", 2, 16)]
    [InlineData("keras", 0, 49)]
    [InlineData("keras", 1, 49)]
    [InlineData("keras", 3, 16)]
    public void Observe_FlatMetrics_ReducesOncePerPatienceWindow(string compat, int patience, int reductions)
    {
        // The first metric sets the best; the other 49 are bad epochs. PyTorch reduces after every patience + 1 of them, Keras after
        // every max(patience, 1): 49, or floor(49 / 3) = 16.
        var plateau = (PlateauSchedule)ScheduleJson.Parse(
            $"{{\"type\":\"plateau\",\"initialLr\":1,\"factor\":0.5,\"patience\":{patience},\"eps\":0,\"compat\":\"{compat}\"}}");
        PlateauState state = StateAfter(plateau, Enumerable.Repeat(0.25, 50));
        state.Reductions.Should().Be(reductions);
        plateau.GetLearningRate(state, 50).Should().Be(Math.Pow(0.5, reductions));
    }

    [Theory]
    [InlineData("pytorch")]
    [InlineData("keras")]
    public void Observe_CooldownLongerThanTheRun_ReducesOnce(string compat)
    {
        var plateau = (PlateauSchedule)ScheduleJson.Parse(
            $"{{\"type\":\"plateau\",\"initialLr\":1,\"factor\":0.5,\"patience\":0,\"cooldown\":1000,\"compat\":\"{compat}\"}}");
        PlateauState state = StateAfter(plateau, Enumerable.Repeat(1.0, 200));
        state.Reductions.Should().Be(1);
        state.CooldownCounter.Should().Be(1000 - 198); // reduced at the second epoch, then counted down over the other 198
        state.InCooldown.Should().BeTrue();
        plateau.GetLearningRate(state, 200).Should().Be(0.5);
    }

    [Theory]
    [InlineData("pytorch", "min")]
    [InlineData("pytorch", "max")]
    [InlineData("keras", "min")]
    [InlineData("keras", "max")]
    public void Observe_NaNMetrics_AreNeverAnImprovement(string compat, string mode)
    {
        var plateau = (PlateauSchedule)ScheduleJson.Parse(
            $"{{\"type\":\"plateau\",\"initialLr\":1,\"mode\":\"{mode}\",\"factor\":0.5,\"patience\":1,\"compat\":\"{compat}\"}}");
        PlateauState state = StateAfter(plateau, Enumerable.Repeat(double.NaN, 10));
        state.Best.Should().Be(mode == "min" ? double.PositiveInfinity : double.NegativeInfinity, "NaN never becomes the best, even first");
        state.Reductions.Should().Be(compat == "pytorch" ? 5 : 10); // 10 bad epochs: one reduction per patience + 1 (PyTorch), per patience (Keras)
        ScheduleJson.ParseState(ScheduleJson.SerializeState(state)).Should().Be(state);

        // A NaN after a real metric does not replace it either.
        PlateauState after = plateau.Observe(plateau.Observe(plateau.InitialState, 3.0), double.NaN);
        after.Best.Should().Be(3.0);
        if (compat == "pytorch")
        {
            after.BadEpochs.Should().Be(1, "one bad epoch is within patience 1");
        }
        else
        {
            after.Reductions.Should().Be(1, "Keras reduces when the wait reaches patience 1");
        }
    }

    [Theory]
    [InlineData("pytorch", "rel")]
    [InlineData("pytorch", "abs")]
    [InlineData("keras", "abs")]
    public void Observe_InfiniteMetrics_KeepStateFiniteAndSerializable(string compat, string thresholdMode)
    {
        var plateau = (PlateauSchedule)ScheduleJson.Parse(
            $"{{\"type\":\"plateau\",\"initialLr\":1,\"factor\":0.5,\"patience\":0,\"compat\":\"{compat}\",\"thresholdMode\":\"{thresholdMode}\"}}");
        PlateauState state = StateAfter(plateau, [double.PositiveInfinity, 5.0, double.NegativeInfinity, double.NegativeInfinity, 1.0, double.NaN]);
        state.Best.Should().Be(double.NegativeInfinity, "-inf is the best a loss can be");
        state.Reductions.Should().Be(4, "+inf first (not below the initial +inf best), the second -inf, 1.0 and NaN are no improvement");
        string json = ScheduleJson.SerializeState(state);
        json.Should().Contain("-Infinity");
        ScheduleJson.ParseState(json).Should().Be(state);
        plateau.GetLearningRate(state, 6).Should().Be(0.0625); // 0.5^4
    }

    [Fact]
    public void Observe_ManyReductions_ScaleUnderflowsToMinLrNotNaN()
    {
        var plateau = new PlateauSchedule(1.0, factor: 1e-10, patience: 0, eps: 0.0, minLr: 0.0);
        PlateauState state = StateAfter(plateau, Enumerable.Range(0, 200).Select(i => 1.0));
        plateau.GetLearningRate(state, 200).Should().Be(0.0);
        state.Scale.Should().Be(0.0);
        ScheduleJson.ParseState(ScheduleJson.SerializeState(state)).Should().Be(state);

        var floored = new PlateauSchedule(new CosineSchedule(1.0, 10), factor: 0.5, patience: 0, minLr: 1e-3);
        PlateauState s = StateAfter(floored, Enumerable.Repeat(1.0, 100));
        floored.GetLearningRate(s, 5).Should().Be(1e-3);
        floored.GetLearningRate(s, long.MaxValue).Should().Be(1e-3);
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

    private static PlateauState StateAfter(PlateauSchedule plateau, IEnumerable<double> metrics)
    {
        PlateauState state = plateau.InitialState;
        foreach (double metric in metrics)
        {
            state = plateau.Observe(state, metric);
        }

        return state;
    }

    /// <summary>states[i] is the state after the first i metrics.</summary>
    private static PlateauState[] Trajectory(PlateauSchedule plateau, PlateauState start, double[] metrics)
    {
        var states = new PlateauState[metrics.Length + 1];
        states[0] = start;
        for (int i = 0; i < metrics.Length; i++)
        {
            states[i + 1] = plateau.Observe(states[i], metrics[i]);
        }

        return states;
    }

    private static (PlateauSchedule Plateau, string Json) RandomPlateau(Random r, bool constantBase = false)
    {
        var o = new JsonObject { ["type"] = "plateau" };
        if (constantBase || r.Next(3) > 0)
        {
            o["initialLr"] = RandomConfigs.Lr(r);
        }
        else
        {
            o["schedule"] = RandomConfigs.Any(r, 2).CloneJson();
        }

        RandomConfigs.AddPlateauOptions(r, o);
        if (r.Next(5) == 0)
        {
            o["cooldown"] = 100_000L;
        }

        string json = o.ToJsonString();
        return ((PlateauSchedule)ScheduleJson.Parse(json), json);
    }

    /// <summary>Metrics with trends, flat runs, repeats, NaN and infinities.</summary>
    private static double[] RandomMetrics(Random r, int length)
    {
        var metrics = new double[length];
        double level = r.NextDouble() * 10 - 2;
        for (int i = 0; i < length; i++)
        {
            metrics[i] = r.Next(12) switch
            {
                0 => double.NaN,
                1 => r.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity,
                2 or 3 => i > 0 ? metrics[i - 1] : level,
                _ => level += (r.NextDouble() - 0.6) * Math.Pow(10, -r.Next(0, 6)),
            };
        }

        return metrics;
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    /// <summary>The upstream loops restated: PyTorch ReduceLROnPlateau.step and Keras ReduceLROnPlateau.on_epoch_end, one lr.</summary>
    private sealed class ReferencePlateau
    {
        private readonly PlateauSchedule _p;

        public ReferencePlateau(PlateauSchedule p)
        {
            _p = p;
            Lr = p.InitialLr;
            Best = p.Mode == PlateauMode.Minimize ? double.PositiveInfinity : double.NegativeInfinity;
        }

        public double Lr { get; private set; }

        public double Best { get; private set; }

        public long BadEpochs { get; private set; }

        public long CooldownCounter { get; private set; }

        public void Step(double current)
        {
            if (_p.Compat == PlateauCompat.PyTorch)
            {
                if (PyTorchIsBetter(current))
                {
                    Best = current;
                    BadEpochs = 0;
                }
                else
                {
                    BadEpochs++;
                }

                if (CooldownCounter > 0)
                {
                    CooldownCounter--;
                    BadEpochs = 0;
                }

                if (BadEpochs > _p.Patience)
                {
                    double newLr = Math.Max(Lr * _p.Factor, _p.MinLr);
                    if (Lr - newLr > _p.Eps)
                    {
                        Lr = newLr;
                    }

                    CooldownCounter = _p.Cooldown;
                    BadEpochs = 0;
                }

                return;
            }

            if (CooldownCounter > 0)
            {
                CooldownCounter--;
                BadEpochs = 0;
            }

            // Keras 3 MonitorCallback: monitor_op(current - min_delta, best), min_delta negated in min mode.
            bool better = _p.Mode == PlateauMode.Minimize ? current + _p.Threshold < Best : current - _p.Threshold > Best;
            if (better)
            {
                Best = current;
                BadEpochs = 0;
            }
            else if (CooldownCounter == 0)
            {
                BadEpochs++;
                if (BadEpochs >= _p.Patience && Lr > (float)_p.MinLr)
                {
                    Lr = Math.Max(Lr * _p.Factor, _p.MinLr);
                    CooldownCounter = _p.Cooldown;
                    BadEpochs = 0;
                }
            }
        }

        private bool PyTorchIsBetter(double a)
        {
            bool rel = _p.ThresholdMode == PlateauThresholdMode.Relative;
            return _p.Mode == PlateauMode.Minimize
                ? a < (rel ? Best * (1.0 - _p.Threshold) : Best - _p.Threshold)
                : a > (rel ? Best * (_p.Threshold + 1.0) : Best + _p.Threshold);
        }
    }
}
