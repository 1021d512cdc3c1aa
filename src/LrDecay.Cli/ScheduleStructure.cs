namespace LrDecay.Cli;

/// <summary>What made the rate rise from one step to the next, as <see cref="ScheduleStructure.ClassifyRise"/> finds it.</summary>
internal enum RiseKind
{
    /// <summary>A warm-up or a rising ramp the config writes (<c>warmup</c>, a rising <c>linear</c> or piecewise schedule, ...).</summary>
    Ramp,

    /// <summary>A restart or cycle of a type that cycles by design (<c>cosineRestarts</c>, <c>cyclic</c>, <c>oneCycle</c>, ...), or a type not judged.</summary>
    Cycle,

    /// <summary>A hand-over between two schedules of a <c>sequence</c>: the next one starts higher.</summary>
    Junction,
}

/// <summary>
/// What <c>lint</c> reads from the structure of a schedule, walking composites through their public properties: where it ends,
/// what a rise belongs to, and whether a metric-driven schedule is inside.
/// </summary>
internal static class ScheduleStructure
{
    /// <summary>
    /// A step from which the schedule holds its final rate (an upper bound of the first such step), or null when it has none that
    /// the config states: it decays forever (<c>exponential</c>, <c>step</c>, <c>inverseTime</c>, <c>inverseSqrt</c>), it cycles
    /// (<c>cyclic</c>, <c>cosineRestarts</c>, <c>polynomial</c> with cycle), or its type is not known here.
    /// </summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The step, or null.</returns>
    public static long? Horizon(ILearningRateSchedule schedule) => schedule switch
    {
        ConstantSchedule => 0,
        StepSchedule s => s.Gamma == 1.0 || s.InitialLr == 0.0 ? 0 : null,
        MultiStepSchedule s => s.Milestones.Count == 0 ? 0 : s.Milestones[^1],
        PiecewiseConstantSchedule s => s.Boundaries.Count == 0 ? 0 : Add(s.Boundaries[^1], 1),
        PolynomialSchedule s => s.Cycle ? null : s.DecaySteps,
        CosineSchedule s => s.DecaySteps,
        LinearSchedule s => s.TotalSteps,
        RexSchedule s => s.TotalSteps,
        TanhSchedule s => s.DecaySteps,
        RangeTestSchedule s => s.Steps,
        OneCycleSchedule s => s.TotalSteps,
        OneCycleMomentumSchedule s => s.TotalSteps,
        WarmupStableDecaySchedule s => Add(Add(s.WarmupSteps, s.StableSteps), s.DecaySteps),
        PiecewiseLinearSchedule s => s.Steps[^1],
        WarmupSchedule s => s.Prefix ? Add(s.WarmupSteps, Horizon(s.Schedule)) : Max(s.WarmupSteps, Horizon(s.Schedule)),
        SequenceSchedule s => s.Boundaries.Count == 0 ? Horizon(s.Schedules[0]) : Add(s.Boundaries[^1], Horizon(s.Schedules[^1])),
        ChainSchedule s => s.Schedules.Aggregate((long?)0, (h, child) => Max(h, Horizon(child))),
        ScaleSchedule s => Horizon(s.Schedule),
        ClampSchedule s => Horizon(s.Schedule),
        PerEpochSchedule s => Multiply(Horizon(s.Schedule), s.StepsPerEpoch),
        CooldownSchedule s => Add(s.StartStep, s.DecaySteps),
        _ => null,
    };

    /// <summary>
    /// What the rise from step <c>t - 1</c> to step <paramref name="step"/> belongs to, and the JSON path of the part of the config
    /// it comes from (for a junction, the schedule of the sequence that takes over).
    /// </summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="step">The later step of the rise. Range: <c>&gt;= 1</c>.</param>
    /// <returns>The kind and the path.</returns>
    public static (RiseKind Kind, string Path) ClassifyRise(ILearningRateSchedule schedule, long step) => ClassifyRise(schedule, step, "$");

    /// <summary>Whether the schedule is or holds a <c>plateau</c>, whose reductions depend on metrics rather than the step.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>True when a plateau is inside.</returns>
    public static bool ContainsPlateau(ILearningRateSchedule schedule) => schedule switch
    {
        PlateauSchedule => true,
        WarmupSchedule s => ContainsPlateau(s.Schedule),
        SequenceSchedule s => s.Schedules.Any(ContainsPlateau),
        ChainSchedule s => s.Schedules.Any(ContainsPlateau),
        ScaleSchedule s => ContainsPlateau(s.Schedule),
        ClampSchedule s => ContainsPlateau(s.Schedule),
        PerEpochSchedule s => ContainsPlateau(s.Schedule),
        CooldownSchedule s => ContainsPlateau(s.Schedule),
        _ => false,
    };

    private static (RiseKind Kind, string Path) ClassifyRise(ILearningRateSchedule schedule, long step, string path)
    {
        switch (schedule)
        {
            case WarmupSchedule s:
                // The ramp and its hand-over to the schedule's first rate (continuous by construction).
                return step <= s.WarmupSteps
                    ? (RiseKind.Ramp, path)
                    : ClassifyRise(s.Schedule, s.Prefix ? step - s.WarmupSteps : step, path + ".schedule");

            case SequenceSchedule s:
            {
                int i = 0;
                while (i < s.Boundaries.Count && s.Boundaries[i] <= step)
                {
                    i++;
                }

                long start = i == 0 ? 0 : s.Boundaries[i - 1];
                string child = $"{path}.schedules[{i}]";
                return i > 0 && step == start ? (RiseKind.Junction, child) : ClassifyRise(s.Schedules[i], step - start, child);
            }

            case ChainSchedule s:
            {
                // The product rises through the factors that rise; a junction in any of them is reported.
                (RiseKind Kind, string Path)? found = null;
                for (int i = 0; i < s.Schedules.Count; i++)
                {
                    ILearningRateSchedule factor = s.Schedules[i];
                    if (factor.GetLearningRate(step) > factor.GetLearningRate(step - 1))
                    {
                        (RiseKind Kind, string Path) rise = ClassifyRise(factor, step, $"{path}.schedules[{i}]");
                        if (rise.Kind == RiseKind.Junction)
                        {
                            return rise;
                        }

                        found ??= rise;
                    }
                }

                return found ?? (RiseKind.Ramp, path);
            }

            case ScaleSchedule s:
                return ClassifyRise(s.Schedule, step, path + ".schedule");
            case ClampSchedule s:
                return ClassifyRise(s.Schedule, step, path + ".schedule");
            case CooldownSchedule s:
                // The cool-down only lowers; a rise comes from the schedule under it.
                return ClassifyRise(s.Schedule, step, path + ".schedule");
            case PerEpochSchedule s:
                // The rate changes only where an epoch starts: the rise is the inner schedule's from epoch e - 1 to e.
                return step % s.StepsPerEpoch == 0 ? ClassifyRise(s.Schedule, step / s.StepsPerEpoch, path + ".schedule") : (RiseKind.Ramp, path);

            case WarmupStableDecaySchedule s:
                return (step <= s.WarmupSteps ? RiseKind.Ramp : RiseKind.Cycle, path);
            case InverseSqrtSchedule s:
                return (step <= s.WarmupSteps ? RiseKind.Ramp : RiseKind.Cycle, path);
            case PolynomialSchedule s:
                return (s.Cycle ? RiseKind.Cycle : RiseKind.Ramp, path);
            case LinearSchedule or PiecewiseLinearSchedule or PiecewiseConstantSchedule or RexSchedule or CosineSchedule or TanhSchedule:
                return (RiseKind.Ramp, path);
            default:
                // cosineRestarts, cyclic, cyclicMomentum, oneCycle, oneCycleMomentum, rangeTest: rises by design; any other type is not judged.
                return (RiseKind.Cycle, path);
        }
    }

    private static long? Add(long? a, long? b) =>
        a is null || b is null ? null : (a.Value > long.MaxValue - b.Value ? null : a.Value + b.Value);

    private static long? Max(long? a, long? b) => a is null || b is null ? null : Math.Max(a.Value, b.Value);

    private static long? Multiply(long? a, long b) =>
        a is null ? null : (a.Value > long.MaxValue / b ? null : a.Value * b);
}
