using LrDecay.Config;

namespace LrDecay.Internal;

/// <summary>
/// The largest learning rate a schedule of this library can produce, from its settings alone, so the composites that multiply
/// (scale, chain) can reject a config that would overflow. Each type's bound is in its <see cref="Catalog"/> entry. NaN when
/// unknown (a schedule type from outside the library): then no check is made.
/// </summary>
internal static class Bounds
{
    internal static double Max(ILearningRateSchedule schedule) => Catalog.Of(schedule)?.Max(schedule) ?? double.NaN;

    /// <summary><c>max(s0) * prod over i &gt;= 1 of max(s_i) / s_i(0)</c>.</summary>
    internal static double ChainMax(IReadOnlyList<ILearningRateSchedule> schedules)
    {
        double bound = Max(schedules[0]);
        for (int i = 1; i < schedules.Count; i++)
        {
            bound *= Max(schedules[i]) / schedules[i].GetLearningRate(0);
        }

        return bound;
    }

    /// <summary>The bound of a clamp over a schedule whose bound is <paramref name="inner"/>.</summary>
    internal static double Clamp(double inner, double minLr, double maxLr) =>
        double.IsNaN(inner) ? (double.IsInfinity(maxLr) ? double.NaN : maxLr) : Math.Min(Math.Max(inner, minLr), maxLr);
}
