using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Linear warm-up before another schedule: <c>lr(t) = startLr + (inner(0) - startLr) * t / warmupSteps</c> while
/// <c>t &lt; warmupSteps</c>, then <c>inner(t - warmupSteps)</c>.
/// </summary>
/// <remarks>
/// Keras <c>CosineDecay(warmup_steps=...)</c>, optax <c>warmup_cosine_decay_schedule</c>, Hugging Face <c>get_*_schedule_with_warmup</c>
/// (the inner schedule spans <c>num_training_steps - num_warmup_steps</c>). The inner schedule starts at step 0 when warm-up ends.
/// JSON: <c>{"type":"warmup","warmupSteps":500,"startLr":0,"schedule":{...}}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class WarmupSchedule : ILearningRateSchedule, IBatchSchedule
{
    /// <summary>Creates a warm-up in front of <paramref name="schedule"/>.</summary>
    /// <param name="schedule">The schedule that follows the warm-up, shifted to start at <paramref name="warmupSteps"/>.</param>
    /// <param name="warmupSteps">Steps of warm-up. Range: <c>&gt; 0</c>.</param>
    /// <param name="startLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public WarmupSchedule(ILearningRateSchedule schedule, long warmupSteps, double startLr = 0.0)
    {
        Schedule = Guard.NotNull(schedule);
        Guard.PositiveSteps(warmupSteps);
        Guard.LearningRate(startLr);
        WarmupSteps = warmupSteps;
        StartLr = startLr;
        TargetLr = schedule.GetLearningRate(0);
    }

    /// <summary>The schedule that follows the warm-up.</summary>
    public ILearningRateSchedule Schedule { get; }

    /// <summary>Steps of warm-up.</summary>
    public long WarmupSteps { get; }

    /// <summary>The learning rate at step 0.</summary>
    public double StartLr { get; }

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
            return StartLr + ((TargetLr - StartLr) * ((double)step / WarmupSteps));
        }

        return Schedule.GetLearningRate(step - WarmupSteps);
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        int warm = Batch.CountBefore(firstStep, destination.Length, WarmupSteps);
        for (int i = 0; i < warm; i++)
        {
            destination[i] = StartLr + ((TargetLr - StartLr) * ((double)(firstStep + i) / WarmupSteps));
        }

        if (warm < destination.Length)
        {
            Batch.Fill(Schedule, firstStep + warm - WarmupSteps, destination.Slice(warm));
        }
    }
}
