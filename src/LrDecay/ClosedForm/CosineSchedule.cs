using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET
using System.Runtime.Intrinsics;
#endif
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Cosine decay: <c>lr(t) = minLr + (initialLr - minLr) * (1 + cos(pi * f^kDecay)) / 2</c>, <c>f = min(t, decaySteps) / decaySteps</c>.
/// </summary>
/// <remarks>
/// Keras <c>CosineDecay</c> (<c>alpha = minLr / initialLr</c>), optax <c>cosine_decay_schedule</c>, PyTorch <c>CosineAnnealingLR</c> for
/// <c>t &lt;= T_max</c>. Past <c>decaySteps</c> the rate holds <c>minLr</c> (PyTorch's would climb back up). <c>kDecay</c> is timm's
/// <c>k_decay</c> (k-decay, arXiv 2004.05909): above 1 the rate stays high longer, below 1 it falls sooner; 1 is the plain cosine.
/// JSON: <c>{"type":"cosine","initialLr":0.05,"decaySteps":300,"minLr":0.01}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CosineSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly double _range;
    private readonly double _piOver2DecaySteps;
    private readonly bool _kDecayed;
    private readonly Power _phasePower;

    /// <summary>The ramp of the power in one kernel, for a <see cref="KDecay"/> it serves (<see cref="PowerRamp.Serves"/>); else null.</summary>
    private readonly PowerRamp? _powerRamp;
    private readonly KerasFloat32.CosineDecay? _float32;

    /// <summary>Creates a cosine-decay schedule.</summary>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">The steps to reach <paramref name="minLr"/>. Range: <c>&gt; 0</c>.</param>
    /// <param name="minLr">The learning rate from <paramref name="decaySteps"/> on. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="kDecay">The exponent of the cosine's phase <c>f^kDecay</c>. Range: finite, <c>&gt; 0</c>. Default 1.</param>
    /// <param name="precision">
    /// <see cref="Precision.Float32"/> computes as Keras 3 <c>CosineDecay</c> does with float32:
    /// <c>initialLr * ((1 - alpha) * (1 + cos(pi * f)) / 2 + alpha)</c>, <c>alpha = minLr / initialLr</c> (in double, so
    /// <paramref name="minLr"/> must be 0 when <paramref name="initialLr"/> is), each operation rounded to float32. Default
    /// <see cref="Precision.Float64"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A parameter is out of range, or <paramref name="precision"/> is float32 with <paramref name="kDecay"/> other than 1 (Keras has no
    /// k-decay); the message names it and its value.
    /// </exception>
    public CosineSchedule(double initialLr, long decaySteps, double minLr = 0.0, double kDecay = 1.0, Precision precision = Precision.Float64)
    {
        Guard.LearningRate(initialLr);
        Guard.PositiveSteps(decaySteps);
        Guard.LearningRate(minLr);
        Guard.Positive(kDecay);
        InitialLr = initialLr;
        DecaySteps = decaySteps;
        MinLr = minLr;
        KDecay = kDecay;
        _kDecayed = kDecay != 1.0;
        _phasePower = new Power(kDecay, decaySteps);
        _powerRamp = PowerRamp.For(kDecay);
        _range = initialLr - minLr;
        _piOver2DecaySteps = HalfCosine.PiOver2N(decaySteps);
        Precision = precision;
        bool float32 = KerasFloat32.IsSelected(precision);
        if (float32)
        {
            KerasFloat32.CheckKDecay(kDecay);
        }

        _float32 = float32 ? new KerasFloat32.CosineDecay(initialLr, decaySteps, minLr) : null;
    }

    /// <summary>
    /// Creates a cosine-decay schedule, <c>lr(t) = minLr + (initialLr - minLr) * (1 + cos(pi * f)) / 2</c>,
    /// <c>f = min(t, decaySteps) / decaySteps</c>: <see cref="CosineSchedule(double, long, double, double, Precision)"/> with
    /// <c>kDecay</c> 1 and <see cref="Precision.Float64"/>.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it builds the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">The steps to reach <paramref name="minLr"/>. Range: <c>&gt; 0</c>.</param>
    /// <param name="minLr">The learning rate from <paramref name="decaySteps"/> on. Range: finite, <c>&gt;= 0</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public CosineSchedule(double initialLr, long decaySteps, double minLr)
        : this(initialLr, decaySteps, minLr, kDecay: 1.0, precision: Precision.Float64)
    {
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLr { get; }

    /// <summary>The steps to reach <see cref="MinLr"/>.</summary>
    public long DecaySteps { get; }

    /// <summary>The learning rate from <see cref="DecaySteps"/> on.</summary>
    public double MinLr { get; }

    /// <summary>The exponent of the cosine's phase: <c>f^kDecay</c>, <c>f</c> the fraction of <see cref="DecaySteps"/> done.</summary>
    public double KDecay { get; }

    /// <summary>The arithmetic the rate is computed in.</summary>
    public Precision Precision { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        if (_float32 is not null)
        {
            return _float32.At(step);
        }

        return Evaluate(step);
    }

    // The batch path does the same operations in the same order (vectorised where the steps are exact as doubles and kDecay is 1,
    // one Evaluate per step otherwise), so Fill and GetLearningRate agree bit for bit.
    // A batch kernel (see Batch.Kernel): inlined into a small caller, the JIT ran out of inlining budget and called the vector
    // sine out of line, with its arguments on the stack.
    [MethodImpl(Batch.Kernel)]
    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        if (_float32 is not null)
        {
            Float32Fill(firstStep, destination);
            return;
        }

        int live = Batch.CountBefore(firstStep, destination.Length, DecaySteps);
        int i = 0;
#if NET
        if (Vector256.IsHardwareAccelerated && live >= Vector256<double>.Count && DecaySteps <= Batch.ExactSteps && !_kDecayed)
        {
            ref double d = ref MemoryMarshal.GetReference(destination);
            Vector256<double> k = Vector256.Create((double)firstStep) + Vector256.Create(0.0, 1.0, 2.0, 3.0);
            Vector256<double> n = Vector256.Create((double)DecaySteps);
            Vector256<double> piOver2N = Vector256.Create(_piOver2DecaySteps);
            Vector256<double> range = Vector256.Create(_range);
            Vector256<double> minLr = Vector256.Create(MinLr);
            Vector256<double> four = Vector256.Create(4.0);
            for (; i <= live - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                (minLr + (range * HalfCosine.OfSteps(k, n, piOver2N))).StoreUnsafe(ref d, (nuint)i);
                k += four;
            }
        }
#endif
        for (; i < live; i++)
        {
            destination[i] = Evaluate(firstStep + i);
        }

        destination.Slice(live).Fill(MinLr);
    }

    private void Float32Fill(long firstStep, Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = _float32!.At(firstStep + i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Evaluate(long step)
    {
        if (step >= DecaySteps)
        {
            return MinLr;
        }

        if (_powerRamp is not null)
        {
            // timm's phase t^k / T^k and its cosine in one kernel, from the whole numbers t and T, so the rate keeps its relative
            // accuracy as it nears minLr.
            return MinLr + (_range * _powerRamp.OfSteps(step, DecaySteps));
        }

        if (_kDecayed)
        {
            // timm's phase t^k / T^k, as (t / T)^k (of the exact quotient; whole and half-integer k of the rounded one): in [0, 1),
            // so the ramp's polynomial covers it.
            return MinLr + (_range * HalfCosine.Of(_phasePower.OfFraction(step)));
        }

        return MinLr + (_range * HalfCosine.OfSteps(step, DecaySteps, _piOver2DecaySteps));
    }
}
