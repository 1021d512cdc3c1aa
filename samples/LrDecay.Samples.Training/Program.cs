// Trains the Keras MNIST example's model (Flatten, Dense(128, relu), Dense(10), SGD, batch 32) on Fashion-MNIST with TorchSharp,
// its learning rate (and momentum) set by LrDecay schedules.
//
//   --mode keras      (default) the Keras example's exponential decay, printing the rate at the start of each epoch
//   --mode compare    the same model and seed under five schedules; prints a table and writes a picture (-o)
//   --make-subset     cuts the shipped subset out of a full copy (--data FOLDER --out FOLDER --train N --test N)
//
//   --data FOLDER     MNIST-style IDX files (gzipped or not); default: the subset shipped in data/fashion-mnist-subset
//   --epochs N        default: 15 (keras), 10 (compare)
//   -o PATH           the picture of compare; default training.png in the current directory
//   --seed N          default 42
using System.Diagnostics;
using System.Globalization;
using LrDecay;
using LrDecay.Samples.Training;
using TorchSharp;

var options = Options.Parse(args);
if (options is null)
{
    return 2;
}

if (options.MakeSubset)
{
    if (options.Data is null)
    {
        Console.Error.WriteLine("--make-subset needs --data FOLDER (a full copy).");
        return 2;
    }

    try
    {
        Subset.Make(options.Data, options.Out, options.TrainCount, options.TestCount);
        return 0;
    }
    catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
}

// One thread: this model is small enough that more only wait on each other (and spin) on a busy machine; results stay repeatable.
torch.set_num_threads(1);
var clock = Stopwatch.StartNew();
Dataset data;
try
{
    data = Dataset.Load(options.Data ?? Dataset.DefaultFolder());
}
catch (Exception e) when (e is IOException or InvalidDataException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

using var dispose = data;
string shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), data.Folder);
Console.WriteLine($"Data: {data.TrainCount:N0} training and {data.TestCount:N0} test images from {(shown.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(data.Folder) : shown)}");

int status = options.Mode switch
{
    "keras" => Modes.Keras(data, options.Epochs ?? 15, options.Seed),
    "compare" => Modes.Compare(data, options.Epochs ?? 10, options.Seed, options.Output),
    _ => throw new InvalidOperationException("unreachable"),
};
Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s.");
return status;

/// <summary>The two training modes.</summary>
internal static class Modes
{
    private const int BatchSize = 32;

    /// <summary>
    /// The Keras example: <c>ExponentialDecay(0.1, decay_steps=1000, decay_rate=0.96, staircase=True)</c> for 15 epochs of batch
    /// 32, the learning rate printed at the start of each epoch, as a Keras callback reading <c>optimizer.learning_rate</c> would.
    /// </summary>
    public static int Keras(Dataset data, int epochs, long seed)
    {
        ExponentialSchedule schedule = Schedules.Exponential(initialLr: 0.1, decayRate: 0.96, decaySteps: 1000, staircase: true);
        var trainer = new Trainer(data, BatchSize, epochs, seed)
        {
            EpochStarting = (epoch, lr) => Console.Write($"Epoch {epoch}/{epochs} - learning rate {Text(lr)}"),
            EpochEnded = (epoch, log) => Console.WriteLine(
                $" - loss {log.EpochTrainLoss[^1]:F4} - test accuracy {log.EpochTestAccuracy[^1]:F4}"),
        };

        Console.WriteLine($"Schedule: {schedule}");
        Console.WriteLine($"{trainer.StepsPerEpoch} steps per epoch (batch {BatchSize}), {trainer.TotalSteps} steps in {epochs} epoch(s)");
        trainer.Run(new RunSpec("exponential", schedule, null, UseScheduler: false));

        // The rate after the last epoch: the schedule at the step count taken, in double precision, and as Keras computes it, in
        // float32 ("precision": "float32"; 0.031885575503110886 for the full set below).
        ExponentialSchedule keras = Schedules.Exponential(0.1, 0.96, 1000, staircase: true, precision: Precision.Float32);
        Console.WriteLine($"Final learning rate (step {trainer.TotalSteps}): {Exact(schedule.GetLearningRate(trainer.TotalSteps))}");
        Console.WriteLine($"  in float32, as Keras computes it: {Exact(keras.GetLearningRate(trainer.TotalSteps))}");
        if (data.TrainCount != 60_000)
        {
            const long fullSteps = 60_000 / BatchSize * 15;
            Console.WriteLine($"On the full 60,000 images (1875 steps per epoch), 15 epochs end at step {fullSteps}: {Exact(schedule.GetLearningRate(fullSteps))}");
            Console.WriteLine($"  in float32, as Keras computes it: {Exact(keras.GetLearningRate(fullSteps))}");
        }

        return 0;
    }

    /// <summary>The same model and seed under five schedules; a table, and a picture at <paramref name="output"/>.</summary>
    public static int Compare(Dataset data, int epochs, long seed, string output)
    {
        var trainer = new Trainer(data, BatchSize, epochs, seed);
        long perEpoch = trainer.StepsPerEpoch;
        long total = trainer.TotalSteps;

        // One-cycle as PyTorch's OneCycleLR(anneal_strategy="linear", cycle_momentum=True): the rate rises over the first 30% of
        // the steps while SGD's momentum falls 0.95 -> 0.85, then the rate anneals while momentum climbs back, phase for phase.
        ILearningRateSchedule oneCycleMomentum = Schedules.OneCycleMomentum(total, annealStrategy: AnnealStrategy.Linear);

        RunSpec[] specs =
        [
            new("constant 0.1", Schedules.Constant(0.1), null, UseScheduler: false),
            new("step: x0.5 / 3 epochs", Schedules.Step(0.1, stepSize: 3, gamma: 0.5).PerEpoch(perEpoch), null, UseScheduler: true),
            new("cosine + warm-up", Schedules.Cosine(0.1, total - (perEpoch / 2)).WithWarmup(perEpoch / 2), null, UseScheduler: false),
            new("one-cycle + momentum", Schedules.OneCycle(0.05, total, annealStrategy: AnnealStrategy.Linear), oneCycleMomentum, UseScheduler: true),
            new("plateau over cosine", new PlateauSchedule(Schedules.Cosine(0.1, total), factor: 0.5, patience: 1, threshold: 0.01), null, UseScheduler: true),
        ];

        Console.WriteLine($"{epochs} epoch(s) of {perEpoch} steps (batch {BatchSize}), {total} steps per run, seed {seed}");
        var logs = new List<RunLog>();
        foreach (RunSpec spec in specs)
        {
            // One thread: this model is small enough that more only wait on each other (and spin) on a busy machine; results stay repeatable.
torch.set_num_threads(1);
var clock = Stopwatch.StartNew();
            RunLog log = trainer.Run(spec);
            logs.Add(log);
            Console.WriteLine(
                $"  {spec.Name,-22} accuracy per epoch {string.Join(" ", log.EpochTestAccuracy.Select(a => a.ToString("F3", CultureInfo.InvariantCulture)))}" +
                $"  ({clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s)");
            foreach (string note in log.Notes)
            {
                Console.WriteLine($"    plateau: {note}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"schedule",-22} {"set by",-16} {"final train loss",16} {"final test accuracy",19} {"final lr",10}");
        foreach (RunLog log in logs)
        {
            Console.WriteLine(
                $"{log.Name,-22} {log.Api,-16} {log.EpochTrainLoss[^1],16:F4} {log.EpochTestAccuracy[^1],19:F4} {Text(log.StepLr[^1]),10}");
        }

        Console.WriteLine("(final train loss: the mean over the last epoch's batches; final lr: the rate of the last batch)");
        TrainingChart.Save(
            output,
            logs,
            perEpoch,
            $"Fashion-MNIST ({data.TrainCount:N0} training images), Flatten-Dense(128)-Dense(10), SGD, batch {BatchSize}, seed {seed}");
        Console.WriteLine($"Wrote {output}");
        return 0;
    }

    private static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same double.</summary>
    private static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The command line.</summary>
internal sealed class Options
{
    public string Mode { get; private set; } = "keras";

    public string? Data { get; private set; }

    public int? Epochs { get; private set; }

    public long Seed { get; private set; } = 42;

    public string Output { get; private set; } = "training.png";

    public bool MakeSubset { get; private set; }

    public string Out { get; private set; } = Path.Combine("samples", "LrDecay.Samples.Training", Dataset.SubsetFolder);

    public int TrainCount { get; private set; } = 6000;

    public int TestCount { get; private set; } = 1000;

    /// <summary>Parses the arguments, or prints the usage and returns null.</summary>
    public static Options? Parse(string[] args)
    {
        var options = new Options();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--mode":
                        options.Mode = Value();
                        if (options.Mode is not ("keras" or "compare"))
                        {
                            throw new ArgumentException($"--mode must be keras or compare, not '{options.Mode}'.");
                        }

                        break;
                    case "--data": options.Data = Value(); break;
                    case "--epochs": options.Epochs = Positive(Value(), "--epochs"); break;
                    case "--seed": options.Seed = long.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "-o" or "--output": options.Output = Value(); break;
                    case "--make-subset": options.MakeSubset = true; break;
                    case "--out": options.Out = Value(); break;
                    case "--train": options.TrainCount = Positive(Value(), "--train"); break;
                    case "--test": options.TestCount = Positive(Value(), "--test"); break;
                    case "-h" or "--help": Usage(); return null;
                    default: throw new ArgumentException($"unknown argument '{args[i]}'.");
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Usage();
            return null;
        }

        return options;
    }

    private static int Positive(string text, string name)
    {
        int value = int.Parse(text, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"{name} must be positive.");
    }

    private static void Usage() => Console.Error.WriteLine(
        """
        usage: LrDecay.Samples.Training [--mode keras|compare] [--data FOLDER] [--epochs N] [-o PNG] [--seed N]
               LrDecay.Samples.Training --make-subset --data FOLDER [--out FOLDER] [--train 6000] [--test 1000]
        """);
}

/// <summary>Cuts the shipped subset: the first N training and test images and labels, in order, written as gzipped IDX files.</summary>
internal static class Subset
{
    public static void Make(string from, string to, int trainCount, int testCount)
    {
        Dataset.RequireFolder(from);
        Directory.CreateDirectory(to);
        Cut(from, to, Dataset.TrainImages, trainCount);
        Cut(from, to, Dataset.TrainLabels, trainCount);
        Cut(from, to, Dataset.TestImages, testCount);
        Cut(from, to, Dataset.TestLabels, testCount);
    }

    private static void Cut(string from, string to, string name, int count)
    {
        (_, int[] dimensions, byte[] bytes) = Idx.Read(Dataset.Find(from, name));
        if (count > dimensions[0])
        {
            throw new ArgumentException($"{name} has {dimensions[0]} items, fewer than {count}.");
        }

        int itemSize = bytes.Length / dimensions[0];
        int[] cut = [count, .. dimensions[1..]];
        string path = Path.Combine(to, name + ".gz");
        Idx.Write(path, cut, bytes.AsSpan(0, count * itemSize));
        Console.WriteLine($"{path}: {count} of {dimensions[0]} items, {new FileInfo(path).Length:N0} bytes");
    }
}
