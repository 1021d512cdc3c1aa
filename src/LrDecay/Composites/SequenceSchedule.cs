using System.Collections.ObjectModel;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Schedules one after another: <c>lr(t) = schedules[i](t - boundaries[i-1])</c> on <c>[boundaries[i-1], boundaries[i])</c>
/// (<c>boundaries[-1] = 0</c>); each schedule restarts from its own step 0 at its boundary.
/// </summary>
/// <remarks>
/// optax <c>join_schedules</c>, PyTorch <c>SequentialLR</c> over closed forms.
/// JSON: <c>{"type":"sequence","schedules":[{...},{...}],"boundaries":[30]}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class SequenceSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly ILearningRateSchedule[] _schedules;
    private readonly long[] _boundaries;
    private readonly long[] _starts;

    /// <summary>Creates a sequence of schedules.</summary>
    /// <param name="schedules">The schedules in order: at least one, none null.</param>
    /// <param name="boundaries">The steps at which each next schedule takes over: one fewer than <paramref name="schedules"/>, strictly increasing, each <c>&gt; 0</c>.</param>
    /// <exception cref="ArgumentException">The lists are empty, of mismatched lengths, or the boundaries are not strictly increasing.</exception>
    /// <exception cref="ArgumentNullException">An argument or a schedule is null.</exception>
    public SequenceSchedule(IEnumerable<ILearningRateSchedule> schedules, IEnumerable<long> boundaries)
    {
        _schedules = Composition.Children(schedules, nameof(schedules));
        _boundaries = Guard.IncreasingSteps(boundaries, nameof(boundaries));
        if (_boundaries.Length != _schedules.Length - 1)
        {
            throw new ArgumentException(
                $"boundaries must have one element fewer than schedules: got {_boundaries.Length} boundaries for {_schedules.Length} schedules.",
                nameof(boundaries));
        }

        _starts = new long[_schedules.Length];
        Array.Copy(_boundaries, 0, _starts, 1, _boundaries.Length);
        Schedules = Array.AsReadOnly(_schedules);
        Boundaries = Array.AsReadOnly(_boundaries);
    }

    /// <summary>The schedules in order.</summary>
    public ReadOnlyCollection<ILearningRateSchedule> Schedules { get; }

    /// <summary>The steps at which each next schedule takes over.</summary>
    public ReadOnlyCollection<long> Boundaries { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        int i = Guard.CountAtMost(_boundaries, step);
        return _schedules[i].GetLearningRate(step - _starts[i]);
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        int i = 0;
        while (i < destination.Length)
        {
            long step = firstStep + i;
            int k = Guard.CountAtMost(_boundaries, step);
            int count = k < _boundaries.Length ? Batch.CountBefore(step, destination.Length - i, _boundaries[k]) : destination.Length - i;
            Batch.Fill(_schedules[k], step - _starts[k], destination.Slice(i, count));
            i += count;
        }
    }
}
