using LrDecay.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace LrDecay.Samples.Training;

/// <summary>How one run drives the optimizer: a schedule, an optional momentum schedule, and which LrDecay.TorchSharp API sets them.</summary>
/// <param name="Name">The legend and table label.</param>
/// <param name="Schedule">The learning-rate schedule, asked per optimizer step.</param>
/// <param name="Momentum">A schedule for SGD's momentum, or null for plain SGD (momentum 0).</param>
/// <param name="UseScheduler">
/// True: an <see cref="LrDecayScheduler"/> stepped after each batch (and, for a <see cref="PlateauSchedule"/>, fed the test loss after
/// each epoch). False: <c>optimizer.SetLearningRate(schedule, step, momentum)</c> before each batch.
/// </param>
internal sealed record RunSpec(string Name, ILearningRateSchedule Schedule, ILearningRateSchedule? Momentum, bool UseScheduler);

/// <summary>What one run recorded: per optimizer step and per epoch.</summary>
internal sealed class RunLog(string name, string api)
{
    public string Name { get; } = name;

    /// <summary>"SetLearningRate" or "LrDecayScheduler".</summary>
    public string Api { get; } = api;

    /// <summary>The training loss of each batch.</summary>
    public List<double> StepLoss { get; } = [];

    /// <summary>The learning rate each batch was trained with.</summary>
    public List<double> StepLr { get; } = [];

    /// <summary>SGD's momentum each batch was trained with.</summary>
    public List<double> StepMomentum { get; } = [];

    /// <summary>The mean training loss of each epoch.</summary>
    public List<double> EpochTrainLoss { get; } = [];

    /// <summary>The test-set loss after each epoch.</summary>
    public List<double> EpochTestLoss { get; } = [];

    /// <summary>The test-set accuracy after each epoch.</summary>
    public List<double> EpochTestAccuracy { get; } = [];

    /// <summary>What a reduce-on-plateau did, epoch by epoch.</summary>
    public List<string> Notes { get; } = [];
}

/// <summary>
/// The Keras MNIST example's model in TorchSharp: Flatten, Dense(128, relu), Dense(10), cross-entropy, SGD, batch 32, trained from
/// the same seed for every run, so that two runs differ only in their schedules.
/// </summary>
internal sealed class Trainer(Dataset data, int batchSize, int epochs, long seed)
{
    /// <summary>Optimizer steps per epoch: the last, partial batch counts, as in Keras and PyTorch's DataLoader.</summary>
    public long StepsPerEpoch => (data.TrainCount + batchSize - 1) / batchSize;

    public long TotalSteps => StepsPerEpoch * epochs;

    /// <summary>Called before each epoch with its 1-based number and the learning rate its first batch is trained with.</summary>
    public Action<int, double>? EpochStarting { get; init; }

    /// <summary>Called after each epoch with its 1-based number and the log so far.</summary>
    public Action<int, RunLog>? EpochEnded { get; init; }

    /// <summary>Trains a fresh model (the same initial weights and batch order each time) under <paramref name="spec"/>.</summary>
    public RunLog Run(RunSpec spec)
    {
        var log = new RunLog(spec.Name, spec.UseScheduler ? nameof(LrDecayScheduler) : nameof(OptimizerScheduleExtensions.SetLearningRate));

        // Same seed, same initial weights; a generator of its own keeps the batch order the same whatever the model draws.
        torch.manual_seed(seed);
        using Sequential model = Sequential(
            ("flatten", Flatten()),
            ("hidden", Linear(28 * 28, 128)),
            ("relu", ReLU()),
            ("logits", Linear(128, 10)));
        using var shuffle = new torch.Generator((ulong)seed);
        using var lossFunction = CrossEntropyLoss();

        // Plain SGD as in the Keras example; a momentum schedule needs SGD with momentum, and starts it at its own step-0 value.
        double momentum0 = spec.Momentum?.GetLearningRate(0) ?? 0.0;
        torch.optim.Optimizer optimizer = torch.optim.SGD(model.parameters(), learningRate: spec.Schedule.GetLearningRate(0), momentum: momentum0);
        torch.optim.ILearningRateController group = optimizer.ParamGroups.First();

        // One of the two ways to drive the optimizer; both set the rate (and momentum) of step t to the schedules' values at t.
        LrDecayScheduler? scheduler = spec.UseScheduler ? new LrDecayScheduler(optimizer, spec.Schedule, momentum: spec.Momentum) : null;

        long step = 0;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            model.train();
            using torch.Tensor order = torch.randperm(data.TrainCount, generator: shuffle);
            double lossSum = 0;
            for (long start = 0; start < data.TrainCount; start += batchSize, step++)
            {
                using var scope = torch.NewDisposeScope();
                if (scheduler is null)
                {
                    optimizer.SetLearningRate(spec.Schedule, step, spec.Momentum);
                }

                if (start == 0)
                {
                    EpochStarting?.Invoke(epoch, group.LearningRate);
                }

                torch.Tensor batch = order.narrow(0, start, Math.Min(batchSize, data.TrainCount - start));
                torch.Tensor x = data.TrainX.index_select(0, batch);
                torch.Tensor y = data.TrainY.index_select(0, batch);

                optimizer.zero_grad();
                torch.Tensor loss = lossFunction.forward(model.forward(x), y);
                loss.backward();
                log.StepLr.Add(group.LearningRate);
                log.StepMomentum.Add(group is torch.optim.IMomentum m ? m.Momentum : 0.0);
                optimizer.step();
                scheduler?.step();

                double value = loss.item<float>();
                log.StepLoss.Add(value);
                lossSum += value;
            }

            log.EpochTrainLoss.Add(lossSum / StepsPerEpoch);
            (double testLoss, double accuracy) = Evaluate(model, lossFunction);
            log.EpochTestLoss.Add(testLoss);
            log.EpochTestAccuracy.Add(accuracy);

            // Reduce-on-plateau watches the epoch's validation loss (the test set plays that part here); the cosine under it goes on per batch.
            if (scheduler?.Plateau is not null)
            {
                long before = scheduler.State.Reductions;
                scheduler.Observe(testLoss);
                if (scheduler.State.Reductions > before)
                {
                    log.Notes.Add(
                        $"after epoch {epoch} (test loss {testLoss:F4}; best so far {scheduler.State.Best:F4}): rate x{scheduler.Plateau.Factor} from step {scheduler.CurrentStep} on");
                }
            }

            EpochEnded?.Invoke(epoch, log);
        }

        return log;
    }

    private (double Loss, double Accuracy) Evaluate(Sequential model, CrossEntropyLoss lossFunction)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        torch.Tensor logits = model.forward(data.TestX);
        double loss = lossFunction.forward(logits, data.TestY).item<float>();
        long correct = logits.argmax(1).eq(data.TestY).sum().item<long>();
        return (loss, (double)correct / data.TestCount);
    }
}
