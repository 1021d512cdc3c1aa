using LrDecay.Analysis;

namespace LrDecay.Config;

/// <summary>The closed forms' entries.</summary>
internal static partial class Catalog
{
    private const string Rate = ">= 0";

    private static IEnumerable<CatalogEntry> ClosedForms() =>
    [
        Constant(), Step(), MultiStep(), PiecewiseConstant(), Exponential(), InverseTime(), Polynomial(), Cosine(), CosineRestarts(), Linear(),
        OneCycle(), Cyclic(), InverseSqrt(), WarmupStableDecay(),
        PiecewiseLinear(), Rex(), RangeTest(), OneCycleMomentum(), CyclicMomentum(), Tanh(),
    ];

    private static CatalogEntry Constant()
    {
        var b = new CatalogBuilder<ConstantSchedule>("constant", ScheduleKind.ClosedForm, "lr(t) = lr");
        var lr = b.Double("lr", s => s.Lr, "finite, >= 0");
        b.HoldsFrom(_ => 0);
        b.Rises(Rise.Never);
        b.DependsOnMetric(false);
        return b.Build(c => new ConstantSchedule(lr.Read(c)), s => s.Lr);
    }

    private static CatalogEntry Step()
    {
        var b = new CatalogBuilder<StepSchedule>(
            "step", ScheduleKind.ClosedForm, "lr(t) = initialLr * gamma^floor(t/stepSize)   (PyTorch StepLR)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var stepSize = b.Steps("stepSize", s => s.StepSize);
        var gamma = b.Double("gamma", s => s.Gamma, "in (0, 1]");
        b.HoldsFrom(s => s.Gamma == 1.0 || s.InitialLr == 0.0 ? 0 : null);
        b.Rises(Rise.Never);
        b.DependsOnMetric(false);
        return b.Build(c => new StepSchedule(initialLr.Read(c), stepSize.Read(c), gamma.Read(c)), s => s.InitialLr);
    }

    private static CatalogEntry MultiStep()
    {
        var b = new CatalogBuilder<MultiStepSchedule>(
            "multiStep", ScheduleKind.ClosedForm, "lr(t) = initialLr * gamma^k, k = number of milestones <= t   (PyTorch MultiStepLR)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var milestones = b.StepsArray("milestones", s => s.Milestones, "strictly increasing integers > 0");
        var gamma = b.Double("gamma", s => s.Gamma, "in (0, 1]");
        b.HoldsFrom(s => s.Milestones.Count == 0 ? 0 : s.Milestones[s.Milestones.Count - 1]);
        b.Rises(Rise.Never);
        b.DependsOnMetric(false);
        return b.Build(c => new MultiStepSchedule(initialLr.Read(c), milestones.Read(c), gamma.Read(c)), s => s.InitialLr);
    }

    private static CatalogEntry PiecewiseConstant()
    {
        var b = new CatalogBuilder<PiecewiseConstantSchedule>(
            "piecewiseConstant",
            ScheduleKind.ClosedForm,
            "lr(t) = values[i] for the first i with t <= boundaries[i], else the last value   (Keras PiecewiseConstantDecay)");
        var boundaries = b.StepsArray("boundaries", s => s.Boundaries, "strictly increasing integers >= 0");
        var values = b.DoubleArray("values", s => s.Values, "one more than boundaries, each >= 0");
        b.HoldsFrom(s => s.Boundaries.Count == 0 ? 0 : ScheduleStructure.Add(s.Boundaries[s.Boundaries.Count - 1], 1));
        b.Rises(Rise.Ramp);
        b.DependsOnMetric(false);
        return b.Build(c => new PiecewiseConstantSchedule(boundaries.Read(c), values.Read(c)), s => MaxOf(s.Values));
    }

    private static CatalogEntry Exponential()
    {
        var b = new CatalogBuilder<ExponentialSchedule>(
            "exponential",
            ScheduleKind.ClosedForm,
            "lr(t) = initialLr * decayRate^p, p = t/decaySteps, floored when staircase   (Keras ExponentialDecay)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var decayRate = b.Double("decayRate", s => s.DecayRate, "in (0, 1]");
        var decaySteps = b.Steps("decaySteps", 1, s => s.DecaySteps);
        var staircase = b.Bool("staircase", false, s => s.Staircase);
        var precision = b.Choice("precision", PrecisionNames.Json, Precision.Float64, s => s.Precision);
        b.HoldsFrom(_ => null);
        b.Rises(Rise.Never);
        b.DependsOnMetric(false);
        return b.Build(
            c => new ExponentialSchedule(initialLr.Read(c), decayRate.Read(c), decaySteps.Read(c), staircase.Read(c), precision.Read(c)),
            s => s.InitialLr);
    }

    private static CatalogEntry InverseTime()
    {
        var b = new CatalogBuilder<InverseTimeSchedule>(
            "inverseTime",
            ScheduleKind.ClosedForm,
            "lr(t) = initialLr / (1 + decayRate * p), p = t/decaySteps, floored when staircase   (Keras InverseTimeDecay)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var decayRate = b.Double("decayRate", s => s.DecayRate, ">= 0");
        var decaySteps = b.Steps("decaySteps", 1, s => s.DecaySteps);
        var staircase = b.Bool("staircase", false, s => s.Staircase);
        var precision = b.Choice("precision", PrecisionNames.Json, Precision.Float64, s => s.Precision);
        b.HoldsFrom(_ => null);
        b.Rises(Rise.Never);
        b.DependsOnMetric(false);
        return b.Build(
            c => new InverseTimeSchedule(initialLr.Read(c), decayRate.Read(c), decaySteps.Read(c), staircase.Read(c), precision.Read(c)),
            s => s.InitialLr);
    }

    private static CatalogEntry Polynomial()
    {
        var b = new CatalogBuilder<PolynomialSchedule>(
            "polynomial",
            ScheduleKind.ClosedForm,
            "lr(t) = (initialLr - endLr) * (1 - s/D)^power + endLr; s = min(t, decaySteps), D = decaySteps; "
                + "with cycle s = t, D = decaySteps * max(1, ceil(t/decaySteps))   (Keras PolynomialDecay)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var decaySteps = b.Steps("decaySteps", s => s.DecaySteps);
        var endLr = b.Double("endLr", 0.0, s => s.EndLr, Rate);
        var power = b.Double("power", 1.0, s => s.Power, "> 0");
        var cycle = b.Bool("cycle", false, s => s.Cycle);
        var precision = b.Choice("precision", PrecisionNames.Json, Precision.Float64, s => s.Precision);
        b.HoldsFrom(s => s.Cycle ? null : s.DecaySteps);
        b.Rises((s, _) => s.Cycle ? Rise.Cycle : Rise.Ramp);
        b.DependsOnMetric(false);
        return b.Build(
            c => new PolynomialSchedule(initialLr.Read(c), decaySteps.Read(c), endLr.Read(c), power.Read(c), cycle.Read(c), precision.Read(c)),
            s => Math.Max(s.InitialLr, s.EndLr));
    }

    private static CatalogEntry Cosine()
    {
        var b = new CatalogBuilder<CosineSchedule>(
            "cosine",
            ScheduleKind.ClosedForm,
            "lr(t) = minLr + (initialLr - minLr) * (1 + cos(pi * f^kDecay))/2, f = min(t, decaySteps)/decaySteps   "
                + "(Keras CosineDecay; timm CosineLRScheduler k_decay)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var decaySteps = b.Steps("decaySteps", s => s.DecaySteps);
        var minLr = b.Double("minLr", 0.0, s => s.MinLr, Rate);
        var kDecay = b.Double("kDecay", 1.0, s => s.KDecay, "> 0");
        var precision = b.Choice("precision", PrecisionNames.Json, Precision.Float64, s => s.Precision);
        b.HoldsFrom(s => s.DecaySteps);
        b.Rises(Rise.Ramp);
        b.DependsOnMetric(false);
        return b.Build(
            c => new CosineSchedule(initialLr.Read(c), decaySteps.Read(c), minLr.Read(c), kDecay.Read(c), precision.Read(c)), s => Math.Max(s.InitialLr, s.MinLr));
    }

    private static CatalogEntry CosineRestarts()
    {
        var b = new CatalogBuilder<CosineRestartsSchedule>(
            "cosineRestarts",
            ScheduleKind.ClosedForm,
            "SGDR: period i lasts firstDecaySteps * tMul^i steps; its cosine (1 + cos(pi * f^kDecay))/2 runs from "
                + "minLr + (initialLr - minLr) * mMul^i (mMulMode \"range\") or initialLr * mMul^i (\"peak\") down to minLr; "
                + "periods i >= cycleLimit > 0 hold minLr   (Keras CosineDecayRestarts; timm CosineLRScheduler)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var firstDecaySteps = b.Steps("firstDecaySteps", s => s.FirstDecaySteps);
        var tMul = b.Double("tMul", 2.0, s => s.TMul, ">= 1");
        var mMul = b.Double("mMul", 1.0, s => s.MMul, "in (0, 1]");
        var minLr = b.Double("minLr", 0.0, s => s.MinLr, Rate);
        var kDecay = b.Double("kDecay", 1.0, s => s.KDecay, "> 0");
        var cycleLimit = b.Count("cycleLimit", 0, "periods", s => s.CycleLimit, "0 (no limit) or integer >= 1");
        var mMulMode = b.Choice("mMulMode", MMulModeNames.Json, MMulMode.Range, s => s.MMulMode);
        var precision = b.Choice("precision", PrecisionNames.Json, Precision.Float64, s => s.Precision);
        b.HoldsFrom(s => s.HoldsMinLrFrom());
        b.Rises(Rise.Cycle);
        b.DependsOnMetric(false);
        return b.Build(
            c => new CosineRestartsSchedule(
                initialLr.Read(c), firstDecaySteps.Read(c), tMul.Read(c), mMul.Read(c), minLr.Read(c), kDecay.Read(c), cycleLimit.Read(c), mMulMode.Read(c),
                precision.Read(c)),
            s => Math.Max(s.InitialLr, s.MinLr));
    }

    private static CatalogEntry Linear()
    {
        var b = new CatalogBuilder<LinearSchedule>(
            "linear",
            ScheduleKind.ClosedForm,
            "lr(t) = startLr + (endLr - startLr) * min(t, totalSteps)/totalSteps   (PyTorch LinearLR, optax linear_schedule)");
        var startLr = b.Double("startLr", s => s.StartLr, Rate);
        var endLr = b.Double("endLr", s => s.EndLr, Rate);
        var totalSteps = b.Steps("totalSteps", s => s.TotalSteps);
        b.HoldsFrom(s => s.TotalSteps);
        b.Rises(Rise.Ramp);
        b.DependsOnMetric(false);
        return b.Build(c => new LinearSchedule(startLr.Read(c), endLr.Read(c), totalSteps.Read(c)), s => Math.Max(s.StartLr, s.EndLr));
    }

    private static CatalogEntry OneCycle()
    {
        var b = new CatalogBuilder<OneCycleSchedule>(
            "oneCycle",
            ScheduleKind.ClosedForm,
            "PyTorch OneCycleLR: up from maxLr/divFactor to maxLr over pctStart of totalSteps, then down to "
                + "maxLr/(divFactor*finalDivFactor); from totalSteps on, the final lr holds");
        var maxLr = b.Double("maxLr", s => s.MaxLr, Rate);
        var totalSteps = b.Steps("totalSteps", s => s.TotalSteps);
        var pctStart = b.Double("pctStart", 0.3, s => s.PctStart, "in (0, 1)");
        var annealStrategy = b.Choice("annealStrategy", AnnealStrategyNames.Json, AnnealStrategy.Cosine, s => s.AnnealStrategy);
        var divFactor = b.Double("divFactor", 25.0, s => s.DivFactor, "> 0");
        var finalDivFactor = b.Double("finalDivFactor", 1e4, s => s.FinalDivFactor, "> 0");
        var threePhase = b.Bool("threePhase", false, s => s.ThreePhase);
        b.HoldsFrom(s => s.TotalSteps);
        b.Rises(Rise.Cycle);
        b.DependsOnMetric(false);
        return b.Build(
            c => new OneCycleSchedule(
                maxLr.Read(c), totalSteps.Read(c), pctStart.Read(c), annealStrategy.Read(c), divFactor.Read(c), finalDivFactor.Read(c), threePhase.Read(c)),
            s => Math.Max(s.MaxLr, Math.Max(s.InitialLr, s.FinalLr)));
    }

    private static CatalogEntry Cyclic()
    {
        var b = new CatalogBuilder<CyclicSchedule>(
            "cyclic",
            ScheduleKind.ClosedForm,
            "PyTorch CyclicLR: triangle between baseLr and maxLr, stepSizeUp steps up and stepSizeDown down; triangular2 halves "
                + "the amplitude each cycle, expRange scales it by gamma^t");
        var baseLr = b.Double("baseLr", s => s.BaseLr, Rate);
        var maxLr = b.Double("maxLr", s => s.MaxLr, Rate);
        var stepSizeUp = b.Steps("stepSizeUp", 2000, s => s.StepSizeUp);
        var stepSizeDown = b.OptionalSteps("stepSizeDown", "stepSizeUp", s => s.StepSizeDown);
        var mode = b.Choice("mode", CyclicModeNames.Json, CyclicMode.Triangular, s => s.Mode);
        var gamma = b.Double("gamma", 1.0, s => s.Gamma);
        b.HoldsFrom(_ => null);
        b.Rises(Rise.Cycle);
        b.DependsOnMetric(false);
        return b.Build(
            c => new CyclicSchedule(baseLr.Read(c), maxLr.Read(c), stepSizeUp.Read(c), stepSizeDown.Read(c), mode.Read(c), gamma.Read(c)),
            s => Math.Max(s.BaseLr, s.MaxLr));
    }

    private static CatalogEntry InverseSqrt()
    {
        var b = new CatalogBuilder<InverseSqrtSchedule>(
            "inverseSqrt",
            ScheduleKind.ClosedForm,
            "lr(t) = initialLr * t/max(1, warmupSteps) while t < warmupSteps, then initialLr * ((t + timescale - warmupSteps)/timescale)^(-power)"
                + "   (Hugging Face inverse_sqrt; timm WSD stable \"power\")");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var warmupSteps = b.Steps("warmupSteps", 0, s => s.WarmupSteps, "integer >= 0");
        var timescale = b.OptionalSteps("timescale", "warmupSteps, or 10000 when that is 0", s => s.Timescale);
        var power = b.Double("power", 0.5, s => s.Power, "> 0");
        b.HoldsFrom(_ => null);
        b.Rises((s, t) => t <= s.WarmupSteps ? Rise.Ramp : Rise.Cycle);
        b.DependsOnMetric(false);
        return b.Build(c => new InverseSqrtSchedule(initialLr.Read(c), warmupSteps.Read(c), timescale.Read(c), power.Read(c)), s => s.InitialLr);
    }

    private static CatalogEntry WarmupStableDecay()
    {
        var b = new CatalogBuilder<WarmupStableDecaySchedule>(
            "warmupStableDecay",
            ScheduleKind.ClosedForm,
            "warm up from initialLr*minLrRatio to initialLr, hold initialLr for stableSteps, decay to initialLr*minLrRatio, "
                + "then hold   (Hugging Face get_wsd_schedule)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var warmupSteps = b.Steps("warmupSteps", s => s.WarmupSteps, "integer >= 0");
        var stableSteps = b.Steps("stableSteps", s => s.StableSteps, "integer >= 0");
        var decaySteps = b.Steps("decaySteps", s => s.DecaySteps);
        var minLrRatio = b.Double("minLrRatio", 0.0, s => s.MinLrRatio, "in [0, 1]");
        var warmupShape = b.Choice("warmupShape", RampShapeNames.Json, RampShape.Linear, s => s.WarmupShape);
        var decayShape = b.Choice("decayShape", RampShapeNames.Json, RampShape.Cosine, s => s.DecayShape);
        b.HoldsFrom(s => ScheduleStructure.Add(ScheduleStructure.Add(s.WarmupSteps, s.StableSteps), s.DecaySteps));
        b.Rises((s, t) => t <= s.WarmupSteps ? Rise.Ramp : Rise.Cycle);
        b.DependsOnMetric(false);
        return b.Build(
            c => new WarmupStableDecaySchedule(
                initialLr.Read(c), warmupSteps.Read(c), stableSteps.Read(c), decaySteps.Read(c), minLrRatio.Read(c), warmupShape.Read(c), decayShape.Read(c)),
            s => s.InitialLr);
    }

    private static CatalogEntry PiecewiseLinear()
    {
        var b = new CatalogBuilder<PiecewiseLinearSchedule>(
            "piecewiseLinear",
            ScheduleKind.ClosedForm,
            "lr(t) = values[0] for t < steps[0]; on [steps[i], steps[i+1]), f = (t - steps[i])/(steps[i+1] - steps[i]): linear "
                + "values[i] + (values[i+1] - values[i]) * f, cosine values[i+1] + (values[i] - values[i+1]) * (1 + cos(pi f))/2; "
                + "values[n-1] from steps[n-1] on   (optax piecewise_interpolate_schedule, ignite PiecewiseLinear)");
        var steps = b.StepsArray("steps", s => s.Steps, "at least one, strictly increasing integers >= 0");
        var values = b.DoubleArray("values", s => s.Values, "one per step, each >= 0");
        var interpolation = b.Choice("interpolation", PiecewiseInterpolationNames.Json, PiecewiseInterpolation.Linear, s => s.Interpolation);
        b.HoldsFrom(s => s.Steps[s.Steps.Count - 1]);
        b.Rises(Rise.Ramp);
        b.DependsOnMetric(false);
        return b.Build(c => new PiecewiseLinearSchedule(steps.Read(c), values.Read(c), interpolation.Read(c)), s => MaxOf(s.Values));
    }

    private static CatalogEntry Rex()
    {
        var b = new CatalogBuilder<RexSchedule>(
            "rex",
            ScheduleKind.ClosedForm,
            "lr(t) = minLr + (initialLr - minLr) * (1 - p)/(1 - p/2), p = min(t, totalSteps)/totalSteps   (pytorch_optimizer REXScheduler)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var totalSteps = b.Steps("totalSteps", s => s.TotalSteps);
        var minLr = b.Double("minLr", 0.0, s => s.MinLr, ">= 0, <= initialLr");
        b.HoldsFrom(s => s.TotalSteps);
        b.Rises(Rise.Ramp);
        b.DependsOnMetric(false);
        return b.Build(c => new RexSchedule(initialLr.Read(c), totalSteps.Read(c), minLr.Read(c)), s => s.InitialLr);
    }

    private static CatalogEntry RangeTest()
    {
        var b = new CatalogBuilder<RangeTestSchedule>(
            "rangeTest",
            ScheduleKind.ClosedForm,
            "lr(t) = startLr * (endLr/startLr)^r (exponential) or startLr + (endLr - startLr) * r (linear), r = min(t, steps)/steps"
                + "   (PyTorch Lightning lr_find sweep)");
        var startLr = b.Double("startLr", s => s.StartLr, "finite, > 0");
        var endLr = b.Double("endLr", s => s.EndLr, "finite, > startLr");
        var steps = b.Steps("steps", s => s.Steps);
        var mode = b.Choice("mode", RangeTestModeNames.Json, RangeTestMode.Exponential, s => s.Mode);
        b.HoldsFrom(s => s.Steps);
        b.Rises(Rise.Cycle);
        b.DependsOnMetric(false);
        return b.Build(c => new RangeTestSchedule(startLr.Read(c), endLr.Read(c), steps.Read(c), mode.Read(c)), s => s.EndLr);
    }

    private static CatalogEntry OneCycleMomentum()
    {
        var b = new CatalogBuilder<OneCycleMomentumSchedule>(
            "oneCycleMomentum",
            ScheduleKind.ClosedForm,
            "PyTorch OneCycleLR's momentum (cycle_momentum=True): down from maxMomentum to baseMomentum while oneCycle's lr rises, "
                + "back up to maxMomentum while it falls (threePhase: holds maxMomentum in the third phase); from totalSteps - 1 on, it holds");
        var totalSteps = b.Steps("totalSteps", s => s.TotalSteps);
        var pctStart = b.Double("pctStart", 0.3, s => s.PctStart, "in (0, 1)");
        var annealStrategy = b.Choice("annealStrategy", AnnealStrategyNames.Json, AnnealStrategy.Cosine, s => s.AnnealStrategy);
        var threePhase = b.Bool("threePhase", false, s => s.ThreePhase);
        var baseMomentum = b.Double("baseMomentum", 0.85, s => s.BaseMomentum, "finite, >= 0");
        var maxMomentum = b.Double("maxMomentum", 0.95, s => s.MaxMomentum, "finite, >= baseMomentum");
        b.HoldsFrom(s => s.TotalSteps);
        b.Rises(Rise.Cycle);
        b.DependsOnMetric(false);
        return b.Build(
            c => new OneCycleMomentumSchedule(
                totalSteps.Read(c), pctStart.Read(c), annealStrategy.Read(c), threePhase.Read(c), baseMomentum.Read(c), maxMomentum.Read(c)),
            s => s.MaxMomentum);
    }

    private static CatalogEntry CyclicMomentum()
    {
        var b = new CatalogBuilder<CyclicMomentumSchedule>(
            "cyclicMomentum",
            ScheduleKind.ClosedForm,
            "PyTorch CyclicLR's momentum (cycle_momentum=True): m(t) = maxMomentum - (maxMomentum - baseMomentum) * h * scale, "
                + "h and scale as in cyclic");
        var baseMomentum = b.Double("baseMomentum", 0.8, s => s.BaseMomentum, "finite, >= 0");
        var maxMomentum = b.Double("maxMomentum", 0.9, s => s.MaxMomentum, "finite, >= baseMomentum");
        var stepSizeUp = b.Steps("stepSizeUp", 2000, s => s.StepSizeUp);
        var stepSizeDown = b.OptionalSteps("stepSizeDown", "stepSizeUp", s => s.StepSizeDown);
        var mode = b.Choice("mode", CyclicModeNames.Json, CyclicMode.Triangular, s => s.Mode);
        var gamma = b.Double("gamma", 1.0, s => s.Gamma);
        b.HoldsFrom(_ => null);
        b.Rises(Rise.Cycle);
        b.DependsOnMetric(false);
        return b.Build(
            c => new CyclicMomentumSchedule(
                baseMomentum.Read(c), maxMomentum.Read(c), stepSizeUp.Read(c), stepSizeDown.Read(c), mode.Read(c), gamma.Read(c)),
            s => s.MaxMomentum);
    }

    private static CatalogEntry Tanh()
    {
        var b = new CatalogBuilder<TanhSchedule>(
            "tanh",
            ScheduleKind.ClosedForm,
            "lr(t) = minLr + (initialLr - minLr) * (1 - tanh(lb * (1 - r) + ub * r))/2, r = t/decaySteps, for t < decaySteps, then minLr; "
                + "t < warmupSteps ramps from warmupStartLr to the tanh's own rate at warmupSteps   (timm TanhLRScheduler)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var decaySteps = b.Steps("decaySteps", s => s.DecaySteps);
        var minLr = b.Double("minLr", 0.0, s => s.MinLr, Rate);
        var lb = b.Double("lb", -7.0, s => s.Lb, "finite, < ub");
        var ub = b.Double("ub", 3.0, s => s.Ub, "finite, > lb");
        var warmupSteps = b.Steps("warmupSteps", 0, s => s.WarmupSteps, "integer >= 0");
        var warmupStartLr = b.Double("warmupStartLr", 0.0, s => s.WarmupStartLr, Rate);
        b.HoldsFrom(s => s.DecaySteps);
        b.Rises(Rise.Ramp);
        b.DependsOnMetric(false);
        return b.Build(
            c => new TanhSchedule(
                initialLr.Read(c), decaySteps.Read(c), minLr.Read(c), lb.Read(c), ub.Read(c), warmupSteps.Read(c), warmupStartLr.Read(c)),
            s => Math.Max(s.InitialLr, Math.Max(s.MinLr, s.WarmupStartLr)));
    }

    private static double MaxOf(IReadOnlyList<double> values)
    {
        double max = 0.0;
        for (int i = 0; i < values.Count; i++)
        {
            max = Math.Max(max, values[i]);
        }

        return max;
    }
}
