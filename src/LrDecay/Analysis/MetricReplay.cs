using LrDecay.Internal;

namespace LrDecay.Analysis;

/// <summary>
/// The rates of a schedule that observes metrics (a <c>plateau</c>) as a run feeds it one metric per epoch, for replaying a run's
/// metrics offline: <see cref="Observe"/> each metric in turn, and read the rate of any step under the state reached so far.
/// </summary>
public sealed class MetricReplay
{
    private readonly IMetricSchedule _schedule;
    private PlateauState _state;

    /// <summary>Starts a replay from the schedule's initial state.</summary>
    /// <param name="schedule">A schedule that observes metrics (<see cref="CanReplay"/> true).</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">The schedule does not observe metrics.</exception>
    public MetricReplay(ILearningRateSchedule schedule)
    {
        _schedule = Guard.NotNull(schedule) as IMetricSchedule
            ?? throw new ArgumentException(
                $"a replay of metrics needs a schedule that observes them (plateau), got '{ScheduleJson.TypeOf(schedule)?.Name ?? schedule.GetType().Name}'.",
                nameof(schedule));
        _state = _schedule.InitialState;
    }

    /// <summary>How many metrics have been observed.</summary>
    public long Observed { get; private set; }

    /// <summary>Whether <paramref name="schedule"/> observes metrics itself, so that a replay can feed it (a <c>plateau</c>).</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>True when it observes metrics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static bool CanReplay(ILearningRateSchedule schedule) => Guard.NotNull(schedule) is IMetricSchedule;

    /// <summary>Observes the metric of the next epoch.</summary>
    /// <param name="metric">The metric.</param>
    public void Observe(double metric)
    {
        _state = _schedule.Observe(_state, metric);
        Observed++;
    }

    /// <summary>The rate at <paramref name="step"/> under the metrics observed so far.</summary>
    /// <param name="step">The step. Range: <c>&gt;= 0</c>.</param>
    /// <returns>The learning rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public double GetLearningRate(long step) => _schedule.GetLearningRate(_state, step);
}
