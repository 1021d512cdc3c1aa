namespace LrDecay.Tests.Plateau;

/// <summary>
/// Data-parallel training: every rank computes its rate from the step alone, with no communication; a plateau needs its metric
/// all-reduced before it is observed, and then every rank holds the same state and rate, bit for bit, also across a checkpoint.
/// </summary>
public sealed class DataParallelTests
{
    private const int Ranks = 8;
    private const int Epochs = 400;
    private const int StepsPerEpoch = 50;
    private const int CheckpointEpoch = 173;

    private const string Config = """
        {"type": "plateau", "factor": 0.5, "patience": 3, "cooldown": 2, "minLr": 1e-6,
         "schedule": {"type": "cosine", "initialLr": 0.1, "decaySteps": 20000, "minLr": 1e-4}}
        """;

    [Fact]
    public void EightRanks_ObservingTheAllReducedMetric_HoldTheSameStatesAndRates_AcrossACheckpoint()
    {
        Run[] runs = RunRanks(allReduce: true);

        // One process observing the same all-reduced metrics, with no checkpoint.
        Run single = RunRank(rank: 0, allReduce: true, barrier: null, checkpoint: false);
        single.Reductions.Should().BeGreaterThan(3, "the run must reduce its rate several times to test anything");
        foreach (Run run in runs)
        {
            run.States.Should().Equal(single.States);
            run.RateBits.Should().Equal(single.RateBits);
        }
    }

    [Fact]
    public void EightRanks_ObservingTheirOwnMetrics_DriftApart()
    {
        // What the all-reduce prevents: each rank's local metric moves its own state.
        Run[] runs = RunRanks(allReduce: false);

        runs.Select(r => r.States[^1]).Distinct().Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public void TheBaseRate_NeedsNoCommunication_EveryRankComputesItFromTheStep()
    {
        ILearningRateSchedule[] perRank = Enumerable.Range(0, Ranks).Select(_ => ScheduleJson.Parse(Config)).ToArray();
        var plateau = (PlateauSchedule)perRank[0];
        for (long step = 0; step < Epochs * StepsPerEpoch; step += 37)
        {
            long bits = BitConverter.DoubleToInt64Bits(perRank[0].GetLearningRate(step));
            perRank.Should().OnlyContain(s => BitConverter.DoubleToInt64Bits(s.GetLearningRate(step)) == bits);
            BitConverter.DoubleToInt64Bits(plateau.GetLearningRate(plateau.InitialState, step)).Should().Be(bits);
        }
    }

    private static Run[] RunRanks(bool allReduce)
    {
        using var barrier = new AllReduce(Ranks);
        Task<Run>[] tasks = Enumerable.Range(0, Ranks)
            .Select(rank => Task.Factory.StartNew(() => RunRank(rank, allReduce, barrier, checkpoint: true), TaskCreationOptions.LongRunning))
            .ToArray();
        Task.WaitAll(tasks);
        return tasks.Select(t => t.Result).ToArray();
    }

    /// <summary>One rank's training loop: a rate per step from its own schedule instance, a metric observed after each epoch.</summary>
    private static Run RunRank(int rank, bool allReduce, AllReduce? barrier, bool checkpoint)
    {
        var schedule = (PlateauSchedule)ScheduleJson.Parse(Config);
        PlateauState state = schedule.InitialState;
        var states = new List<string>();
        var rates = new List<long>();
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            for (long step = (long)epoch * StepsPerEpoch; step < (long)(epoch + 1) * StepsPerEpoch; step++)
            {
                rates.Add(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(state, step)));
            }

            double metric = allReduce
                ? (barrier is null ? Mean(epoch) : barrier.Mean(rank, LocalLoss(rank, epoch)))
                : LocalLoss(rank, epoch);
            state = schedule.Observe(state, metric);
            states.Add(ScheduleJson.SerializeState(state));

            if (checkpoint && epoch == CheckpointEpoch)
            {
                // A restart: the config and the state come back from their JSON, in a new schedule instance.
                string saved = ScheduleJson.SerializeState(state);
                schedule = (PlateauSchedule)ScheduleJson.Parse(ScheduleJson.Serialize(schedule));
                state = ScheduleJson.ParseState(saved);
            }
        }

        return new Run(states, rates, state.Reductions);
    }

    /// <summary>A rank's validation loss: a slow decline that stalls, with rank-dependent noise.</summary>
    private static double LocalLoss(int rank, int epoch)
    {
        uint x = (uint)((epoch * 7919) + (rank * 104729) + 1);
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        double noise = ((x % 1000) / 1000.0) - 0.5;
        return (2.0 / (1.0 + (Math.Min(epoch, 100) / 10.0))) + 0.3 + (0.02 * noise);
    }

    /// <summary>The all-reduced (mean) loss, summed in rank order as every rank receives it.</summary>
    private static double Mean(int epoch)
    {
        double sum = 0.0;
        for (int r = 0; r < Ranks; r++)
        {
            sum += LocalLoss(r, epoch);
        }

        return sum / Ranks;
    }

    private sealed record Run(List<string> States, List<long> RateBits, long Reductions);

    /// <summary>An all-reduce among threads: each rank posts its value, waits for all, and reads the mean in rank order.</summary>
    private sealed class AllReduce(int ranks) : IDisposable
    {
        private readonly double[] _values = new double[ranks];
        private readonly Barrier _posted = new(ranks);
        private readonly Barrier _read = new(ranks);

        public double Mean(int rank, double value)
        {
            _values[rank] = value;
            _posted.SignalAndWait();
            double sum = 0.0;
            for (int r = 0; r < _values.Length; r++)
            {
                sum += _values[r];
            }

            _read.SignalAndWait();
            return sum / _values.Length;
        }

        public void Dispose()
        {
            _posted.Dispose();
            _read.Dispose();
        }
    }
}
