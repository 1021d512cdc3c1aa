using LrDecay.Internal;

namespace LrDecay;

/// <summary>Step decay: <c>lr(t) = initialLr * gamma^floor(t / stepSize)</c>.</summary>
/// <remarks>PyTorch <c>StepLR</c>. JSON: <c>{"type":"step","initialLr":0.1,"stepSize":30,"gamma":0.1}</c>.</remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class StepSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly PowerTable _powers;
    private readonly StepDivisor _periods;

    /// <summary>Creates a step-decay schedule.</summary>
    /// <param name="initialLr">The learning rate before the first drop. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="stepSize">Steps between drops. Range: <c>&gt; 0</c>.</param>
    /// <param name="gamma">Factor applied at each drop. Range: <c>(0, 1]</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public StepSchedule(double initialLr, long stepSize, double gamma)
    {
        Guard.LearningRate(initialLr);
        Guard.PositiveSteps(stepSize);
        Guard.InUnitInterval(gamma);
        InitialLr = initialLr;
        StepSize = stepSize;
        Gamma = gamma;
        _powers = new PowerTable(initialLr, gamma);
        _periods = new StepDivisor(stepSize);
    }

    /// <summary>The learning rate before the first drop.</summary>
    public double InitialLr { get; }

    /// <summary>Steps between drops.</summary>
    public long StepSize { get; }

    /// <summary>Factor applied at each drop.</summary>
    public double Gamma { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        return _powers.Get(_periods.Quotient(step));
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        var values = new Stairs(_powers);
        Batch.FillRuns(ref values, firstStep, StepSize, destination);
    }

    private readonly struct Stairs(PowerTable powers) : IRunValues
    {
        public double At(long run) => powers.Get(run);
    }
}
