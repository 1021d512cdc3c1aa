using BenchmarkDotNet.Attributes;

namespace LrDecay.Benchmarks;

/// <summary>The composites, per call through the interface, over a training run of <see cref="FloorBenchmarks.Horizon"/> steps.</summary>
public class CompositeBenchmarks : FloorBenchmarks
{
    private readonly ILearningRateSchedule _warmupCosine = Schedules.Cosine(0.1, decaySteps: Horizon - 5_000, minLr: 0.001).WithWarmup(5_000);

    private readonly ILearningRateSchedule _sequence = Schedules.Linear(0.0, 0.1, totalSteps: 5_000)
        .Then(5_000, Schedules.Cosine(0.1, decaySteps: 75_000, minLr: 0.001))
        .Then(80_000, Schedules.Constant(0.001));

    private readonly ILearningRateSchedule _chain = Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001)
        .ChainedWith(Schedules.Step(1.0, stepSize: 25_000, gamma: 0.5));

    private readonly ILearningRateSchedule _scale = Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001).Scaled(0.5);

    private readonly ILearningRateSchedule _clamp = Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000).Clamped(minLr: 0.005);

    private readonly ILearningRateSchedule _perEpoch = Schedules.Step(0.1, stepSize: 30, gamma: 0.1).PerEpoch(390);

    private readonly ILearningRateSchedule _cooldown = Schedules.Constant(0.1).CooldownFrom(Horizon - 20_000, 20_000);

    /// <summary>Linear warm-up (5000 steps) over a cosine.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double WarmupCosine_GetLearningRate() => Run(_warmupCosine);

    /// <summary>A sequence of 3: linear ramp, cosine, constant.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double Sequence3_GetLearningRate() => Run(_sequence);

    /// <summary>A chain of 2: cosine times a step factor.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double Chain2_GetLearningRate() => Run(_chain);

    /// <summary>A scaled cosine.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double ScaleCosine_GetLearningRate() => Run(_scale);

    /// <summary>An exponential clamped below.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double ClampExponential_GetLearningRate() => Run(_clamp);

    /// <summary>A step schedule in epochs, driven per step (390 steps per epoch).</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double PerEpochStep_GetLearningRate() => Run(_perEpoch);

    /// <summary>A 1-sqrt cool-down over the last 20000 steps of a constant.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double CooldownConstant_GetLearningRate() => Run(_cooldown);
}
