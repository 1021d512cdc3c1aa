namespace LrDecay.Internal;

/// <summary>
/// A schedule whose rate depends on metrics it observes, one per epoch, through a state the caller keeps: the reduce-on-plateau
/// schedule. <see cref="Analysis.MetricReplay"/> feeds it.
/// </summary>
internal interface IMetricSchedule : ILearningRateSchedule
{
    /// <summary>The state before any metric.</summary>
    PlateauState InitialState { get; }

    /// <summary>The state after observing <paramref name="metric"/> in <paramref name="state"/>.</summary>
    PlateauState Observe(PlateauState state, double metric);

    /// <summary>The rate at <paramref name="step"/> in <paramref name="state"/>.</summary>
    double GetLearningRate(PlateauState state, long step);
}
