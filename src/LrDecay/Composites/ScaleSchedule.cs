using LrDecay.Internal;

namespace LrDecay;

/// <summary>A constant multiple of another schedule: <c>lr(t) = factor * inner(t)</c>.</summary>
/// <remarks>PyTorch <c>ConstantLR</c>-style scaling, optax schedule arithmetic. JSON: <c>{"type":"scale","factor":0.1,"schedule":{...}}</c>.</remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class ScaleSchedule : ILearningRateSchedule, IBatchSchedule
{
    /// <summary>Creates a scaled schedule.</summary>
    /// <param name="schedule">The schedule to scale.</param>
    /// <param name="factor">The multiplier. Range: finite, <c>&gt; 0</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is out of range, or so large that a learning rate would overflow; the message names it and its value.</exception>
    public ScaleSchedule(ILearningRateSchedule schedule, double factor)
    {
        Schedule = Guard.NotNull(schedule);
        Guard.Positive(factor);
        double reach = Bounds.Max(schedule);
        if (double.IsInfinity(factor * reach))
        {
            Guard.ThrowOutOfRange(nameof(factor), factor, $"makes the learning rate overflow: the schedule reaches '{Guard.Format(reach)}'");
        }

        Factor = factor;
        Reach = factor * reach;
    }

    /// <summary>The schedule being scaled.</summary>
    public ILearningRateSchedule Schedule { get; }

    /// <summary>The multiplier.</summary>
    public double Factor { get; }

    /// <summary>The largest rate this schedule can produce (NaN when unknown), kept so an enclosing composite's check need not walk the nest again.</summary>
    internal double Reach { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        return Factor * Schedule.GetLearningRate(step);
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        Batch.Fill(Schedule, firstStep, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Factor * destination[i];
        }
    }
}
