using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// The sweep of a learning-rate range test: with <c>r = min(t, steps) / steps</c>, exponential
/// <c>lr(t) = startLr * (endLr / startLr)^r</c> or linear <c>lr(t) = startLr + (endLr - startLr) * r</c>.
/// </summary>
/// <remarks>
/// PyTorch Lightning's <c>lr_find</c> sweeps (<c>_ExponentialLR</c>, <c>_LinearLR</c>). <c>Tuner.lr_find(min_lr, max_lr,
/// num_training, mode)</c> holds <c>min_lr</c> at step 0 and then sweeps with <c>r = (t + 1) / num_training</c>: up to its last step it
/// is a <c>sequence</c> of a <c>constant</c> <c>min_lr</c> for one step and this sweep from its step-1 rate to <c>max_lr</c> over
/// <c>num_training - 2</c> steps. From <c>steps</c> on the rate holds (the value at <c>r = 1</c>, <c>endLr</c> up to rounding).
/// JSON: <c>{"type":"rangeTest","startLr":1e-7,"endLr":1,"steps":100,"mode":"exponential"}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class RangeTestSchedule : ILearningRateSchedule
{
    // Exponential: endLr / startLr; linear: endLr - startLr.
    private readonly double _span;
    private readonly FixedBasePower _power;
    private readonly bool _exponential;

    /// <summary>Creates a range-test sweep.</summary>
    /// <param name="startLr">The learning rate at step 0. Range: finite, <c>&gt; 0</c>.</param>
    /// <param name="endLr">The learning rate from <paramref name="steps"/> on. Range: finite, <c>&gt; startLr</c>; exponential mode:
    /// <c>endLr / startLr</c> finite.</param>
    /// <param name="steps">The steps of the sweep. Range: <c>&gt; 0</c>.</param>
    /// <param name="mode">Geometric or arithmetic sweep. Default <see cref="RangeTestMode.Exponential"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public RangeTestSchedule(double startLr, double endLr, long steps, RangeTestMode mode = RangeTestMode.Exponential)
    {
        Guard.Positive(startLr);
        if (!(endLr > startLr) || double.IsInfinity(endLr))
        {
            Guard.ThrowOutOfRange(nameof(endLr), endLr, $"must be a finite value greater than startLr ('{Guard.Format(startLr)}')");
        }

        Guard.PositiveSteps(steps);
        if (mode is not (RangeTestMode.Exponential or RangeTestMode.Linear))
        {
            Guard.ThrowOutOfRange(nameof(mode), mode, "must be 'Exponential' or 'Linear'");
        }

        _exponential = mode == RangeTestMode.Exponential;
        _span = _exponential ? endLr / startLr : endLr - startLr;
        if (double.IsInfinity(_span))
        {
            Guard.ThrowOutOfRange(
                nameof(endLr), endLr, $"must be at most {Guard.Format(double.MaxValue)} times startLr ('{Guard.Format(startLr)}'): endLr/startLr overflows");
        }

        _power = new FixedBasePower(_span);
        StartLr = startLr;
        EndLr = endLr;
        Steps = steps;
        Mode = mode;
    }

    /// <summary>The learning rate at step 0.</summary>
    public double StartLr { get; }

    /// <summary>The learning rate from <see cref="Steps"/> on.</summary>
    public double EndLr { get; }

    /// <summary>The steps of the sweep.</summary>
    public long Steps { get; }

    /// <summary>Geometric or arithmetic sweep.</summary>
    public RangeTestMode Mode { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        double r = step >= Steps ? 1.0 : (double)step / Steps;

        // Lightning's order of operations.
        double lr = _exponential ? StartLr * _power.Of(r) : StartLr + (r * _span);

        // The exact value is at most endLr; near double.MaxValue the rounding alone can pass it, and the largest finite double is
        // then the nearest rate.
        return lr <= double.MaxValue ? lr : double.MaxValue;
    }
}
