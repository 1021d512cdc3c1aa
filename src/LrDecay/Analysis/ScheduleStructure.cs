using LrDecay.Config;
using LrDecay.Internal;

namespace LrDecay.Analysis;

/// <summary>
/// What the structure of a schedule says about its rates, read from the facts each schedule type states in the catalog: where it
/// ends, and whether a metric-driven schedule is inside. A schedule class from outside the library has no such facts: it has no
/// stated end and does not depend on a metric.
/// </summary>
public static class ScheduleStructure
{
    /// <summary>
    /// A step from which <paramref name="schedule"/> holds its final rate (an upper bound of the first such step), or null when its
    /// settings state none: it decays forever (<c>exponential</c>, <c>inverseSqrt</c>, ...), it cycles (<c>cyclic</c>, <c>polynomial</c>
    /// with cycle, <c>cosineRestarts</c> without a cycle limit), or its class is not from the library.
    /// </summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The step, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static long? HoldsFrom(ILearningRateSchedule schedule)
    {
        Guard.NotNull(schedule);
        return Catalog.Of(schedule)?.HoldsFrom(schedule);
    }

    /// <summary>
    /// Whether <paramref name="schedule"/> is or holds a schedule whose rates depend on the metrics of the run (a <c>plateau</c>)
    /// rather than on the step alone.
    /// </summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>True when a metric-driven schedule is inside.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static bool DependsOnMetric(ILearningRateSchedule schedule)
    {
        Guard.NotNull(schedule);
        CatalogEntry? entry = Catalog.Of(schedule);
        return entry is not null && (entry.DependsOnMetric == true || entry.Children(schedule).Any(c => DependsOnMetric(c.Schedule)));
    }

    /// <summary>The sum of two steps, or null when either is null or the sum passes <see cref="long.MaxValue"/>.</summary>
    internal static long? Add(long? a, long? b) =>
        a is null || b is null ? null : (a.Value > long.MaxValue - b.Value ? null : a.Value + b.Value);

    /// <summary>The larger of two steps, or null when either is null.</summary>
    internal static long? Max(long? a, long? b) => a is null || b is null ? null : Math.Max(a.Value, b.Value);

    /// <summary>The product of a step and a factor &gt; 0, or null when the step is null or the product passes <see cref="long.MaxValue"/>.</summary>
    internal static long? Multiply(long? a, long b) => a is null ? null : (a.Value > long.MaxValue / b ? null : a.Value * b);

    /// <summary>
    /// What the rise from step <c>step - 1</c> to step <paramref name="step"/> belongs to, and the JSON path of the part of the config
    /// it comes from (for a junction, the schedule that takes over).
    /// </summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="step">The later step of the rise. Range: <c>&gt;= 1</c>.</param>
    /// <returns>The kind and the path.</returns>
    internal static (RiseKind Kind, string Path) ClassifyRise(ILearningRateSchedule schedule, long step) => ClassifyRise(schedule, step, "$");

    private static (RiseKind Kind, string Path) ClassifyRise(ILearningRateSchedule schedule, long step, string path)
    {
        CatalogEntry? entry = Catalog.Of(schedule);
        if (entry is null)
        {
            // A class from outside the library: not judged.
            return (RiseKind.Cycle, path);
        }

        Rise rise = entry.RiseAt(schedule, step);
        switch (rise.Source)
        {
            case RiseSource.Ramp:
                return (RiseKind.Ramp, path);
            case RiseSource.Junction:
                return (RiseKind.Junction, $"{path}.{entry.Children(schedule)[rise.Child].Path}");
            case RiseSource.Child:
            {
                (string childPath, ILearningRateSchedule child) = entry.Children(schedule)[rise.Child];
                return ClassifyRise(child, rise.Step, $"{path}.{childPath}");
            }

            case RiseSource.RisingChildren:
            {
                // The product rises through the children that rise; a junction in any of them is reported.
                (RiseKind Kind, string Path)? found = null;
                foreach ((string childPath, ILearningRateSchedule child) in entry.Children(schedule))
                {
                    if (child.GetLearningRate(step) > child.GetLearningRate(step - 1))
                    {
                        (RiseKind Kind, string Path) childRise = ClassifyRise(child, step, $"{path}.{childPath}");
                        if (childRise.Kind == RiseKind.Junction)
                        {
                            return childRise;
                        }

                        found ??= childRise;
                    }
                }

                return found ?? (RiseKind.Ramp, path);
            }

            default:
                // A cycle by design, or a type that never rises (a rise from rounding is not judged).
                return (RiseKind.Cycle, path);
        }
    }
}

/// <summary>What made the rate rise from one step to the next, as <see cref="ScheduleStructure.ClassifyRise(ILearningRateSchedule, long)"/> finds it.</summary>
internal enum RiseKind
{
    /// <summary>A warm-up or a rising ramp the config writes (<c>warmup</c>, a rising <c>linear</c> or piecewise schedule, ...).</summary>
    Ramp,

    /// <summary>A restart or cycle of a type that cycles by design (<c>cosineRestarts</c>, <c>cyclic</c>, <c>oneCycle</c>, ...), or a type not judged.</summary>
    Cycle,

    /// <summary>A hand-over between two schedules of a <c>sequence</c>: the next one starts higher.</summary>
    Junction,
}
