using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// REX ("reflected exponential") decay: with <c>p = min(t, totalSteps) / totalSteps</c>,
/// <c>lr(t) = minLr + (initialLr - minLr) * (1 - p) / (1 - p/2)</c>.
/// </summary>
/// <remarks>
/// Chen, Wolfe and Kyrillidis, "REX: Revisiting Budgeted Training with an Improved Schedule" (MLSys 2022). pytorch_optimizer
/// <c>REXScheduler(optimizer, total_steps, max_lr, min_lr)</c> is <c>initialLr = max_lr</c> from its first step on (its optimizer
/// holds <c>min_lr</c> before that step). From <c>totalSteps</c> on the rate holds <c>minLr</c>.
/// JSON: <c>{"type":"rex","initialLr":0.01,"totalSteps":1000,"minLr":0.0001}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class RexSchedule : ILearningRateSchedule
{
    private readonly double _range;

    /// <summary>Creates a REX schedule.</summary>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="totalSteps">The steps to reach <paramref name="minLr"/>. Range: <c>&gt; 0</c>.</param>
    /// <param name="minLr">The learning rate from <paramref name="totalSteps"/> on. Range: finite, <c>&gt;= 0</c>, <c>&lt;= initialLr</c>. Default 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public RexSchedule(double initialLr, long totalSteps, double minLr = 0.0)
    {
        Guard.LearningRate(initialLr);
        Guard.PositiveSteps(totalSteps);
        Guard.LearningRate(minLr);
        if (minLr > initialLr)
        {
            Guard.ThrowOutOfRange(nameof(minLr), minLr, $"must be less than or equal to initialLr ('{Guard.Format(initialLr)}')");
        }

        InitialLr = initialLr;
        TotalSteps = totalSteps;
        MinLr = minLr;
        _range = initialLr - minLr;
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLr { get; }

    /// <summary>The steps to reach <see cref="MinLr"/>.</summary>
    public long TotalSteps { get; }

    /// <summary>The learning rate from <see cref="TotalSteps"/> on.</summary>
    public double MinLr { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        if (step >= TotalSteps)
        {
            return MinLr;
        }

        // pytorch_optimizer's order of operations.
        double p = (double)step / TotalSteps;
        double lr = MinLr + (_range * ((1.0 - p) / (1.0 - (p / 2.0))));

        // The exact value is at most initialLr; near double.MaxValue the rounding alone can pass it (at step 0, minLr + (initialLr -
        // minLr)), and the largest finite double is then the nearest rate.
        return lr <= double.MaxValue ? lr : double.MaxValue;
    }
}
