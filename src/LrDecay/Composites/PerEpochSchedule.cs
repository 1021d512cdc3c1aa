using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// An epoch-based schedule driven per optimizer step: <c>lr(t) = inner(floor(t / stepsPerEpoch))</c>.
/// </summary>
/// <remarks>
/// Lets a schedule written in epochs (PyTorch's <c>StepLR(step_size=30)</c> stepped once per epoch, say) be asked every step.
/// JSON: <c>{"type":"perEpoch","stepsPerEpoch":390,"schedule":{...}}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PerEpochSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly StepDivisor _epochs;

    /// <summary>Creates a per-step view of an epoch-based schedule.</summary>
    /// <param name="schedule">The schedule in epochs.</param>
    /// <param name="stepsPerEpoch">Optimizer steps in one epoch. Range: <c>&gt; 0</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepsPerEpoch"/> is out of range; the message names it and its value.</exception>
    public PerEpochSchedule(ILearningRateSchedule schedule, long stepsPerEpoch)
    {
        Schedule = Guard.NotNull(schedule);
        Guard.PositiveSteps(stepsPerEpoch);
        StepsPerEpoch = stepsPerEpoch;
        _epochs = new StepDivisor(stepsPerEpoch);
    }

    /// <summary>The schedule in epochs.</summary>
    public ILearningRateSchedule Schedule { get; }

    /// <summary>Optimizer steps in one epoch.</summary>
    public long StepsPerEpoch { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        return Schedule.GetLearningRate(_epochs.Quotient(step));
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        var values = new Epochs(Schedule);
        Batch.FillRuns(ref values, firstStep, StepsPerEpoch, destination);
    }

    /// <summary>The inner schedule asked once per epoch.</summary>
    private readonly struct Epochs(ILearningRateSchedule schedule) : IRunValues
    {
        public double At(long run) => schedule.GetLearningRate(run);
    }
}
