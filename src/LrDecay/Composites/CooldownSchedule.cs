using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// A cool-down over another schedule, from any step: <c>lr(t) = inner(t)</c> while <c>t &lt; startStep</c>; after it, with
/// <c>f = min((t - startStep) / decaySteps, 1)</c> and <c>v = max(inner(t), endLr)</c>, <c>lr(t) = endLr + (v - endLr) * d(f)</c>, where
/// <c>d</c> is the shape: <c>1 - sqrt(f)</c>, <c>1 - f</c>, <c>(1 + cos(pi f)) / 2</c>, <c>1 - f^power</c> or
/// <c>(ratio^f - ratio) / (1 - ratio)</c>.
/// </summary>
/// <remarks>
/// <para>
/// The inner schedule keeps running under the cool-down (on the caller's clock), so a decaying stable phase keeps decaying through it;
/// from <c>startStep + decaySteps</c> on the rate is <c>endLr</c>. timm <c>WSDLRScheduler</c>'s decay phase; the cool-down of Hagele et
/// al., "Scaling Laws and Compute-Optimal Training Beyond Fixed Training Durations" (arXiv 2405.18392), whose best shape, <c>1 - sqrt</c>,
/// is the default.
/// </para>
/// <para>
/// timm <c>WSDLRScheduler(t_initial, decay_t, lr_min, ...)</c> is a warm-up (linear, the inner schedule starting after it) over this
/// with <c>startStep = t_initial - decay_t</c>, <c>decaySteps = decay_t</c>, <c>endLr = lr_min</c>, over a clamp at <c>lr_min</c>
/// over the stable phase (a constant, or an inverse square root with no warm-up).
/// JSON: <c>{"type":"cooldown","startStep":8000,"decaySteps":2000,"shape":"1-sqrt","endLr":0,"schedule":{...}}</c>.
/// </para>
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CooldownSchedule : ILearningRateSchedule, IBatchSchedule
{
    private const double DefaultPower = 0.5;
    private const double DefaultRatio = 0.1;

    private readonly double _piOver2N;
    private readonly FixedExponentPower? _fall;
    private readonly double _base;
    private readonly FixedBasePower _power;
    private readonly double _oneMinusBase;

    /// <summary>Creates a cool-down of <paramref name="schedule"/> that starts at <paramref name="startStep"/>.</summary>
    /// <param name="schedule">The schedule being cooled down; it keeps the caller's clock.</param>
    /// <param name="startStep">The step the cool-down starts at (its factor is 1 there). Range: <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">Steps from 1 down to 0. Range: <c>&gt; 0</c>.</param>
    /// <param name="shape">The shape of the fall. Default <see cref="CooldownShape.OneMinusSqrt"/>.</param>
    /// <param name="power">
    /// The exponent of <see cref="CooldownShape.Power"/>; null for its default 0.5. Range: finite, <c>&gt; 0</c>. Only with that shape.
    /// </param>
    /// <param name="ratio">
    /// The fraction <see cref="CooldownShape.Exponential"/> decays to before it is normalised; null for its default 0.1. Range:
    /// <c>(0, 1)</c>. Only with that shape.
    /// </param>
    /// <param name="endLr">The learning rate at the end of the cool-down, held after it. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A parameter is out of range, or <paramref name="power"/> or <paramref name="ratio"/> is given with another shape; the message
    /// names it and its value.
    /// </exception>
    public CooldownSchedule(
        ILearningRateSchedule schedule,
        long startStep,
        long decaySteps,
        CooldownShape shape = CooldownShape.OneMinusSqrt,
        double? power = null,
        double? ratio = null,
        double endLr = 0.0)
    {
        Schedule = Guard.NotNull(schedule);
        Guard.NonNegativeSteps(startStep);
        Guard.PositiveSteps(decaySteps);
        if (shape is not (CooldownShape.OneMinusSqrt or CooldownShape.Linear or CooldownShape.Cosine or CooldownShape.Power or CooldownShape.Exponential))
        {
            Guard.ThrowOutOfRange(nameof(shape), shape, "must be 'OneMinusSqrt', 'Linear', 'Cosine', 'Power' or 'Exponential'");
        }

        if (power is double p)
        {
            if (shape != CooldownShape.Power)
            {
                Guard.ThrowOutOfRange(nameof(power), p, OnlyWith(CooldownShape.Power, shape));
            }

            Guard.Positive(p, nameof(power));
        }

        if (ratio is double r)
        {
            if (shape != CooldownShape.Exponential)
            {
                Guard.ThrowOutOfRange(nameof(ratio), r, OnlyWith(CooldownShape.Exponential, shape));
            }

            Guard.InOpenUnitInterval(r, nameof(ratio));
        }

        Guard.LearningRate(endLr);
        StartStep = startStep;
        DecaySteps = decaySteps;
        Shape = shape;
        Power = shape == CooldownShape.Power ? power ?? DefaultPower : null;
        Ratio = shape == CooldownShape.Exponential ? ratio ?? DefaultRatio : null;
        EndLr = endLr;
        _piOver2N = HalfCosine.PiOver2N(decaySteps);
        _fall = shape == CooldownShape.Power ? new FixedExponentPower(Power!.Value) : null;
        _base = Ratio ?? DefaultRatio;
        _oneMinusBase = 1.0 - _base;
        _power = new FixedBasePower(_base);
    }

    /// <summary>The schedule being cooled down.</summary>
    public ILearningRateSchedule Schedule { get; }

    /// <summary>The step the cool-down starts at.</summary>
    public long StartStep { get; }

    /// <summary>Steps from the start of the cool-down to its end.</summary>
    public long DecaySteps { get; }

    /// <summary>The shape of the fall.</summary>
    public CooldownShape Shape { get; }

    /// <summary>The exponent of the <see cref="CooldownShape.Power"/> shape; null with any other shape.</summary>
    public double? Power { get; }

    /// <summary>The ratio of the <see cref="CooldownShape.Exponential"/> shape; null with any other shape.</summary>
    public double? Ratio { get; }

    /// <summary>The learning rate at the end of the cool-down, held after it.</summary>
    public double EndLr { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        if (step < StartStep)
        {
            return Schedule.GetLearningRate(step);
        }

        long k = step - StartStep;
        return k >= DecaySteps ? EndLr : Cool(Schedule.GetLearningRate(step), k);
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        int before = Batch.CountBefore(firstStep, destination.Length, StartStep);
        int cooling = 0;
        long k0 = 0;
        if (before < destination.Length)
        {
            k0 = firstStep + before - StartStep;
            cooling = k0 >= DecaySteps ? 0 : (int)Math.Min(destination.Length - before, DecaySteps - k0);
        }

        Batch.Fill(Schedule, firstStep, destination.Slice(0, before + cooling));
        for (int i = 0; i < cooling; i++)
        {
            destination[before + i] = Cool(destination[before + i], k0 + i);
        }

        destination.Slice(before + cooling).Fill(EndLr);
    }

    private static string OnlyWith(CooldownShape own, CooldownShape shape) =>
        $"is allowed only with shape {own} (\"{CooldownShapeNames.Json.NameOf(own)}\"), and shape is {shape} (\"{CooldownShapeNames.Json.NameOf(shape)}\")";

    /// <summary>The rate <paramref name="k"/> steps into the cool-down (<c>0 &lt;= k &lt; decaySteps</c>) over the inner rate <paramref name="inner"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Cool(double inner, long k)
    {
        double v = Math.Max(inner, EndLr);
        if (k == 0)
        {
            // d(0) = 1 for every shape: the rate handed over is the inner one, held at or above endLr (timm returns it as it is).
            return v;
        }

        // At most v (the rounding of endLr + (v - endLr) could pass it by an ulp): a cool-down never lifts the rate it is handed.
        return Math.Min(v, EndLr + ((v - EndLr) * Fall(k)));
    }

    /// <summary><c>d(k / decaySteps)</c> for <c>0 &lt; k &lt; decaySteps</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Fall(long k)
    {
        long n = DecaySteps;
        double f = (double)k / n;
        switch (Shape)
        {
            case CooldownShape.Linear:
                // 1 - f, from the steps left (exact up to one rounding).
                return (double)(n - k) / n;
            case CooldownShape.Cosine:
                return HalfCosine.OfSteps(k, n, _piOver2N);
            case CooldownShape.Power:
                return 1.0 - _fall!.Of(f);
            case CooldownShape.Exponential:
                return (_power.Of(f) - _base) / _oneMinusBase;
            default:
                // 1 - sqrt(f) = (1 - f) / (1 + sqrt(f)): keeps its relative accuracy near the end of the cool-down.
                return ((double)(n - k) / n) / (1.0 + Math.Sqrt(f));
        }
    }
}
