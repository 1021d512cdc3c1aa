using System.Collections.ObjectModel;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Piecewise constant: <c>lr(t) = values[i]</c> for the first <c>i</c> with <c>t &lt;= boundaries[i]</c>, else the last value.
/// </summary>
/// <remarks>
/// Keras <c>PiecewiseConstantDecay</c>, optax <c>piecewise_constant_schedule</c> with absolute values: a boundary belongs to the
/// interval before it. JSON: <c>{"type":"piecewiseConstant","boundaries":[5,15],"values":[0.3,0.03,0.003]}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PiecewiseConstantSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly long[] _boundaries;
    private readonly double[] _values;

    /// <summary>Creates a piecewise-constant schedule.</summary>
    /// <param name="boundaries">
    /// The last step of each interval but the last. Strictly increasing, each <c>&gt;= 0</c> (a boundary at 0, as Keras accepts, gives
    /// <c>values[0]</c> at step 0 only).
    /// </param>
    /// <param name="values">The learning rate of each interval: one more than <paramref name="boundaries"/>, each finite and <c>&gt;= 0</c>.</param>
    /// <exception cref="ArgumentException">The boundaries are not strictly increasing, or the lengths do not match.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PiecewiseConstantSchedule(IEnumerable<long> boundaries, IEnumerable<double> values)
    {
        _boundaries = Guard.IncreasingSteps(boundaries, nameof(boundaries), allowZero: true);
        _values = Guard.NotNull(values).ToArray();
        if (_values.Length != _boundaries.Length + 1)
        {
            throw new ArgumentException(
                $"values must have one more element than boundaries: got {_values.Length} values for {_boundaries.Length} boundaries.",
                nameof(values));
        }

        for (int i = 0; i < _values.Length; i++)
        {
            Guard.LearningRate(_values[i], $"values[{i}]");
        }

        Boundaries = Array.AsReadOnly(_boundaries);
        Values = Array.AsReadOnly(_values);
    }

    /// <summary>The last step of each interval but the last.</summary>
    public ReadOnlyCollection<long> Boundaries { get; }

    /// <summary>The learning rate of each interval.</summary>
    public ReadOnlyCollection<double> Values { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);

        // values[i] for the first i with step <= boundaries[i]: the number of boundaries strictly below the step (none at step 0,
        // as every boundary is >= 0).
        return _values[Guard.CountAtMost(_boundaries, step - 1)];
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination) => Batch.FillSorted(_boundaries, _values, 1, firstStep, destination);
}
