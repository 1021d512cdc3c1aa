namespace LrDecay.Tests.Support;

/// <summary>One or more instances of every schedule type, with settings that put boundaries inside the tested ranges.</summary>
internal static class ScheduleCatalog
{
    internal static readonly IReadOnlyDictionary<string, Func<ILearningRateSchedule>> All = new Dictionary<string, Func<ILearningRateSchedule>>
    {
        ["constant"] = () => Schedules.Constant(0.1),
        ["step"] = () => Schedules.Step(0.1, stepSize: 7, gamma: 0.5),
        ["step-gamma-1"] = () => Schedules.Step(0.1, stepSize: 3, gamma: 1.0),
        ["step-underflow"] = () => Schedules.Step(0.1, stepSize: 1, gamma: 0.1),
        ["step-long-table"] = () => Schedules.Step(0.1, stepSize: 1, gamma: 0.9995),
        ["multiStep"] = () => Schedules.MultiStep(0.1, [3, 10, 11, 4_000], gamma: 0.1),
        ["multiStep-empty"] = () => Schedules.MultiStep(0.1, [], gamma: 0.1),
        ["multiStep-max"] = () => Schedules.MultiStep(0.1, [5, long.MaxValue], gamma: 0.5),
        ["piecewiseConstant"] = () => Schedules.PiecewiseConstant([3, 10, 11, 4_000], [0.5, 0.4, 0.3, 0.2, 0.1]),
        ["piecewiseConstant-max"] = () => Schedules.PiecewiseConstant([5, long.MaxValue], [0.3, 0.2, 0.1]),
        ["exponential"] = () => Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 10),
        ["exponential-per-step"] = () => Schedules.Exponential(0.1, decayRate: 0.5),
        ["exponential-rate-1"] = () => Schedules.Exponential(0.1, decayRate: 1.0),
        ["exponential-staircase"] = () => Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 9, staircase: true),
        ["exponential-staircase-per-step"] = () => Schedules.Exponential(0.1, decayRate: 0.999, decaySteps: 1, staircase: true),
        ["inverseTime"] = () => Schedules.InverseTime(0.1, decayRate: 0.5, decaySteps: 10),
        ["inverseTime-staircase"] = () => Schedules.InverseTime(0.1, decayRate: 0.5, decaySteps: 9, staircase: true),
        ["polynomial-linear"] = () => Schedules.Polynomial(0.1, decaySteps: 1_001, endLr: 0.001),
        ["polynomial-square"] = () => Schedules.Polynomial(0.1, decaySteps: 1_001, endLr: 0.001, power: 2.0),
        ["polynomial-sqrt"] = () => Schedules.Polynomial(0.1, decaySteps: 1_001, power: 0.5),
        ["polynomial-general"] = () => Schedules.Polynomial(0.1, decaySteps: 1_001, endLr: 0.001, power: 1.7),
        ["polynomial-cycle"] = () => Schedules.Polynomial(0.1, decaySteps: 13, endLr: 0.001, power: 2.5, cycle: true),
        ["cosine"] = () => Schedules.Cosine(0.1, decaySteps: 1_001, minLr: 0.001),
        ["cosine-short"] = () => Schedules.Cosine(0.1, decaySteps: 7),
        ["cosine-near-2^53"] = () => Schedules.Cosine(0.1, decaySteps: (1L << 53) + 11),
        ["cosine-below-2^53"] = () => Schedules.Cosine(0.1, decaySteps: (1L << 53) - 3),
        ["cosine-long-max"] = () => Schedules.Cosine(0.1, decaySteps: long.MaxValue, minLr: 0.001),
        ["cosine-k-decay-2"] = () => Schedules.Cosine(0.1, decaySteps: 1_001, minLr: 0.001, kDecay: 2.0),
        ["cosine-k-decay-0.5-near-2^53"] = () => Schedules.Cosine(0.1, decaySteps: (1L << 53) + 11, kDecay: 0.5),
        ["cosineRestarts"] = () => Schedules.CosineRestarts(0.1, firstDecaySteps: 5, tMul: 2.0, mMul: 0.9, minLr: 0.001),
        ["cosineRestarts-tMul-3"] = () => Schedules.CosineRestarts(0.1, firstDecaySteps: 3, tMul: 3.0),
        ["cosineRestarts-fractional"] = () => Schedules.CosineRestarts(0.1, firstDecaySteps: 5, tMul: 1.5, mMul: 0.8, minLr: 0.001),
        ["cosineRestarts-barely-growing"] = () => Schedules.CosineRestarts(0.1, firstDecaySteps: 2, tMul: 1.0001),
        ["cosineRestarts-equal"] = () => Schedules.CosineRestarts(0.1, firstDecaySteps: 6, tMul: 1.0, mMul: 0.9),
        ["cosineRestarts-timm"] = () => Schedules.CosineRestarts(0.1, 5, tMul: 2.0, mMul: 0.9, minLr: 0.001, kDecay: 1.5, cycleLimit: 6, mMulMode: MMulMode.Peak),
        ["cosineRestarts-peak-equal-limit"] = () => Schedules.CosineRestarts(0.1, 6, tMul: 1.0, mMul: 0.5, minLr: 0.005, cycleLimit: 3, mMulMode: MMulMode.Peak),
        ["cosineRestarts-fractional-k"] = () => Schedules.CosineRestarts(0.1, 5, tMul: 1.5, mMul: 0.8, minLr: 0.001, kDecay: 0.7, mMulMode: MMulMode.Peak),
        ["exponential-float32"] = () => Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 10, precision: Precision.Float32),
        ["exponential-staircase-float32"] = () => Schedules.Exponential(0.1, 0.96, decaySteps: 1_000, staircase: true, precision: Precision.Float32),
        ["inverseTime-float32"] = () => Schedules.InverseTime(0.1, decayRate: 0.5, decaySteps: 9, staircase: true, precision: Precision.Float32),
        ["polynomial-cycle-float32"] = () => Schedules.Polynomial(0.1, 13, endLr: 0.001, power: 2.5, cycle: true, precision: Precision.Float32),
        ["cosine-float32"] = () => Schedules.Cosine(0.1, decaySteps: 1_001, minLr: 0.001, precision: Precision.Float32),
        ["cosineRestarts-float32"] = () => Schedules.CosineRestarts(0.1, 5, tMul: 2.0, mMul: 0.9, minLr: 0.001, precision: Precision.Float32),
        ["cosineRestarts-fractional-float32"] = () => Schedules.CosineRestarts(0.1, 5, tMul: 1.5, mMul: 0.8, minLr: 0.001, precision: Precision.Float32),
        ["cosineRestarts-equal-float32"] = () => Schedules.CosineRestarts(0.1, 6, tMul: 1.0, mMul: 0.9, precision: Precision.Float32),
        ["linear"] = () => Schedules.Linear(0.1, 0.001, totalSteps: 1_001),
        ["linear-up"] = () => Schedules.Linear(0.0, 0.1, totalSteps: (1L << 53) + 5),
        ["linear-up-long-max"] = () => Schedules.Linear(0.0, 0.1, totalSteps: long.MaxValue),
        ["oneCycle"] = () => Schedules.OneCycle(0.1, totalSteps: 1_000),
        ["oneCycle-linear-three-phase"] = () => Schedules.OneCycle(0.1, totalSteps: 101, annealStrategy: AnnealStrategy.Linear, threePhase: true),
        ["oneCycle-cos-three-phase"] = () => Schedules.OneCycle(0.1, totalSteps: 101, threePhase: true),
        ["cyclic-triangular"] = () => Schedules.Cyclic(0.001, 0.006, stepSizeUp: 20, stepSizeDown: 13),
        ["cyclic-triangular2"] = () => Schedules.Cyclic(0.001, 0.006, stepSizeUp: 2, mode: CyclicMode.Triangular2),
        ["cyclic-expRange"] = () => Schedules.Cyclic(0.001, 0.006, stepSizeUp: 20, mode: CyclicMode.ExponentialRange, gamma: 0.999),
        ["oneCycleMomentum"] = () => Schedules.OneCycleMomentum(totalSteps: 1_000),
        ["oneCycleMomentum-linear-three-phase"] = () => Schedules.OneCycleMomentum(totalSteps: 101, annealStrategy: AnnealStrategy.Linear, threePhase: true, baseMomentum: 0.8, maxMomentum: 0.9),
        ["cyclicMomentum-triangular"] = () => Schedules.CyclicMomentum(0.8, 0.9, stepSizeUp: 20, stepSizeDown: 13),
        ["cyclicMomentum-triangular2"] = () => Schedules.CyclicMomentum(stepSizeUp: 2, mode: CyclicMode.Triangular2),
        ["cyclicMomentum-expRange"] = () => Schedules.CyclicMomentum(0.85, 0.95, stepSizeUp: 20, mode: CyclicMode.ExponentialRange, gamma: 0.999),
        ["inverseSqrt"] = () => Schedules.InverseSqrt(0.002, warmupSteps: 100),
        ["inverseSqrt-no-warmup"] = () => Schedules.InverseSqrt(0.002),
        ["inverseSqrt-power"] = () => Schedules.InverseSqrt(0.01, warmupSteps: 0, timescale: 10, power: 0.25),
        ["inverseSqrt-power-warmup"] = () => Schedules.InverseSqrt(0.002, warmupSteps: 100, power: 1.0),
        ["warmupStableDecay"] = () => Schedules.WarmupStableDecay(0.001, warmupSteps: 20, stableSteps: 60, decaySteps: 40, minLrRatio: 0.1),
        ["warmupStableDecay-cosine-sqrt"] = () => Schedules.WarmupStableDecay(0.001, 21, 0, 43, 0.0, RampShape.Cosine, RampShape.OneMinusSqrt),
        ["warmupStableDecay-sqrt-linear"] = () => Schedules.WarmupStableDecay(0.001, 0, 5, 43, 0.2, RampShape.OneMinusSqrt, RampShape.Linear),
        ["piecewiseLinear"] = () => Schedules.PiecewiseLinear([0, 10, 30, 4_000], [0.1, 0.05, 0.2, 0.001]),
        ["piecewiseLinear-cosine-max"] = () => Schedules.PiecewiseLinear([5, 25, long.MaxValue], [0.4, 0.02, 0.0], PiecewiseInterpolation.Cosine),
        ["rex"] = () => Schedules.Rex(0.1, totalSteps: 1_001, minLr: 0.001),
        ["rex-long-max"] = () => Schedules.Rex(0.1, totalSteps: long.MaxValue),
        ["tanh"] = () => Schedules.Tanh(0.1, decaySteps: 1_001, minLr: 0.001),
        ["tanh-warmup"] = () => Schedules.Tanh(0.1, decaySteps: 1_001, minLr: 0.001, lb: -6.0, ub: 4.0, warmupSteps: 50, warmupStartLr: 1e-5),
        ["rangeTest"] = () => Schedules.RangeTest(1e-7, 1.0, steps: 1_001),
        ["rangeTest-linear"] = () => Schedules.RangeTest(1e-4, 0.01, steps: 1_001, mode: RangeTestMode.Linear),
        ["warmup"] = () => Schedules.Cosine(0.1, decaySteps: 100).WithWarmup(17, startLr: 0.01),
        ["warmup-cosine-no-prefix"] = () => Schedules.Cosine(0.1, decaySteps: 100).WithWarmup(17, startLr: 0.01, shape: RampShape.Cosine, prefix: false),
        ["warmup-1-sqrt"] = () => Schedules.Constant(0.1).WithWarmup(23, shape: RampShape.OneMinusSqrt),
        ["cooldown"] = () => Schedules.InverseSqrt(0.002, timescale: 50).Clamped(minLr: 1e-4).CooldownFrom(400, 250, endLr: 1e-4),
        ["cooldown-cosine"] = () => Schedules.Constant(0.1).CooldownFrom(3, 1_001, CooldownShape.Cosine),
        ["cooldown-power"] = () => Schedules.Cosine(0.1, decaySteps: 2_000).CooldownFrom(500, 700, CooldownShape.Power, power: 1.5, endLr: 0.01),
        ["cooldown-exp"] = () => Schedules.Constant(0.1).CooldownFrom(0, 900, CooldownShape.Exponential, ratio: 0.05, endLr: 0.001),
        ["cooldown-linear-near-max"] = () => Schedules.Constant(0.1).CooldownFrom(long.MaxValue - 600, 1_000, CooldownShape.Linear),
        ["sequence"] = () => Schedules.Linear(0.0, 0.1, 10).Then(10, Schedules.Cosine(0.1, 50)).Then(60, Schedules.Exponential(0.05, 0.9)),
        ["chain"] = () => Schedules.Cosine(0.1, decaySteps: 1_000).ChainedWith(Schedules.Step(1.0, 300, 0.5), Schedules.Exponential(2.0, 0.999)),
        ["scale"] = () => Schedules.Cosine(0.1, decaySteps: 1_000).Scaled(0.3),
        ["clamp"] = () => Schedules.Exponential(0.1, 0.99).Clamped(minLr: 0.01, maxLr: 0.05),
        ["perEpoch"] = () => Schedules.Step(0.1, 3, 0.5).PerEpoch(7),
        ["plateau"] = () => Schedules.Plateau(0.1, minLr: 0.2),
        ["plateau-over-cosine"] = () => new PlateauSchedule(Schedules.Cosine(0.1, 1_000), minLr: 0.01),
        ["user-schedule"] = () => new UserSchedule(),
        ["warmup-over-user"] = () => new UserSchedule().WithWarmup(5),
        ["chain-of-users"] = () => new UserSchedule().ChainedWith(new UserSchedule()),
    };

    /// <summary>A schedule from outside the library: no batch fast path.</summary>
    private sealed class UserSchedule : ILearningRateSchedule
    {
        public double GetLearningRate(long step)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(step);
            return 0.1 / (1.0 + (step % 97));
        }
    }

    /// <summary>The rate at <paramref name="step"/>; a plateau's from its initial state (no reduction yet).</summary>
    internal static double Rate(ILearningRateSchedule schedule, long step) =>
        schedule is PlateauSchedule plateau ? plateau.GetLearningRate(plateau.InitialState, step) : schedule.GetLearningRate(step);
}
