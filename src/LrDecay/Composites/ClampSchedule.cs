using LrDecay.Internal;

namespace LrDecay;

/// <summary>Another schedule held within bounds: <c>lr(t) = min(max(inner(t), minLr), maxLr)</c>.</summary>
/// <remarks>
/// optax <c>exponential_decay(end_value=...)</c> is an exponential clamped below. JSON: <c>{"type":"clamp","minLr":0.002,"maxLr":0.1,"schedule":{...}}</c>
/// (<c>maxLr</c> absent means no upper bound).
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class ClampSchedule : ILearningRateSchedule, IBatchSchedule
{
    /// <summary>Creates a clamped schedule.</summary>
    /// <param name="schedule">The schedule to clamp.</param>
    /// <param name="minLr">The lower bound. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="maxLr">The upper bound; <see cref="double.PositiveInfinity"/> for none. Range: <c>&gt;= minLr</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is out of range; the message names it and its value.</exception>
    public ClampSchedule(ILearningRateSchedule schedule, double minLr = 0.0, double maxLr = double.PositiveInfinity)
    {
        Schedule = Guard.NotNull(schedule);
        Guard.LearningRate(minLr);
        if (!(maxLr >= minLr))
        {
            Guard.ThrowOutOfRange(nameof(maxLr), maxLr, $"must be greater than or equal to minLr ('{Guard.Format(minLr)}')");
        }

        MinLr = minLr;
        MaxLr = maxLr;
    }

    /// <summary>The schedule being clamped.</summary>
    public ILearningRateSchedule Schedule { get; }

    /// <summary>The lower bound.</summary>
    public double MinLr { get; }

    /// <summary>The upper bound (<see cref="double.PositiveInfinity"/> for none).</summary>
    public double MaxLr { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        return Math.Min(Math.Max(Schedule.GetLearningRate(step), MinLr), MaxLr);
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        Batch.Fill(Schedule, firstStep, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Math.Min(Math.Max(destination[i], MinLr), MaxLr);
        }
    }
}
