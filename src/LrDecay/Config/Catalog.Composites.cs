using LrDecay.Analysis;
using LrDecay.Internal;

namespace LrDecay.Config;

/// <summary>The composites' entries and the plateau's.</summary>
internal static partial class Catalog
{
    private static IEnumerable<CatalogEntry> Composites() => [Warmup(), Sequence(), Chain(), Scale(), Clamp(), PerEpoch(), Cooldown()];

    private static CatalogEntry Warmup()
    {
        var b = new CatalogBuilder<WarmupSchedule>(
            "warmup",
            ScheduleKind.Composite,
            "lr(t) = startLr + (inner(0) - startLr) * g(t/warmupSteps) while t < warmupSteps (g the shape: p, (1 - cos(pi p))/2 or "
                + "1 - sqrt(1 - p)), then inner(t - warmupSteps), or inner(t) without prefix   (timm warmup_prefix=False)");
        var warmupSteps = b.Steps("warmupSteps", s => s.WarmupSteps);
        var startLr = b.Double("startLr", 0.0, s => s.StartLr);
        var shape = b.Choice("shape", RampShapeNames.Json, RampShape.Linear, s => s.Shape);
        var prefix = b.Bool("prefix", true, s => s.Prefix);
        var schedule = b.Schedule("schedule", s => s.Schedule);
        b.HoldsFrom(s => s.Prefix
            ? ScheduleStructure.Add(s.WarmupSteps, ScheduleStructure.HoldsFrom(s.Schedule))
            : ScheduleStructure.Max(s.WarmupSteps, ScheduleStructure.HoldsFrom(s.Schedule)));
        // The ramp and its hand-over to the schedule's first rate (continuous by construction).
        b.Rises((s, t) => t <= s.WarmupSteps ? Rise.Ramp : Rise.In(0, s.Prefix ? t - s.WarmupSteps : t));
        b.DependsOnMetric(false);
        return b.Build(
            c => new WarmupSchedule(schedule.Read(c), warmupSteps.Read(c), startLr.Read(c), shape.Read(c), prefix.Read(c)),
            s => Math.Max(s.StartLr, Bounds.Max(s.Schedule)));
    }

    private static CatalogEntry Sequence()
    {
        var b = new CatalogBuilder<SequenceSchedule>(
            "sequence",
            ScheduleKind.Composite,
            "lr(t) = schedules[i](t - boundaries[i-1]) on [boundaries[i-1], boundaries[i])   (optax join_schedules, PyTorch SequentialLR)");
        var schedules = b.ScheduleArray("schedules", s => s.Schedules, "n >= 1 schedules");
        var boundaries = b.StepsArray("boundaries", s => s.Boundaries, "n-1 strictly increasing integers > 0");
        b.HoldsFrom(s => s.Boundaries.Count == 0
            ? ScheduleStructure.HoldsFrom(s.Schedules[0])
            : ScheduleStructure.Add(s.Boundaries[s.Boundaries.Count - 1], ScheduleStructure.HoldsFrom(s.Schedules[s.Schedules.Count - 1])));
        b.Rises(SequenceRise);
        b.DependsOnMetric(false);
        return b.Build(
            c =>
            {
                ILearningRateSchedule[] children = schedules.Read(c);
                return new SequenceSchedule(children, children.Length > 1 || boundaries.IsIn(c) ? boundaries.Read(c) : []);
            },
            s => MaxOf(s.Schedules));
    }

    private static CatalogEntry Chain()
    {
        var b = new CatalogBuilder<ChainSchedule>(
            "chain", ScheduleKind.Composite, "lr(t) = s0(t) * product over i >= 1 of s_i(t)/s_i(0)   (PyTorch ChainedScheduler)");
        var schedules = b.ScheduleArray("schedules", s => s.Schedules, "n >= 1 schedules; each factor's lr at step 0 > 0");
        b.HoldsFrom(s => s.Schedules.Aggregate((long?)0, (h, child) => ScheduleStructure.Max(h, ScheduleStructure.HoldsFrom(child))));
        // The product rises through the factors that rise.
        b.Rises(Rise.RisingChildren);
        b.DependsOnMetric(false);
        return b.Build(c => new ChainSchedule(schedules.Read(c)), s => s.Reach);
    }

    private static CatalogEntry Scale()
    {
        var b = new CatalogBuilder<ScaleSchedule>("scale", ScheduleKind.Composite, "lr(t) = factor * inner(t)");
        var factor = b.Double("factor", s => s.Factor, "> 0");
        var schedule = b.Schedule("schedule", s => s.Schedule);
        b.HoldsFrom(s => ScheduleStructure.HoldsFrom(s.Schedule));
        b.Rises((_, t) => Rise.In(0, t));
        b.DependsOnMetric(false);
        return b.Build(c => new ScaleSchedule(schedule.Read(c), factor.Read(c)), s => s.Reach);
    }

    private static CatalogEntry Clamp()
    {
        var b = new CatalogBuilder<ClampSchedule>("clamp", ScheduleKind.Composite, "lr(t) = min(max(inner(t), minLr), maxLr)");
        var minLr = b.Double("minLr", 0.0, s => s.MinLr);
        var maxLr = b.Double(
            "maxLr", double.PositiveInfinity, s => s.MaxLr, ">= minLr", defaultText: "+infinity", writeIf: s => !double.IsPositiveInfinity(s.MaxLr));
        var schedule = b.Schedule("schedule", s => s.Schedule);
        b.HoldsFrom(s => ScheduleStructure.HoldsFrom(s.Schedule));
        b.Rises((_, t) => Rise.In(0, t));
        b.DependsOnMetric(false);
        return b.Build(c => new ClampSchedule(schedule.Read(c), minLr.Read(c), maxLr.Read(c)), s => Bounds.Clamp(Bounds.Max(s.Schedule), s.MinLr, s.MaxLr));
    }

    private static CatalogEntry PerEpoch()
    {
        var b = new CatalogBuilder<PerEpochSchedule>(
            "perEpoch",
            ScheduleKind.Composite,
            "lr(t) = inner(floor(t/stepsPerEpoch)): drives a schedule written in epochs once per optimizer step");
        var stepsPerEpoch = b.Steps("stepsPerEpoch", s => s.StepsPerEpoch);
        var schedule = b.Schedule("schedule", s => s.Schedule, "a schedule in epochs");
        b.HoldsFrom(s => ScheduleStructure.Multiply(ScheduleStructure.HoldsFrom(s.Schedule), s.StepsPerEpoch));
        // The rate changes only where an epoch starts: the rise is the inner schedule's from epoch e - 1 to e.
        b.Rises((s, t) => t % s.StepsPerEpoch == 0 ? Rise.In(0, t / s.StepsPerEpoch) : Rise.Ramp);
        b.DependsOnMetric(false);
        return b.Build(c => new PerEpochSchedule(schedule.Read(c), stepsPerEpoch.Read(c)), s => Bounds.Max(s.Schedule));
    }

    private static CatalogEntry Cooldown()
    {
        var b = new CatalogBuilder<CooldownSchedule>(
            "cooldown",
            ScheduleKind.Composite,
            "lr(t) = inner(t) while t < startStep, then endLr + (max(inner(t), endLr) - endLr) * d(f), f = min((t - startStep)/decaySteps, 1), "
                + "d the shape: 1 - sqrt(f), 1 - f, (1 + cos(pi f))/2, 1 - f^power, (ratio^f - ratio)/(1 - ratio)   (timm WSDLRScheduler decay)");
        var startStep = b.Steps("startStep", s => s.StartStep, "integer >= 0");
        var decaySteps = b.Steps("decaySteps", s => s.DecaySteps);
        var shape = b.Choice("shape", CooldownShapeNames.Json, CooldownShape.OneMinusSqrt, s => s.Shape);
        var power = b.Double("power", 0.5, s => s.Power ?? 0.5, "> 0; shape \"power\" only", writeIf: s => s.Power is not null);
        var ratio = b.Double("ratio", 0.1, s => s.Ratio ?? 0.1, "in (0, 1); shape \"exp\" only", writeIf: s => s.Ratio is not null);
        var endLr = b.Double("endLr", 0.0, s => s.EndLr);
        var schedule = b.Schedule("schedule", s => s.Schedule);
        b.HoldsFrom(s => ScheduleStructure.Add(s.StartStep, s.DecaySteps));
        // The cool-down only lowers; a rise comes from the schedule under it.
        b.Rises((_, t) => Rise.In(0, t));
        b.DependsOnMetric(false);
        return b.Build(
            c => new CooldownSchedule(
                schedule.Read(c),
                startStep.Read(c),
                decaySteps.Read(c),
                shape.Read(c),
                power.IsIn(c) ? power.Read(c) : null,
                ratio.IsIn(c) ? ratio.Read(c) : null,
                endLr.Read(c)),
            s => Math.Max(Bounds.Max(s.Schedule), s.EndLr));
    }

    private static CatalogEntry Plateau()
    {
        var b = new CatalogBuilder<PlateauSchedule>(
            "plateau",
            ScheduleKind.MetricDriven,
            "reduce on plateau: lr = max(base(t) * factor^k, minLr), k = reductions so far; a reduction comes after more than "
                + "patience epochs without improvement (PyTorch ReduceLROnPlateau; Keras with compat \"keras\"); feed metrics with eval --metrics");
        var initialLr = b.Double(
            "initialLr", double.NaN, s => s.InitialLr, "a constant base; give initialLr or schedule", defaultText: "either", writeIf: s => s.Schedule is null);
        var schedule = b.Schedule("schedule", s => s.Schedule, "any base schedule; give initialLr or schedule", defaultText: "either");
        var mode = b.Choice("mode", PlateauModeNames.Json, PlateauMode.Minimize, s => s.Mode);
        var factor = b.Double("factor", 0.1, s => s.Factor, "in (0, 1)");
        var patience = b.Count("patience", 10, "epochs", s => s.Patience, "integer >= 0");
        var threshold = b.Double("threshold", 1e-4, s => s.Threshold, ">= 0");
        var thresholdMode = b.OptionalChoice(
            "thresholdMode", PlateauThresholdModeNames.Json, "\"rel\" (pytorch), \"abs\" (keras)", s => s.ThresholdMode);
        var cooldown = b.Count("cooldown", 0, "epochs", s => s.Cooldown, "integer >= 0");
        var minLr = b.Double("minLr", 0.0, s => s.MinLr, ">= 0");
        var eps = b.Double("eps", 1e-8, s => s.Eps, ">= 0; pytorch only");
        var compat = b.Choice("compat", PlateauCompatNames.Json, PlateauCompat.PyTorch, s => s.Compat);
        var startEpoch = b.Count(
            "startEpoch", 0, "epochs", s => s.StartEpoch, "integer >= 0; the metrics before it are not observed (timm's warm-up)", writeIf: s => s.StartEpoch != 0);
        b.HoldsFrom(_ => null);
        b.Rises(Rise.Cycle);
        b.DependsOnMetric(true);
        return b.Build(
            c =>
            {
                bool hasLr = initialLr.IsIn(c);
                if (hasLr == schedule.IsIn(c))
                {
                    throw new ScheduleConfigException(
                        c.Path,
                        hasLr
                            ? "plateau takes either 'initialLr' or 'schedule', not both."
                            : "missing required property 'initialLr' (a constant base) or 'schedule' (any base).");
                }

                var options = new PlateauOptions(
                    mode.Read(c), factor.Read(c), patience.Read(c), threshold.Read(c), thresholdMode.Read(c), cooldown.Read(c), minLr.Read(c),
                    eps.Read(c), compat.Read(c), startEpoch.Read(c));
                return hasLr ? new PlateauSchedule(initialLr.Read(c), options) : new PlateauSchedule(schedule.Read(c), options);
            },
            s => Math.Max(s.Schedule is null ? s.InitialLr : Bounds.Max(s.Schedule), s.MinLr));
    }

    /// <summary>A rise inside schedule i of a sequence, or the hand-over to it where it starts.</summary>
    private static Rise SequenceRise(SequenceSchedule s, long step)
    {
        int i = 0;
        while (i < s.Boundaries.Count && s.Boundaries[i] <= step)
        {
            i++;
        }

        long start = i == 0 ? 0 : s.Boundaries[i - 1];
        return i > 0 && step == start ? Rise.Junction(i) : Rise.In(i, step - start);
    }

    private static double MaxOf(IReadOnlyList<ILearningRateSchedule> schedules)
    {
        double max = 0.0;
        for (int i = 0; i < schedules.Count; i++)
        {
            max = Math.Max(max, Bounds.Max(schedules[i]));
        }

        return max;
    }
}
