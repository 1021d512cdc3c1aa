namespace LrDecay.Config;

/// <summary>The closed forms' entries.</summary>
internal static partial class Catalog
{
    private const string Rate = ">= 0";

    private static IEnumerable<CatalogEntry> ClosedForms() =>
    [
        Constant(), Step(), MultiStep(), PiecewiseConstant(), Exponential(), InverseTime(), Polynomial(), Cosine(), CosineRestarts(), Linear(),
        OneCycle(), Cyclic(), InverseSqrt(), WarmupStableDecay(),
    ];

    private static CatalogEntry Constant()
    {
        var b = new CatalogBuilder<ConstantSchedule>("constant", ScheduleKind.ClosedForm, "lr(t) = lr");
        var lr = b.Double("lr", s => s.Lr, "finite, >= 0");
        return b.Build(c => new ConstantSchedule(lr.Read(c)), s => s.Lr);
    }

    private static CatalogEntry Step()
    {
        var b = new CatalogBuilder<StepSchedule>(
            "step", ScheduleKind.ClosedForm, "lr(t) = initialLr * gamma^floor(t/stepSize)   (PyTorch StepLR)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var stepSize = b.Steps("stepSize", s => s.StepSize);
        var gamma = b.Double("gamma", s => s.Gamma, "in (0, 1]");
        return b.Build(c => new StepSchedule(initialLr.Read(c), stepSize.Read(c), gamma.Read(c)), s => s.InitialLr);
    }

    private static CatalogEntry MultiStep()
    {
        var b = new CatalogBuilder<MultiStepSchedule>(
            "multiStep", ScheduleKind.ClosedForm, "lr(t) = initialLr * gamma^k, k = number of milestones <= t   (PyTorch MultiStepLR)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var milestones = b.StepsArray("milestones", s => s.Milestones, "strictly increasing integers > 0");
        var gamma = b.Double("gamma", s => s.Gamma, "in (0, 1]");
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
        return b.Build(
            c => new PolynomialSchedule(initialLr.Read(c), decaySteps.Read(c), endLr.Read(c), power.Read(c), cycle.Read(c), precision.Read(c)),
            s => Math.Max(s.InitialLr, s.EndLr));
    }

    private static CatalogEntry Cosine()
    {
        var b = new CatalogBuilder<CosineSchedule>(
            "cosine",
            ScheduleKind.ClosedForm,
            "lr(t) = minLr + (initialLr - minLr) * (1 + cos(pi * min(t, decaySteps)/decaySteps))/2   (Keras CosineDecay)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var decaySteps = b.Steps("decaySteps", s => s.DecaySteps);
        var minLr = b.Double("minLr", 0.0, s => s.MinLr, Rate);
        var precision = b.Choice("precision", PrecisionNames.Json, Precision.Float64, s => s.Precision);
        return b.Build(
            c => new CosineSchedule(initialLr.Read(c), decaySteps.Read(c), minLr.Read(c), precision.Read(c)), s => Math.Max(s.InitialLr, s.MinLr));
    }

    private static CatalogEntry CosineRestarts()
    {
        var b = new CatalogBuilder<CosineRestartsSchedule>(
            "cosineRestarts",
            ScheduleKind.ClosedForm,
            "SGDR: period i lasts firstDecaySteps * tMul^i steps; its cosine runs from minLr + (initialLr - minLr) * mMul^i "
                + "down to minLr   (Keras CosineDecayRestarts)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var firstDecaySteps = b.Steps("firstDecaySteps", s => s.FirstDecaySteps);
        var tMul = b.Double("tMul", 2.0, s => s.TMul, ">= 1");
        var mMul = b.Double("mMul", 1.0, s => s.MMul, "in (0, 1]");
        var minLr = b.Double("minLr", 0.0, s => s.MinLr, Rate);
        var precision = b.Choice("precision", PrecisionNames.Json, Precision.Float64, s => s.Precision);
        return b.Build(
            c => new CosineRestartsSchedule(
                initialLr.Read(c), firstDecaySteps.Read(c), tMul.Read(c), mMul.Read(c), minLr.Read(c), precision.Read(c)),
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
        return b.Build(
            c => new CyclicSchedule(baseLr.Read(c), maxLr.Read(c), stepSizeUp.Read(c), stepSizeDown.Read(c), mode.Read(c), gamma.Read(c)),
            s => Math.Max(s.BaseLr, s.MaxLr));
    }

    private static CatalogEntry InverseSqrt()
    {
        var b = new CatalogBuilder<InverseSqrtSchedule>(
            "inverseSqrt",
            ScheduleKind.ClosedForm,
            "lr(t) = initialLr * t/max(1, warmupSteps) while t < warmupSteps, then initialLr / sqrt((t + timescale - warmupSteps)/timescale)"
                + "   (Hugging Face inverse_sqrt)");
        var initialLr = b.Double("initialLr", s => s.InitialLr, Rate);
        var warmupSteps = b.Steps("warmupSteps", 0, s => s.WarmupSteps, "integer >= 0");
        var timescale = b.OptionalSteps("timescale", "warmupSteps, or 10000 when that is 0", s => s.Timescale);
        return b.Build(c => new InverseSqrtSchedule(initialLr.Read(c), warmupSteps.Read(c), timescale.Read(c)), s => s.InitialLr);
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
        return b.Build(
            c => new WarmupStableDecaySchedule(
                initialLr.Read(c), warmupSteps.Read(c), stableSteps.Read(c), decaySteps.Read(c), minLrRatio.Read(c), warmupShape.Read(c), decayShape.Read(c)),
            s => s.InitialLr);
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
