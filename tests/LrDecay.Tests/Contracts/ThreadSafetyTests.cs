using LrDecay.Tests.Support;

namespace LrDecay.Tests.Contracts;

/// <summary>One schedule shared by many threads at once gives exactly the sequential results (schedules are immutable).</summary>
public sealed class ThreadSafetyTests
{
    [Fact]
    public void GetLearningRate_ManyThreadsAtOnce_EqualsSequential()
    {
        var r = new Random(99);
        for (int c = 0; c < 20; c++)
        {
            GeneratedConfig config = RandomConfigs.Any(r, 3);
            ILearningRateSchedule schedule = config.Build();
            long[] steps = Enumerable.Range(0, 4_000).Select(_ => RandomConfigs.Step(r)).ToArray();
            long[] expected = steps.Select(s => BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(s))).ToArray();

            int threads = Math.Max(4, Environment.ProcessorCount * 2);
            var results = new long[threads][];
            using var start = new Barrier(threads);
            Thread[] workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                var mine = new long[steps.Length];
                start.SignalAndWait();
                for (int i = 0; i < steps.Length; i++)
                {
                    // Each thread walks the steps from a different offset, so different steps run concurrently too.
                    int k = (i + (t * 997)) % steps.Length;
                    mine[k] = BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(steps[k]));
                }

                results[t] = mine;
            })).ToArray();
            foreach (Thread w in workers)
            {
                w.Start();
            }

            foreach (Thread w in workers)
            {
                w.Join();
            }

            foreach (long[] result in results)
            {
                result.Should().Equal(expected, config.Text);
            }
        }
    }

    [Fact]
    public void PlateauObserveAndParse_ManyThreadsAtOnce_EqualsSequential()
    {
        var plateau = (PlateauSchedule)ScheduleJson.Parse(
            """{"type":"plateau","schedule":{"type":"cosine","initialLr":0.1,"decaySteps":500},"patience":2,"cooldown":1,"factor":0.5}""");
        var r = new Random(5);
        double[] metrics = Enumerable.Range(0, 500).Select(i => i % 7 == 0 ? double.NaN : 1.0 / (1 + (i / 10)) + r.NextDouble() * 0.01).ToArray();
        PlateauState Sequential()
        {
            PlateauState state = plateau.InitialState;
            foreach (double m in metrics)
            {
                state = plateau.Observe(state, m);
            }

            return state;
        }

        PlateauState expected = Sequential();
        string json = ScheduleJson.Serialize(plateau);
        PlateauState[] results = new PlateauState[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            _ = ScheduleJson.Parse(json);
            results[i] = Sequential();
        });
        results.Should().OnlyContain(s => s == expected);
    }

    [Fact]
    public void Fill_ManyThreadsAtOnce_EqualsSequential()
    {
        ILearningRateSchedule schedule = Schedules.Cosine(3e-4, 10_000).WithWarmup(500).Clamped(minLr: 1e-6);
        var expected = new double[20_000];
        schedule.Fill(0, expected);
        double[][] results = Enumerable.Range(0, 8).Select(_ => new double[20_000]).ToArray();
        Parallel.For(0, results.Length, i => schedule.Fill(0, results[i]));
        foreach (double[] result in results)
        {
            result.Should().Equal(expected);
        }
    }
}
