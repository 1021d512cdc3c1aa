using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Cyclic momentum: <c>m(t) = maxMomentum - (maxMomentum - baseMomentum) * h(x) * scale</c>, the mirror of the cyclic
/// learning rate (JSON <c>cyclic</c>) of the same wave: a triangle with period <c>stepSizeUp + stepSizeDown</c> (<c>h</c> rises from 0 to 1
/// over <c>stepSizeUp</c> steps and falls back over <c>stepSizeDown</c>), so the momentum falls while the learning rate rises;
/// <c>scale</c> is 1 (triangular), <c>1 / 2^(cycle - 1)</c> (triangular2) or <c>gamma^t</c> (expRange).
/// </summary>
/// <remarks>
/// PyTorch <c>CyclicLR</c>'s momentum with <c>cycle_momentum=True</c> (SGD's momentum or Adam's beta1) and its default scale functions:
/// read it on the same step as the learning rate.
/// JSON: <c>{"type":"cyclicMomentum","baseMomentum":0.8,"maxMomentum":0.9,"stepSizeUp":2000,"stepSizeDown":2000,"mode":"triangular","gamma":1}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CyclicMomentumSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly TriangleWave _wave;
    private readonly double _height;

    /// <summary>Creates a cyclic momentum schedule.</summary>
    /// <param name="baseMomentum">The lower end of each cycle, reached when the learning rate peaks. Range: finite, <c>&gt;= 0</c>. Default 0.8.</param>
    /// <param name="maxMomentum">The upper end of each cycle, at the start of each cycle. Range: finite, <c>&gt;= baseMomentum</c>. Default 0.9.</param>
    /// <param name="stepSizeUp">Steps in the half where the momentum falls (the learning rate rises). Range: <c>&gt; 0</c>. Default 2000.</param>
    /// <param name="stepSizeDown">Steps in the half where the momentum rises again; null means <paramref name="stepSizeUp"/>. Range: <c>&gt; 0</c>.</param>
    /// <param name="mode">The amplitude policy. Default <see cref="CyclicMode.Triangular"/>.</param>
    /// <param name="gamma">The per-step amplitude factor of <see cref="CyclicMode.ExponentialRange"/>. Range: finite, <c>&gt; 0</c>, and <c>&lt;= 1</c> in expRange mode. Default 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, or <paramref name="maxMomentum"/> is below <paramref name="baseMomentum"/>; the message names it and its value.</exception>
    public CyclicMomentumSchedule(
        double baseMomentum = 0.8,
        double maxMomentum = 0.9,
        long stepSizeUp = 2000,
        long? stepSizeDown = null,
        CyclicMode mode = CyclicMode.Triangular,
        double gamma = 1.0)
    {
        Guard.MomentumRange(baseMomentum, maxMomentum);

        long down = TriangleWave.Validate(stepSizeUp, stepSizeDown, mode, gamma);
        BaseMomentum = baseMomentum;
        MaxMomentum = maxMomentum;
        StepSizeUp = stepSizeUp;
        StepSizeDown = down;
        Mode = mode;
        Gamma = gamma;
        _wave = new TriangleWave(stepSizeUp, down, mode, gamma);
        _height = maxMomentum - baseMomentum;
    }

    /// <summary>The lower end of each cycle.</summary>
    public double BaseMomentum { get; }

    /// <summary>The upper end of each cycle.</summary>
    public double MaxMomentum { get; }

    /// <summary>Steps in the half where the momentum falls.</summary>
    public long StepSizeUp { get; }

    /// <summary>Steps in the half where the momentum rises again.</summary>
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
    private double Evaluate(long step) => MaxMomentum - _wave.Of(_height, step);
}
