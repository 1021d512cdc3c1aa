using System.ComponentModel;
using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Warm-up before another schedule: with <c>p = t / warmupSteps</c>, <c>lr(t) = startLr + (inner(0) - startLr) * g(p)</c> while
/// <c>t &lt; warmupSteps</c>, <c>g</c> the shape (<c>p</c>, <c>(1 - cos(pi p)) / 2</c> or <c>1 - sqrt(1 - p)</c>); then
/// <c>inner(t - warmupSteps)</c> when <c>prefix</c> (the default), else <c>inner(t)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Keras <c>CosineDecay(warmup_steps=...)</c>, optax <c>warmup_cosine_decay_schedule</c>, Hugging Face <c>get_*_schedule_with_warmup</c>
/// (the inner schedule spans <c>num_training_steps - num_warmup_steps</c>) and the warm-up shapes of its <c>get_wsd_schedule</c>; timm's
/// <c>warmup_t</c> with <c>warmup_prefix=True</c>. With <c>prefix</c> the inner schedule starts at its step 0 when the warm-up ends; without
/// it (timm <c>warmup_prefix=False</c>) the inner schedule keeps the caller's clock and the warm-up replaces its first
/// <c>warmupSteps</c> steps.
/// </para>
/// <para>JSON: <c>{"type":"warmup","warmupSteps":500,"startLr":0,"shape":"linear","prefix":true,"schedule":{...}}</c>.</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class WarmupSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly double _piOver2N;

    /// <summary>Creates a warm-up in front of <paramref name="schedule"/>.</summary>
    /// <param name="schedule">
    /// The schedule that follows the warm-up: shifted to start at <paramref name="warmupSteps"/> when <paramref name="prefix"/>, else on
    /// the caller's clock.
    /// </param>
    /// <param name="warmupSteps">Steps of warm-up. Range: <c>&gt; 0</c>.</param>
    /// <param name="startLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="shape">The shape of the rise. Default <see cref="RampShape.Linear"/>.</param>
    /// <param name="prefix">
    /// True (the default): the inner schedule starts at its step 0 when the warm-up ends. False: it keeps the caller's clock, and the
    /// warm-up replaces its first <paramref name="warmupSteps"/> steps.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public WarmupSchedule(ILearningRateSchedule schedule, long warmupSteps, double startLr = 0.0, RampShape shape = RampShape.Linear, bool prefix = true)
    {
        Schedule = Guard.NotNull(schedule);
        Guard.PositiveSteps(warmupSteps);
        Guard.LearningRate(startLr);
        if (shape is not (RampShape.Linear or RampShape.Cosine or RampShape.OneMinusSqrt))
        {
            Guard.ThrowOutOfRange(nameof(shape), shape, "must be 'Linear', 'Cosine' or 'OneMinusSqrt'");
        }

        WarmupSteps = warmupSteps;
        StartLr = startLr;
        Shape = shape;
        Prefix = prefix;
        TargetLr = schedule.GetLearningRate(0);
        _piOver2N = HalfCosine.PiOver2N(warmupSteps);
    }

    /// <summary>
    /// Creates a linear warm-up in front of <paramref name="schedule"/>, <c>lr(t) = startLr + (inner(0) - startLr) * t / warmupSteps</c>
    /// while <c>t &lt; warmupSteps</c>, then <c>inner(t - warmupSteps)</c>:
    /// <see cref="WarmupSchedule(ILearningRateSchedule, long, double, RampShape, bool)"/> with <see cref="RampShape.Linear"/> and
    /// <c>prefix</c> true.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it builds the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="schedule">The schedule that follows the warm-up, started at its step 0 when the warm-up ends.</param>
    /// <param name="warmupSteps">Steps of warm-up. Range: <c>&gt; 0</c>.</param>
    /// <param name="startLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public WarmupSchedule(ILearningRateSchedule schedule, long warmupSteps, double startLr)
        : this(schedule, warmupSteps, startLr, shape: RampShape.Linear, prefix: true)
    {
    }

    /// <summary>The schedule that follows the warm-up.</summary>
    public ILearningRateSchedule Schedule { get; }

    /// <summary>Steps of warm-up.</summary>
    public long WarmupSteps { get; }

    /// <summary>The learning rate at step 0.</summary>
    public double StartLr { get; }

    /// <summary>The shape of the rise.</summary>
    public RampShape Shape { get; }

    /// <summary>Whether the inner schedule starts at its step 0 when the warm-up ends (true) or keeps the caller's clock (false).</summary>
    public bool Prefix { get; }

    /// <summary>The learning rate the warm-up climbs to: the inner schedule's rate at its step 0.</summary>
    public double TargetLr { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        if (step < WarmupSteps)
        {
            return Rise(step);
        }

        return Schedule.GetLearningRate(Prefix ? step - WarmupSteps : step);
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        int warm = Batch.CountBefore(firstStep, destination.Length, WarmupSteps);
        for (int i = 0; i < warm; i++)
        {
            destination[i] = Rise(firstStep + i);
        }

        if (warm < destination.Length)
        {
            Batch.Fill(Schedule, Prefix ? firstStep + warm - WarmupSteps : firstStep + warm, destination.Slice(warm));
        }
    }

    /// <summary>The rate at warm-up step <paramref name="step"/> (<c>0 &lt;= step &lt; warmupSteps</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Rise(long step)
    {
        double g = Shape switch
        {
            // (1 - cos(pi p)) / 2 = h((n - k) / n), h the half-cosine ramp.
            RampShape.Cosine => HalfCosine.OfSteps(WarmupSteps - step, WarmupSteps, _piOver2N),

            // 1 - sqrt(1 - p) = p / (1 + sqrt(1 - p)): keeps its relative accuracy near the start.
            RampShape.OneMinusSqrt => ((double)step / WarmupSteps) / (1.0 + Math.Sqrt((double)(WarmupSteps - step) / WarmupSteps)),
            _ => (double)step / WarmupSteps,
        };
        return StartLr + ((TargetLr - StartLr) * g);
    }
}
