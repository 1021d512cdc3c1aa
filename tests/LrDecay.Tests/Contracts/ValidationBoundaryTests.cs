namespace LrDecay.Tests.Contracts;

/// <summary>
/// Every range check at its edge: the first value outside throws naming the parameter, the last value inside builds. Pins each
/// guard so that removing or loosening one is caught.
/// </summary>
public sealed class ValidationBoundaryTests
{
    private static readonly double AboveOne = Math.BitIncrement(1.0);
    private static readonly double BelowOne = Math.BitDecrement(1.0);
    private static readonly ILearningRateSchedule One = new ConstantSchedule(1.0);

    public static TheoryData<string, string, Func<object>> Invalid() => new()
    {
        { "constant lr<0", "lr", () => new ConstantSchedule(-double.Epsilon) },
        { "constant lr NaN", "lr", () => new ConstantSchedule(double.NaN) },
        { "constant lr inf", "lr", () => new ConstantSchedule(double.PositiveInfinity) },
        { "step initialLr", "initialLr", () => new StepSchedule(-1, 1, 0.5) },
        { "step stepSize", "stepSize", () => new StepSchedule(1, 0, 0.5) },
        { "step gamma 0", "gamma", () => new StepSchedule(1, 1, 0.0) },
        { "step gamma >1", "gamma", () => new StepSchedule(1, 1, AboveOne) },
        { "step gamma NaN", "gamma", () => new StepSchedule(1, 1, double.NaN) },
        { "multiStep initialLr", "initialLr", () => new MultiStepSchedule(double.NaN, [1], 0.5) },
        { "multiStep milestone 0", "milestones", () => new MultiStepSchedule(1, [0], 0.5) },
        { "multiStep not increasing", "milestones", () => new MultiStepSchedule(1, [2, 2], 0.5) },
        { "multiStep gamma", "gamma", () => new MultiStepSchedule(1, [1], AboveOne) },
        { "multiStep null", "milestones", () => new MultiStepSchedule(1, null!, 0.5) },
        { "piecewise lengths", "values", () => new PiecewiseConstantSchedule([1], [1.0]) },
        { "piecewise too many", "values", () => new PiecewiseConstantSchedule([1], [1.0, 2.0, 3.0]) },
        { "piecewise value", "values[1]", () => new PiecewiseConstantSchedule([1], [1.0, -1.0]) },
        { "piecewise boundary", "boundaries", () => new PiecewiseConstantSchedule([3, 1], [1.0, 1.0, 1.0]) },
        { "piecewise null values", "values", () => new PiecewiseConstantSchedule([1], null!) },
        { "exponential rate 0", "decayRate", () => new ExponentialSchedule(1, 0.0) },
        { "exponential rate >1", "decayRate", () => new ExponentialSchedule(1, AboveOne) },
        { "exponential steps", "decaySteps", () => new ExponentialSchedule(1, 0.5, 0) },
        { "exponential initialLr", "initialLr", () => new ExponentialSchedule(double.PositiveInfinity, 0.5) },
        { "inverseTime rate", "decayRate", () => new InverseTimeSchedule(1, -double.Epsilon) },
        { "inverseTime rate inf", "decayRate", () => new InverseTimeSchedule(1, double.PositiveInfinity) },
        { "inverseTime steps", "decaySteps", () => new InverseTimeSchedule(1, 1, 0) },
        { "inverseTime initialLr", "initialLr", () => new InverseTimeSchedule(-1, 1) },
        { "polynomial steps", "decaySteps", () => new PolynomialSchedule(1, 0) },
        { "polynomial endLr", "endLr", () => new PolynomialSchedule(1, 1, -1) },
        { "polynomial power 0", "power", () => new PolynomialSchedule(1, 1, 0, 0.0) },
        { "polynomial power inf", "power", () => new PolynomialSchedule(1, 1, 0, double.PositiveInfinity) },
        { "polynomial initialLr", "initialLr", () => new PolynomialSchedule(double.NaN, 1) },
        { "cosine steps", "decaySteps", () => new CosineSchedule(1, 0) },
        { "cosine minLr", "minLr", () => new CosineSchedule(1, 1, double.NaN) },
        { "cosine initialLr", "initialLr", () => new CosineSchedule(-1, 1) },
        { "cosine kDecay 0", "kDecay", () => new CosineSchedule(1, 1, 0, 0.0) },
        { "cosine kDecay inf", "kDecay", () => new CosineSchedule(1, 1, 0, double.PositiveInfinity) },
        { "restarts steps", "firstDecaySteps", () => new CosineRestartsSchedule(1, 0) },
        { "restarts tMul", "tMul", () => new CosineRestartsSchedule(1, 1, BelowOne) },
        { "restarts tMul inf", "tMul", () => new CosineRestartsSchedule(1, 1, double.PositiveInfinity) },
        { "restarts mMul 0", "mMul", () => new CosineRestartsSchedule(1, 1, 2, 0.0) },
        { "restarts mMul >1", "mMul", () => new CosineRestartsSchedule(1, 1, 2, AboveOne) },
        { "restarts minLr", "minLr", () => new CosineRestartsSchedule(1, 1, 2, 1, -1) },
        { "restarts initialLr", "initialLr", () => new CosineRestartsSchedule(double.NaN, 1) },
        { "restarts kDecay", "kDecay", () => new CosineRestartsSchedule(1, 1, kDecay: -0.5) },
        { "restarts cycleLimit", "cycleLimit", () => new CosineRestartsSchedule(1, 1, cycleLimit: -1) },
        { "restarts mMulMode", "mMulMode", () => new CosineRestartsSchedule(1, 1, mMulMode: (MMulMode)2) },
        { "linear total", "totalSteps", () => new LinearSchedule(1, 0, 0) },
        { "linear start", "startLr", () => new LinearSchedule(-1, 0, 1) },
        { "linear end", "endLr", () => new LinearSchedule(1, double.NaN, 1) },
        { "oneCycle total", "totalSteps", () => new OneCycleSchedule(1, 0) },
        { "oneCycle pct 0", "pctStart", () => new OneCycleSchedule(1, 10, 0.0) },
        { "oneCycle pct 1", "pctStart", () => new OneCycleSchedule(1, 10, 1.0) },
        { "oneCycle pct*total = 1", "pctStart", () => new OneCycleSchedule(1, 10, 0.1) },
        { "oneCycle div", "divFactor", () => new OneCycleSchedule(1, 10, divFactor: 0.0) },
        { "oneCycle finalDiv", "finalDivFactor", () => new OneCycleSchedule(1, 10, finalDivFactor: -1.0) },
        { "oneCycle maxLr", "maxLr", () => new OneCycleSchedule(-1, 10) },
        { "oneCycle initial overflow", "divFactor", () => new OneCycleSchedule(1e300, 10, divFactor: 1e-10) },
        { "oneCycle final overflow", "finalDivFactor", () => new OneCycleSchedule(1e300, 10, divFactor: 1, finalDivFactor: 1e-10) },
        { "oneCycle strategy", "annealStrategy", () => new OneCycleSchedule(1, 10, annealStrategy: (AnnealStrategy)7) },
        { "cyclic up", "stepSizeUp", () => new CyclicSchedule(0, 1, 0) },
        { "cyclic down", "stepSizeDown", () => new CyclicSchedule(0, 1, 1, 0) },
        { "cyclic overflow", "stepSizeDown", () => new CyclicSchedule(0, 1, long.MaxValue, 1) },
        { "cyclic gamma exp", "gamma", () => new CyclicSchedule(0, 1, 1, mode: CyclicMode.ExponentialRange, gamma: AboveOne) },
        { "cyclic gamma 0", "gamma", () => new CyclicSchedule(0, 1, 1, gamma: 0.0) },
        { "cyclic gamma inf", "gamma", () => new CyclicSchedule(0, 1, 1, gamma: double.PositiveInfinity) },
        { "cyclic mode", "mode", () => new CyclicSchedule(0, 1, 1, mode: (CyclicMode)9) },
        { "cyclic base", "baseLr", () => new CyclicSchedule(-1, 1) },
        { "cyclic max", "maxLr", () => new CyclicSchedule(0, double.NaN) },
        { "inverseSqrt warmup", "warmupSteps", () => new InverseSqrtSchedule(1, -1) },
        { "inverseSqrt timescale", "timescale", () => new InverseSqrtSchedule(1, 0, 0) },
        { "inverseSqrt initialLr", "initialLr", () => new InverseSqrtSchedule(-1) },
        { "inverseSqrt power", "power", () => new InverseSqrtSchedule(1, power: 0.0) },
        { "wsd warmup", "warmupSteps", () => new WarmupStableDecaySchedule(1, -1, 0, 1) },
        { "wsd stable", "stableSteps", () => new WarmupStableDecaySchedule(1, 0, -1, 1) },
        { "wsd decay", "decaySteps", () => new WarmupStableDecaySchedule(1, 0, 0, 0) },
        { "wsd ratio", "minLrRatio", () => new WarmupStableDecaySchedule(1, 0, 0, 1, AboveOne) },
        { "wsd ratio <0", "minLrRatio", () => new WarmupStableDecaySchedule(1, 0, 0, 1, -double.Epsilon) },
        { "wsd overflow a", "decaySteps", () => new WarmupStableDecaySchedule(1, long.MaxValue, 1, 1) },
        { "wsd overflow b", "decaySteps", () => new WarmupStableDecaySchedule(1, long.MaxValue - 1, 0, 2) },
        { "wsd shape", "warmupShape", () => new WarmupStableDecaySchedule(1, 0, 0, 1, warmupShape: (RampShape)5) },
        { "wsd decay shape", "decayShape", () => new WarmupStableDecaySchedule(1, 0, 0, 1, decayShape: (RampShape)5) },
        { "wsd initialLr", "initialLr", () => new WarmupStableDecaySchedule(-1, 0, 0, 1) },
        { "warmup steps", "warmupSteps", () => new WarmupSchedule(One, 0) },
        { "warmup startLr", "startLr", () => new WarmupSchedule(One, 1, -1) },
        { "warmup null", "schedule", () => new WarmupSchedule(null!, 1) },
        { "sequence empty", "schedules", () => new SequenceSchedule([], []) },
        { "sequence lengths", "boundaries", () => new SequenceSchedule([One, One], []) },
        { "sequence boundary 0", "boundaries", () => new SequenceSchedule([One, One], [0]) },
        { "sequence null child", "schedules", () => new SequenceSchedule([One, null!], [1]) },
        { "chain empty", "schedules", () => new ChainSchedule([]) },
        { "chain factor 0", "schedules", () => new ChainSchedule([One, new ConstantSchedule(0)]) },
        { "chain null", "schedules", () => new ChainSchedule(null!) },
        { "scale 0", "factor", () => new ScaleSchedule(One, 0.0) },
        { "scale inf", "factor", () => new ScaleSchedule(One, double.PositiveInfinity) },
        { "scale null", "schedule", () => new ScaleSchedule(null!, 1) },
        { "clamp min", "minLr", () => new ClampSchedule(One, -1) },
        { "clamp max<min", "maxLr", () => new ClampSchedule(One, 1, BelowOne) },
        { "clamp max NaN", "maxLr", () => new ClampSchedule(One, 0, double.NaN) },
        { "clamp null", "schedule", () => new ClampSchedule(null!) },
        { "perEpoch steps", "stepsPerEpoch", () => new PerEpochSchedule(One, 0) },
        { "perEpoch null", "schedule", () => new PerEpochSchedule(null!, 1) },
        { "warmup shape", "shape", () => new WarmupSchedule(One, 1, shape: (RampShape)3) },
        { "cooldown start", "startStep", () => new CooldownSchedule(One, -1, 1) },
        { "cooldown decay", "decaySteps", () => new CooldownSchedule(One, 0, 0) },
        { "cooldown shape", "shape", () => new CooldownSchedule(One, 0, 1, (CooldownShape)5) },
        { "cooldown power shape", "power", () => new CooldownSchedule(One, 0, 1, CooldownShape.Linear, power: 1.0) },
        { "cooldown power 0", "power", () => new CooldownSchedule(One, 0, 1, CooldownShape.Power, power: 0.0) },
        { "cooldown power inf", "power", () => new CooldownSchedule(One, 0, 1, CooldownShape.Power, power: double.PositiveInfinity) },
        { "cooldown ratio shape", "ratio", () => new CooldownSchedule(One, 0, 1, ratio: 0.5) },
        { "cooldown ratio 1", "ratio", () => new CooldownSchedule(One, 0, 1, CooldownShape.Exponential, ratio: 1.0) },
        { "cooldown ratio 0", "ratio", () => new CooldownSchedule(One, 0, 1, CooldownShape.Exponential, ratio: 0.0) },
        { "cooldown endLr", "endLr", () => new CooldownSchedule(One, 0, 1, endLr: -1) },
        { "cooldown null", "schedule", () => new CooldownSchedule(null!, 0, 1) },
        { "plateau factor 1", "factor", () => new PlateauSchedule(1.0, factor: 1.0) },
        { "plateau factor 0", "factor", () => new PlateauSchedule(1.0, factor: 0.0) },
        { "plateau patience", "patience", () => new PlateauSchedule(1.0, patience: -1) },
        { "plateau threshold", "threshold", () => new PlateauSchedule(1.0, threshold: -1e-300) },
        { "plateau cooldown", "cooldown", () => new PlateauSchedule(1.0, cooldown: -1) },
        { "plateau minLr", "minLr", () => new PlateauSchedule(1.0, minLr: double.NaN) },
        { "plateau eps", "eps", () => new PlateauSchedule(1.0, eps: double.PositiveInfinity) },
        { "plateau initialLr", "initialLr", () => new PlateauSchedule(-1.0) },
        { "plateau mode", "mode", () => new PlateauSchedule(1.0, mode: (PlateauMode)3) },
        { "plateau compat", "compat", () => new PlateauSchedule(1.0, compat: (PlateauCompat)3) },
        { "plateau threshold mode", "thresholdMode", () => new PlateauSchedule(1.0, thresholdMode: (PlateauThresholdMode)3) },
        { "plateau keras rel", "thresholdMode", () => new PlateauSchedule(1.0, thresholdMode: PlateauThresholdMode.Relative, compat: PlateauCompat.Keras) },
        { "plateau null base", "schedule", () => new PlateauSchedule((ILearningRateSchedule)null!) },
        { "state best NaN", "best", () => new PlateauState(double.NaN, 0, 0, 0, 1, 0) },
        { "state bad", "badEpochs", () => new PlateauState(0, -1, 0, 0, 1, 0) },
        { "state cooldown", "cooldownCounter", () => new PlateauState(0, 0, -1, 0, 1, 0) },
        { "state reductions", "reductions", () => new PlateauState(0, 0, 0, -1, 1, 0) },
        { "state scale", "scale", () => new PlateauState(0, 0, 0, 0, AboveOne, 0) },
        { "state epochs", "epochs", () => new PlateauState(0, 0, 0, 0, 1, -1) },
        { "exp from rate", "k", () => Schedules.ExponentialFromRate(1, 800) },
        { "exp from rate neg", "k", () => Schedules.ExponentialFromRate(1, -1) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Ctor_JustOutsideTheRange_ThrowsNamingTheParameter(string name, string paramName, Func<object> create)
    {
        ArgumentException error = Assert.ThrowsAny<ArgumentException>(create);
        error.ParamName.Should().Be(paramName, name);
        error.Message.Should().Contain(paramName, name);
    }

    public static TheoryData<string, Func<ILearningRateSchedule>> AtTheEdge() => new()
    {
        { "step gamma 1", () => new StepSchedule(0, 1, 1.0) },
        { "step gamma tiny", () => new StepSchedule(double.MaxValue, long.MaxValue, double.Epsilon) },
        { "exponential rate 1", () => new ExponentialSchedule(0, 1.0) },
        { "inverseTime rate 0", () => new InverseTimeSchedule(0, 0.0) },
        { "polynomial power tiny", () => new PolynomialSchedule(1, 1, 0, double.Epsilon) },
        { "restarts tMul 1 mMul 1", () => new CosineRestartsSchedule(1, 1, 1.0, 1.0) },
        { "restarts tMul 2^32", () => new CosineRestartsSchedule(1, 1, 4294967296.0) },
        { "oneCycle pct near 1", () => new OneCycleSchedule(1, 10, BelowOne) },
        { "cyclic gamma 1 exp", () => new CyclicSchedule(0, 1, 1, mode: CyclicMode.ExponentialRange, gamma: 1.0) },
        { "cyclic gamma >1 triangular", () => new CyclicSchedule(0, 1, 1, gamma: 5.0) },
        { "cyclic longest", () => new CyclicSchedule(0, 1, long.MaxValue - 1, 1) },
        { "inverseSqrt warmup 0", () => new InverseSqrtSchedule(1, 0) },
        { "inverseSqrt power tiny", () => new InverseSqrtSchedule(1, 0, 1, double.Epsilon) },
        { "inverseSqrt power huge", () => new InverseSqrtSchedule(1, 0, 1, double.MaxValue) },
        { "cosine kDecay tiny", () => new CosineSchedule(1, 10, 0, double.Epsilon) },
        { "cosine kDecay huge", () => new CosineSchedule(1, long.MaxValue, 0, double.MaxValue) },
        { "restarts peak under minLr", () => new CosineRestartsSchedule(1, 3, 1.5, double.Epsilon, 0.5, double.Epsilon, long.MaxValue, MMulMode.Peak) },
        { "restarts cycleLimit 1", () => new CosineRestartsSchedule(1, long.MaxValue, 2.0, 0.5, 0, double.MaxValue, 1, MMulMode.Peak) },
        { "wsd longest", () => new WarmupStableDecaySchedule(1, long.MaxValue - 2, 1, 1, 1.0) },
        { "wsd ratio 0", () => new WarmupStableDecaySchedule(1, 0, 0, 1, 0.0) },
        { "clamp max == min", () => new ClampSchedule(One, 1, 1) },
        { "chain factor tiny", () => new ChainSchedule([One, new ConstantSchedule(double.Epsilon)]) },
        { "plateau factor near 1", () => new PlateauSchedule(1.0, factor: BelowOne, patience: 0, threshold: 0, cooldown: 0, eps: 0) },
        { "exp from rate 0", () => Schedules.ExponentialFromRate(1, 0) },
        { "exp from rate 700", () => Schedules.ExponentialFromRate(1, 700) },
    };

    [Theory]
    [MemberData(nameof(AtTheEdge))]
    public void Ctor_AtTheEdgeOfTheRange_Builds(string name, Func<ILearningRateSchedule> create)
    {
        ILearningRateSchedule schedule = create();
        foreach (long step in ExtremeStepTests.ExtremeSteps)
        {
            double lr = schedule.GetLearningRate(step);
            Assert.True(double.IsFinite(lr) && lr >= 0.0, $"{name}: lr({step}) = {lr}");
        }

        Assert.Throws<ArgumentOutOfRangeException>("step", () => schedule.GetLearningRate(-1));
        ScheduleJson.Parse(ScheduleJson.Serialize(schedule)).GetLearningRate(7).Should().Be(schedule.GetLearningRate(7), name);
    }
}
