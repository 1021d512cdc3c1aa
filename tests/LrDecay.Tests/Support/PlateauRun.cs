namespace LrDecay.Tests.Support;

/// <summary>Feeds a plateau schedule a run of metrics, one per epoch, as a training loop does.</summary>
internal static class PlateauRun
{
    /// <summary>
    /// Observes <paramref name="metrics"/> in order from the schedule's initial state; returns the count of reductions after each
    /// observation, and the final state.
    /// </summary>
    internal static List<long> Reductions(PlateauSchedule plateau, IEnumerable<double> metrics, out PlateauState state)
    {
        state = plateau.InitialState;
        var reductions = new List<long>();
        foreach (double metric in metrics)
        {
            state = plateau.Observe(state, metric);
            reductions.Add(state.Reductions);
        }

        return reductions;
    }
}
