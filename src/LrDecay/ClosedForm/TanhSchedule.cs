using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Hyperbolic-tangent decay: with <c>r = t / decaySteps</c>,
/// <c>lr(t) = minLr + (initialLr - minLr) * (1 - tanh(lb * (1 - r) + ub * r)) / 2</c> for <c>t &lt; decaySteps</c>, then <c>minLr</c>;
/// with <c>warmupSteps &gt; 0</c>, <c>lr(t) = warmupStartLr + t * (tanhRate(warmupSteps) - warmupStartLr) / warmupSteps</c> for
/// <c>t &lt; warmupSteps</c>.
/// </summary>
/// <remarks>
/// timm <c>TanhLRScheduler</c> with <c>cycle_limit</c> 1 (after Hsueh et al., arXiv 1806.01593). The rate does not reach
/// <c>minLr</c> smoothly: at <c>decaySteps</c> it drops to it. The built-in warm-up is timm's own warm-up without
/// <c>warmup_prefix</c>: the tanh keeps the caller's clock, and the first <c>warmupSteps</c> steps ramp linearly from
/// <c>warmupStartLr</c> to the tanh's own rate at <c>warmupSteps</c> (not to <c>initialLr</c>). timm's <c>warmup_prefix</c> warm-up,
/// which ramps to <c>initialLr</c> and then starts the tanh, is a <c>warmup</c> composite over a <c>tanh</c> without warm-up.
/// JSON: <c>{"type":"tanh","initialLr":0.1,"decaySteps":100,"minLr":0.001,"lb":-7,"ub":3}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class TanhSchedule : ILearningRateSchedule
{
    private readonly double _halfRange;
    private readonly double _warmupSlope;

    /// <summary>Creates a hyperbolic-tangent decay schedule.</summary>
    /// <param name="initialLr">The rate the tanh starts from (at <c>r = 0</c>, up to <c>(1 - tanh(lb))/2</c>). Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">The steps of the tanh; from here on the rate is <paramref name="minLr"/>. Range: <c>&gt; 0</c>.</param>
    /// <param name="minLr">The rate the tanh falls towards, and holds from <paramref name="decaySteps"/> on. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="lb">The tanh's argument at step 0. Range: finite, <c>&lt; ub</c>. Default -7.</param>
    /// <param name="ub">The tanh's argument at <paramref name="decaySteps"/>. Range: finite, <c>&gt; lb</c>. Default 3.</param>
    /// <param name="warmupSteps">The steps of the built-in warm-up (timm without <c>warmup_prefix</c>). Range: <c>&gt;= 0</c>. Default 0 (none).</param>
    /// <param name="warmupStartLr">The rate at step 0 when <paramref name="warmupSteps"/> is above 0. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public TanhSchedule(double initialLr, long decaySteps, double minLr = 0.0, double lb = -7.0, double ub = 3.0, long warmupSteps = 0, double warmupStartLr = 0.0)
    {
        Guard.LearningRate(initialLr);
        Guard.PositiveSteps(decaySteps);
        Guard.LearningRate(minLr);
        if (double.IsNaN(lb) || double.IsInfinity(lb))
        {
            Guard.ThrowOutOfRange(nameof(lb), lb, "must be finite");
        }

        if (double.IsInfinity(ub) || !(lb < ub))
        {
            Guard.ThrowOutOfRange(nameof(ub), ub, $"must be finite and greater than lb ('{Guard.Format(lb)}')");
        }

        Guard.NonNegativeSteps(warmupSteps);
        Guard.LearningRate(warmupStartLr);
        InitialLr = initialLr;
        DecaySteps = decaySteps;
        MinLr = minLr;
        Lb = lb;
        Ub = ub;
        WarmupSteps = warmupSteps;
        WarmupStartLr = warmupStartLr;
        _halfRange = 0.5 * (initialLr - minLr);
        _warmupSlope = warmupSteps > 0 ? (TanhRate(warmupSteps) - warmupStartLr) / warmupSteps : 0.0;
    }

    /// <summary>The rate the tanh starts from.</summary>
    public double InitialLr { get; }

    /// <summary>The steps of the tanh.</summary>
    public long DecaySteps { get; }

    /// <summary>The rate the tanh falls towards and holds from <see cref="DecaySteps"/> on.</summary>
    public double MinLr { get; }

    /// <summary>The tanh's argument at step 0.</summary>
    public double Lb { get; }

    /// <summary>The tanh's argument at <see cref="DecaySteps"/>.</summary>
    public double Ub { get; }

    /// <summary>The steps of the built-in warm-up (0: none).</summary>
    public long WarmupSteps { get; }

    /// <summary>The rate at step 0 when <see cref="WarmupSteps"/> is above 0.</summary>
    public double WarmupStartLr { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        if (step < WarmupSteps)
        {
            // timm's order: warmup_lr_init + t * slope.
            double lr = WarmupStartLr + (step * _warmupSlope);
            return lr > 0.0 ? lr : 0.0;
        }

        return TanhRate(step);
    }

    private double TanhRate(long step)
    {
        if (step >= DecaySteps)
        {
            return MinLr;
        }

        // timm's order of operations: lr_min + 0.5 * (lr_max - lr_min) * (1 - tanh(lb * (1 - tr) + ub * tr)).
        double r = (double)step / DecaySteps;
        return MinLr + (_halfRange * (1.0 - Elementary.Tanh((Lb * (1.0 - r)) + (Ub * r))));
    }
}
