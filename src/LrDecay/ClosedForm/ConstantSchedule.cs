using LrDecay.Internal;

namespace LrDecay;

/// <summary>Constant: <c>lr(t) = lr</c>.</summary>
/// <remarks>JSON: <c>{"type":"constant","lr":0.01}</c>. optax <c>constant_schedule</c>; PyTorch without a scheduler.</remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class ConstantSchedule : ILearningRateSchedule, IBatchSchedule
{
    /// <summary>Creates a constant schedule.</summary>
    /// <param name="lr">The learning rate. Range: finite, <c>&gt;= 0</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lr"/> is out of range; the message names it and its value.</exception>
    public ConstantSchedule(double lr)
    {
        Guard.LearningRate(lr);
        Lr = lr;
    }

    /// <summary>The learning rate returned at every step.</summary>
    public double Lr { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        return Lr;
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination) => destination.Fill(Lr);
}
