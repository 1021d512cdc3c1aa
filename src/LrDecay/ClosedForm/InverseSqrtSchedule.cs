using System.ComponentModel;
using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Inverse square root: <c>lr(t) = initialLr * t / max(1, warmupSteps)</c> while <c>t &lt; warmupSteps</c>, then
/// <c>initialLr * ((t + timescale - warmupSteps) / timescale)^(-power)</c> (<c>power</c> 0.5: <c>initialLr / sqrt(...)</c>).
/// </summary>
/// <remarks>
/// Hugging Face <c>get_inverse_sqrt_schedule</c>; <c>timescale</c> defaults to <c>warmupSteps</c>, or 10000 when that is 0. Another
/// <c>power</c> is timm <c>WSDLRScheduler</c>'s stable function "power", <c>(1 + t_s / timescale)^(-stable_power)</c> (the Power
/// scheduler, arXiv 2408.13359), with <c>t_s = t - warmupSteps</c>.
/// JSON: <c>{"type":"inverseSqrt","initialLr":0.002,"warmupSteps":100}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class InverseSqrtSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly long _shift;

    /// <summary><c>x^-power</c>; null for the square root (power 0.5), which is <c>1 / sqrt(x)</c>.</summary>
    private readonly FixedExponentPower? _power;

    /// <summary>Creates an inverse-square-root schedule.</summary>
    /// <param name="initialLr">The peak learning rate, reached at the end of warm-up. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="warmupSteps">Steps of linear warm-up from 0. Range: <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="timescale">The decay's time scale in steps; null picks <paramref name="warmupSteps"/>, or 10000 when that is 0. Range: <c>&gt; 0</c>.</param>
    /// <param name="power">The exponent of the decay, <c>x^(-power)</c>. Range: finite, <c>&gt; 0</c>. Default 0.5 (the inverse square root).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public InverseSqrtSchedule(double initialLr, long warmupSteps = 0, long? timescale = null, double power = 0.5)
    {
        Guard.LearningRate(initialLr);
        Guard.NonNegativeSteps(warmupSteps);
        long scale = timescale ?? (warmupSteps == 0 ? 10_000 : warmupSteps);
        Guard.PositiveSteps(scale, nameof(timescale));
        Guard.Positive(power);
        InitialLr = initialLr;
        Power = power;
        _power = power == 0.5 ? null : new FixedExponentPower(-power);
        WarmupSteps = warmupSteps;
        Timescale = scale;
        _shift = scale - warmupSteps;
    }

    /// <summary>
    /// Creates an inverse-square-root schedule, <c>lr(t) = initialLr * t / max(1, warmupSteps)</c> while <c>t &lt; warmupSteps</c>, then
    /// <c>initialLr / sqrt((t + timescale - warmupSteps) / timescale)</c>:
    /// <see cref="InverseSqrtSchedule(double, long, long?, double)"/> with <c>power</c> 0.5.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it builds the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The peak learning rate, reached at the end of warm-up. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="warmupSteps">Steps of linear warm-up from 0. Range: <c>&gt;= 0</c>.</param>
    /// <param name="timescale">The decay's time scale in steps; null picks <paramref name="warmupSteps"/>, or 10000 when that is 0. Range: <c>&gt; 0</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public InverseSqrtSchedule(double initialLr, long warmupSteps, long? timescale)
        : this(initialLr, warmupSteps, timescale, power: 0.5)
    {
    }

    /// <summary>The peak learning rate.</summary>
    public double InitialLr { get; }

    /// <summary>Steps of linear warm-up.</summary>
    public long WarmupSteps { get; }

    /// <summary>The decay's time scale in steps.</summary>
    public long Timescale { get; }

    /// <summary>The exponent of the decay after warm-up: <c>((t + timescale - warmupSteps) / timescale)^(-power)</c>.</summary>
    public double Power { get; }

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
    private double Evaluate(long step)
    {
        if (step < WarmupSteps)
        {
            return InitialLr * ((double)step / Math.Max(1, WarmupSteps));
        }

        double shifted = _shift > 0 && step > long.MaxValue - _shift ? (double)step + _shift : step + _shift;
        double x = shifted / Timescale;
        if (_power is null)
        {
            return InitialLr * (1.0 / Math.Sqrt(x));
        }

        return InitialLr * _power.Of(x);
    }
}
