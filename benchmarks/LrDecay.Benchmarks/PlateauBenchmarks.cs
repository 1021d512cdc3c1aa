using BenchmarkDotNet.Attributes;

namespace LrDecay.Benchmarks;

/// <summary>
/// Reduce-on-plateau as a training loop drives it: observe one metric, then read the learning rate, <see cref="FloorBenchmarks.Steps"/>
/// times per invocation from a fresh state (a noisy loss curve with plateaus, so reductions and cooldowns happen).
/// </summary>
public class PlateauBenchmarks : FloorBenchmarks
{
    private readonly PlateauSchedule _pytorch = Schedules.Plateau(0.1, factor: 0.5, patience: 5, cooldown: 2, minLr: 1e-6);
    private readonly PlateauSchedule _keras = Schedules.Plateau(0.1, factor: 0.5, patience: 5, cooldown: 2, minLr: 1e-6, compat: PlateauCompat.Keras);
    private readonly PlateauSchedule _overCosine = new(Schedules.Cosine(0.1, decaySteps: Horizon), factor: 0.5, patience: 5, cooldown: 2, minLr: 1e-6);
    private readonly double[] _metrics = Metrics();

    /// <summary>PyTorch rules over a constant rate: observe, then read.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(CallFloorName, 2.0)]
    public double PyTorch_ObserveAndRead() => ObserveAndRead(_pytorch);

    /// <summary>Keras rules over a constant rate: observe, then read.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(CallFloorName, 2.0)]
    public double Keras_ObserveAndRead() => ObserveAndRead(_keras);

    /// <summary>PyTorch rules over a cosine base: observe, then read (the read includes the cosine).</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double OverCosine_ObserveAndRead() => ObserveAndRead(_overCosine);

    private double ObserveAndRead(PlateauSchedule plateau)
    {
        long first = Advance(Steps);
        double[] metrics = _metrics;
        double[] rates = Rates;
        PlateauState state = plateau.InitialState;
        for (int i = 0; i < metrics.Length && i < rates.Length; i++)
        {
            state = plateau.Observe(state, metrics[i]);
            rates[i] = plateau.GetLearningRate(state, first + i);
        }

        return rates[Steps - 1];
    }

    /// <summary>A loss that falls as <c>1 / (1 + i / 50)</c> with seeded noise: improving early, on plateaus later.</summary>
    private static double[] Metrics()
    {
        var random = new Random(42);
        var metrics = new double[Steps];
        for (int i = 0; i < metrics.Length; i++)
        {
            metrics[i] = (1.0 / (1.0 + (i / 50.0))) + (0.01 * random.NextDouble());
        }

        return metrics;
    }
}
