using BenchmarkDotNet.Attributes;

namespace LrDecay.Benchmarks;

/// <summary>
/// <see cref="ScheduleExtensions.Fill"/> against the per-call loop it replaces, per element, over a buffer of
/// <see cref="Length"/> consecutive steps (an odd length on purpose, so vector loops have a tail).
/// </summary>
public class BatchBenchmarks : FloorBenchmarks
{
    /// <summary>The buffer length.</summary>
    public const int Length = 4_099;

    private readonly double[] _buffer = new double[Length];
    private readonly ILearningRateSchedule _exponential = Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000);
    private readonly ILearningRateSchedule _cosine = Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001);
    private readonly ILearningRateSchedule _linear = Schedules.Linear(0.1, 0.001, totalSteps: Horizon);
    private readonly ILearningRateSchedule _step = Schedules.Step(0.1, stepSize: 10_000, gamma: 0.5);
    private readonly ILearningRateSchedule _warmupCosine = Schedules.Cosine(0.1, decaySteps: Horizon - 5_000, minLr: 0.001).WithWarmup(5_000);

    /// <summary>Exponential, one call per element.</summary>
    /// <returns>An element, so the work is kept.</returns>
    [Benchmark(OperationsPerInvoke = Length)]
    public double Exponential_Loop() => Loop(_exponential);

    /// <summary>Exponential, filled.</summary>
    /// <returns>An element, so the work is kept.</returns>
    [Benchmark(OperationsPerInvoke = Length)]
    [Target(nameof(Exponential_Loop), 0.25)]
    public double Exponential_Fill() => Fill(_exponential);

    /// <summary>Cosine, one call per element.</summary>
    /// <returns>An element, so the work is kept.</returns>
    [Benchmark(OperationsPerInvoke = Length)]
    public double Cosine_Loop() => Loop(_cosine);

    /// <summary>Cosine, filled.</summary>
    /// <returns>An element, so the work is kept.</returns>
    [Benchmark(OperationsPerInvoke = Length)]
    [Target(nameof(Cosine_Loop), 0.25)]
    public double Cosine_Fill() => Fill(_cosine);

    /// <summary>Linear, one call per element.</summary>
    /// <returns>An element, so the work is kept.</returns>
    [Benchmark(OperationsPerInvoke = Length)]
    public double Linear_Loop() => Loop(_linear);

    /// <summary>Linear, filled.</summary>
    /// <returns>An element, so the work is kept.</returns>
    [Benchmark(OperationsPerInvoke = Length)]
    public double Linear_Fill() => Fill(_linear);

    /// <summary>Step, one call per element.</summary>
    /// <returns>An element, so the work is kept.</returns>
    [Benchmark(OperationsPerInvoke = Length)]
    public double Step_Loop() => Loop(_step);

    /// <summary>Step, filled.</summary>
    /// <returns>An element, so the work is kept.</returns>
    [Benchmark(OperationsPerInvoke = Length)]
    public double Step_Fill() => Fill(_step);

    /// <summary>Warm-up over cosine, one call per element.</summary>
    /// <returns>An element, so the work is kept.</returns>
    [Benchmark(OperationsPerInvoke = Length)]
    public double WarmupCosine_Loop() => Loop(_warmupCosine);

    /// <summary>Warm-up over cosine, filled.</summary>
    /// <returns>An element, so the work is kept.</returns>
    [Benchmark(OperationsPerInvoke = Length)]
    public double WarmupCosine_Fill() => Fill(_warmupCosine);

    private double Loop(ILearningRateSchedule schedule)
    {
        long first = Advance(Length);
        double[] buffer = _buffer;
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = schedule.GetLearningRate(first + i);
        }

        return buffer[Length / 2];
    }

    private double Fill(ILearningRateSchedule schedule)
    {
        schedule.Fill(Advance(Length), _buffer);
        return _buffer[Length / 2];
    }
}
