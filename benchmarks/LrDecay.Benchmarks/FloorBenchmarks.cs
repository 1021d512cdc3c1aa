using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace LrDecay.Benchmarks;

/// <summary>
/// The base of every benchmark class: the two floors, and the loop that asks a schedule for steps 0, 1, 2, ... through
/// <see cref="ILearningRateSchedule"/> as a training loop does. Each invocation evaluates <see cref="Steps"/> consecutive steps
/// (so the reported time is per call); the counter wraps at <see cref="Horizon"/>, the length of the benchmarked training runs.
/// </summary>
[MemoryDiagnoser]
public abstract class FloorBenchmarks
{
    /// <summary>Calls per benchmark invocation.</summary>
    public const int Steps = 1000;

    /// <summary>The length of a benchmarked training run: schedules decay over it and the step counter wraps at it.</summary>
    public const long Horizon = 100_000;

    /// <summary>The name of the call-floor benchmark.</summary>
    public const string CallFloorName = nameof(CallFloor);

    /// <summary>The name of the exp-floor benchmark.</summary>
    public const string ExpFloorName = nameof(ExpFloor);

    private readonly ILearningRateSchedule _callFloor = new FieldSchedule(0.1);
    private readonly ILearningRateSchedule _expFloor = new ExpSchedule(0.1, Math.Log(1e-3) / Horizon);
    private readonly double[] _rates = new double[Steps];
    private long _step;

    /// <summary>Call floor: a schedule that returns a field, through the interface.</summary>
    /// <returns>The sum of the rates (returned so that the calls are kept).</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [BenchmarkCategory("Floor")]
    public double CallFloor() => Run(_callFloor);

    /// <summary>Exp floor: <c>lr0 * Math.Exp(k * step)</c>, through the interface.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [BenchmarkCategory("Floor")]
    public double ExpFloor() => Run(_expFloor);

    /// <summary>
    /// Asks <paramref name="schedule"/> for the next <see cref="Steps"/> steps and stores each rate, as a training loop hands it to
    /// the optimizer. Storing (rather than summing) keeps the loop free of a dependency chain of its own, so the time is the schedule's.
    /// </summary>
    /// <param name="schedule">The schedule, held as the interface.</param>
    /// <returns>The last rate.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected double Run(ILearningRateSchedule schedule)
    {
        long first = _step;
        double[] rates = _rates;
        for (int i = 0; i < rates.Length; i++)
        {
            rates[i] = schedule.GetLearningRate(first + i);
        }

        _step = first + Steps >= Horizon ? 0 : first + Steps;
        return rates[Steps - 1];
    }

    /// <summary>The buffer <see cref="Run"/> stores into (for classes that drive schedules their own way).</summary>
    protected double[] Rates => _rates;

    /// <summary>The next step of the counter, advanced by <paramref name="count"/> (for batch benchmarks).</summary>
    /// <param name="count">The steps the caller is about to evaluate.</param>
    /// <returns>The first step to evaluate.</returns>
    protected long Advance(int count)
    {
        long first = _step;
        _step = first + count >= Horizon ? 0 : first + count;
        return first;
    }

    /// <summary>The call floor's schedule: returns a field.</summary>
    private sealed class FieldSchedule(double lr) : ILearningRateSchedule
    {
        private readonly double _lr = lr;

        public double GetLearningRate(long step) => _lr;
    }

    /// <summary>The exp floor's schedule: one smooth decay, <c>lr0 * exp(k * step)</c>.</summary>
    private sealed class ExpSchedule(double lr0, double k) : ILearningRateSchedule
    {
        private readonly double _lr0 = lr0;
        private readonly double _k = k;

        public double GetLearningRate(long step) => _lr0 * Math.Exp(_k * step);
    }
}
