using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Cyclic: <c>lr(t) = baseLr + (maxLr - baseLr) * h(x) * scale</c>, a triangle wave with period <c>stepSizeUp + stepSizeDown</c>
/// (<c>h</c> rises from 0 to 1 over <c>stepSizeUp</c> steps and falls back over <c>stepSizeDown</c>); <c>scale</c> is 1
/// (triangular), <c>1 / 2^(cycle - 1)</c> (triangular2) or <c>gamma^t</c> (expRange).
/// </summary>
/// <remarks>
/// PyTorch <c>CyclicLR</c> with its default scale functions (per cycle for the triangular modes, per iteration for expRange).
/// JSON: <c>{"type":"cyclic","baseLr":0.001,"maxLr":0.006,"stepSizeUp":2000,"stepSizeDown":2000,"mode":"triangular","gamma":1}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CyclicSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly TriangleWave _wave;
    private readonly double _height;

    /// <summary>Creates a cyclic schedule.</summary>
    /// <param name="baseLr">The lower end of each cycle. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="maxLr">The upper end of each cycle. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="stepSizeUp">Steps in the rising half. Range: <c>&gt; 0</c>. Default 2000.</param>
    /// <param name="stepSizeDown">Steps in the falling half; null means <paramref name="stepSizeUp"/>. Range: <c>&gt; 0</c>.</param>
    /// <param name="mode">The amplitude policy. Default <see cref="CyclicMode.Triangular"/>.</param>
    /// <param name="gamma">The per-step amplitude factor of <see cref="CyclicMode.ExponentialRange"/>. Range: finite, <c>&gt; 0</c>, and <c>&lt;= 1</c> in expRange mode. Default 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public CyclicSchedule(
        double baseLr,
        double maxLr,
        long stepSizeUp = 2000,
        long? stepSizeDown = null,
        CyclicMode mode = CyclicMode.Triangular,
        double gamma = 1.0)
    {
        Guard.LearningRate(baseLr);
        Guard.LearningRate(maxLr);
        long down = TriangleWave.Validate(stepSizeUp, stepSizeDown, mode, gamma);
        BaseLr = baseLr;
        MaxLr = maxLr;
        StepSizeUp = stepSizeUp;
        StepSizeDown = down;
        Mode = mode;
        Gamma = gamma;
        _wave = new TriangleWave(stepSizeUp, down, mode, gamma);
        _height = maxLr - baseLr;
    }

    /// <summary>The lower end of each cycle.</summary>
    public double BaseLr { get; }

    /// <summary>The upper end of each cycle.</summary>
    public double MaxLr { get; }

    /// <summary>Steps in the rising half.</summary>
    public long StepSizeUp { get; }

    /// <summary>Steps in the falling half.</summary>
    public long StepSizeDown { get; }

    /// <summary>The amplitude policy.</summary>
    public CyclicMode Mode { get; }

    /// <summary>The per-step amplitude factor of <see cref="CyclicMode.ExponentialRange"/>.</summary>
    public double Gamma { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        return Evaluate(step);
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Evaluate(firstStep + i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Evaluate(long step) => BaseLr + _wave.Of(_height, step);
}
