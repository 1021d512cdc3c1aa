using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Warmup-stable-decay: <c>lr(t) = initialLr * (r + (1 - r) * w(t / max(1, warmupSteps)))</c> while <c>t &lt; warmupSteps</c>,
/// <c>initialLr</c> for the next <c>stableSteps</c>, <c>initialLr * (r + (1 - r) * d(s / decaySteps))</c> over the <c>decaySteps</c> after
/// (<c>s</c> the steps into the decay), then <c>initialLr * r</c>; <c>r = minLrRatio</c>, <c>w</c> and <c>d</c> the shapes.
/// </summary>
/// <remarks>
/// Hugging Face <c>get_wsd_schedule</c> (with its default <c>num_cycles = 0.5</c>).
/// JSON: <c>{"type":"warmupStableDecay","initialLr":0.001,"warmupSteps":20,"stableSteps":60,"decaySteps":40,"minLrRatio":0.1,"warmupShape":"linear","decayShape":"cosine"}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class WarmupStableDecaySchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly long _decayStart;
    private readonly long _decayEnd;
    private readonly double _piOver2Warmup;
    private readonly double _piOver2Decay;

    /// <summary>Creates a warmup-stable-decay schedule.</summary>
    /// <param name="initialLr">The learning rate of the stable phase. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="warmupSteps">Steps of warm-up. Range: <c>&gt;= 0</c>.</param>
    /// <param name="stableSteps">Steps at <paramref name="initialLr"/>. Range: <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">Steps of decay. Range: <c>&gt; 0</c>.</param>
    /// <param name="minLrRatio">The floor as a fraction of <paramref name="initialLr"/>. Range: <c>[0, 1]</c>. Default 0.</param>
    /// <param name="warmupShape">The warm-up shape. Default <see cref="RampShape.Linear"/>.</param>
    /// <param name="decayShape">The decay shape. Default <see cref="RampShape.Cosine"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public WarmupStableDecaySchedule(
        double initialLr,
        long warmupSteps,
        long stableSteps,
        long decaySteps,
        double minLrRatio = 0.0,
        RampShape warmupShape = RampShape.Linear,
        RampShape decayShape = RampShape.Cosine)
    {
        Guard.LearningRate(initialLr);
        Guard.NonNegativeSteps(warmupSteps);
        Guard.NonNegativeSteps(stableSteps);
        Guard.PositiveSteps(decaySteps);
        Guard.InClosedUnitInterval(minLrRatio);
        CheckShape(warmupShape, nameof(warmupShape));
        CheckShape(decayShape, nameof(decayShape));
        if (warmupSteps > long.MaxValue - stableSteps || warmupSteps + stableSteps > long.MaxValue - decaySteps)
        {
            Guard.ThrowOutOfRange(nameof(decaySteps), decaySteps, "makes warmupSteps + stableSteps + decaySteps overflow a long");
        }

        InitialLr = initialLr;
        WarmupSteps = warmupSteps;
        StableSteps = stableSteps;
        DecaySteps = decaySteps;
        MinLrRatio = minLrRatio;
        WarmupShape = warmupShape;
        DecayShape = decayShape;
        _decayStart = warmupSteps + stableSteps;
        _decayEnd = _decayStart + decaySteps;
        _piOver2Warmup = HalfCosine.PiOver2N(Math.Max(1, warmupSteps));
        _piOver2Decay = HalfCosine.PiOver2N(decaySteps);
    }

    /// <summary>The learning rate of the stable phase.</summary>
    public double InitialLr { get; }

    /// <summary>Steps of warm-up.</summary>
    public long WarmupSteps { get; }

    /// <summary>Steps at <see cref="InitialLr"/>.</summary>
    public long StableSteps { get; }

    /// <summary>Steps of decay.</summary>
    public long DecaySteps { get; }

    /// <summary>The floor as a fraction of <see cref="InitialLr"/>.</summary>
    public double MinLrRatio { get; }

    /// <summary>The warm-up shape.</summary>
    public RampShape WarmupShape { get; }

    /// <summary>The decay shape.</summary>
    public RampShape DecayShape { get; }

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
            double p = (double)step / Math.Max(1, WarmupSteps);
            double rise = WarmupShape switch
            {
                RampShape.Cosine => HalfCosine.OfSteps(WarmupSteps - step, WarmupSteps, _piOver2Warmup),
                RampShape.OneMinusSqrt => 1.0 - Math.Sqrt(1.0 - p),
                _ => p,
            };
            return InitialLr * Math.Max(0.0, (rise * (1.0 - MinLrRatio)) + MinLrRatio);
        }

        if (step < _decayStart)
        {
            return InitialLr;
        }

        if (step < _decayEnd)
        {
            double p = (double)(step - _decayStart) / DecaySteps;
            double fall = DecayShape switch
            {
                RampShape.Cosine => HalfCosine.OfSteps(step - _decayStart, DecaySteps, _piOver2Decay),
                RampShape.OneMinusSqrt => 1.0 - Math.Sqrt(p),
                _ => 1.0 - p,
            };
            return InitialLr * Math.Max(0.0, (fall * (1.0 - MinLrRatio)) + MinLrRatio);
        }

        return InitialLr * MinLrRatio;
    }

    private static void CheckShape(RampShape shape, string paramName)
    {
        if (shape is not (RampShape.Linear or RampShape.Cosine or RampShape.OneMinusSqrt))
        {
            Guard.ThrowOutOfRange(paramName, shape, "must be 'Linear', 'Cosine' or 'OneMinusSqrt'");
        }
    }
}
