using BenchmarkDotNet.Attributes;

namespace LrDecay.Benchmarks;

/// <summary>Every closed-form schedule, per call through the interface, over a training run of <see cref="FloorBenchmarks.Horizon"/> steps.</summary>
public class ClosedFormBenchmarks : FloorBenchmarks
{
    private readonly ILearningRateSchedule _constant = Schedules.Constant(0.1);
    private readonly ILearningRateSchedule _step = Schedules.Step(0.1, stepSize: 10_000, gamma: 0.5);
    private readonly ILearningRateSchedule _multiStep = Schedules.MultiStep(0.1, [30_000, 60_000, 80_000], gamma: 0.1);
    private readonly ILearningRateSchedule _piecewiseConstant = Schedules.PiecewiseConstant([20_000, 50_000, 80_000], [0.1, 0.05, 0.01, 0.001]);
    private readonly ILearningRateSchedule _exponentialStaircase = Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000, staircase: true);
    private readonly ILearningRateSchedule _inverseTimeStaircase = Schedules.InverseTime(0.1, decayRate: 0.5, decaySteps: 1_000, staircase: true);
    private readonly ILearningRateSchedule _exponential = Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000);
    private readonly ILearningRateSchedule _inverseTime = Schedules.InverseTime(0.1, decayRate: 0.5, decaySteps: 1_000);
    private readonly ILearningRateSchedule _polynomialLinear = Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 1.0);
    private readonly ILearningRateSchedule _polynomialSquare = Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 2.0);
    private readonly ILearningRateSchedule _polynomialSqrt = Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 0.5);
    private readonly ILearningRateSchedule _polynomialThreeHalves = Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 1.5);
    private readonly ILearningRateSchedule _polynomialGeneralPower = Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 1.7);
    private readonly ILearningRateSchedule _polynomialCycle = Schedules.Polynomial(0.1, decaySteps: 30_000, endLr: 0.001, power: 2.0, cycle: true);
    private readonly ILearningRateSchedule _cosine = Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001);
    private readonly ILearningRateSchedule _linear = Schedules.Linear(0.1, 0.001, totalSteps: Horizon);
    private readonly ILearningRateSchedule _oneCycleCos = Schedules.OneCycle(0.1, totalSteps: Horizon);
    private readonly ILearningRateSchedule _oneCycleLinearThreePhase = Schedules.OneCycle(0.1, totalSteps: Horizon, annealStrategy: AnnealStrategy.Linear, threePhase: true);
    private readonly ILearningRateSchedule _cyclicTriangular = Schedules.Cyclic(0.001, 0.006, stepSizeUp: 2_000);
    private readonly ILearningRateSchedule _cyclicTriangular2 = Schedules.Cyclic(0.001, 0.006, stepSizeUp: 2_000, mode: CyclicMode.Triangular2);
    private readonly ILearningRateSchedule _cyclicExpRange = Schedules.Cyclic(0.001, 0.006, stepSizeUp: 2_000, mode: CyclicMode.ExponentialRange, gamma: 0.99994);
    private readonly ILearningRateSchedule _oneCycleMomentum = Schedules.OneCycleMomentum(totalSteps: Horizon);
    private readonly ILearningRateSchedule _cyclicMomentumTriangular2 = Schedules.CyclicMomentum(0.8, 0.9, stepSizeUp: 2_000, mode: CyclicMode.Triangular2);
    private readonly ILearningRateSchedule _inverseSqrt = Schedules.InverseSqrt(0.002, warmupSteps: 4_000);
    private readonly ILearningRateSchedule _warmupStableDecay = Schedules.WarmupStableDecay(0.001, warmupSteps: 2_000, stableSteps: 78_000, decaySteps: 20_000, minLrRatio: 0.1);
    private readonly ILearningRateSchedule _warmupStableDecaySqrt = Schedules.WarmupStableDecay(0.001, warmupSteps: 2_000, stableSteps: 18_000, decaySteps: 80_000, minLrRatio: 0.1, warmupShape: RampShape.Cosine, decayShape: RampShape.OneMinusSqrt);
    private readonly ILearningRateSchedule _cosineRestarts = Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 2.0, mMul: 0.9, minLr: 0.001);
    private readonly ILearningRateSchedule _cosineRestartsFractionalTMul = Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 1.5, mMul: 0.8, minLr: 0.001);
    private readonly ILearningRateSchedule _cosineRestartsEqualPeriods = Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 1.0, mMul: 0.9, minLr: 0.001);
    private readonly ILearningRateSchedule _piecewiseLinearCosine = Schedules.PiecewiseLinear([0, 5_000, 80_000, Horizon], [0.0, 0.1, 0.01, 0.001], PiecewiseInterpolation.Cosine);
    private readonly ILearningRateSchedule _rex = Schedules.Rex(0.1, totalSteps: Horizon, minLr: 0.001);
    private readonly ILearningRateSchedule _tanh = Schedules.Tanh(0.1, decaySteps: Horizon, minLr: 0.001);
    private readonly ILearningRateSchedule _rangeTest = Schedules.RangeTest(1e-7, 10.0, steps: Horizon);
    private readonly ILearningRateSchedule _cosineKDecay = Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001, kDecay: 2.0);
    private readonly ILearningRateSchedule _cosineKDecayGeneral = Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001, kDecay: 0.7);
    private readonly ILearningRateSchedule _cosineRestartsTimm = Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 1.5, mMul: 0.8, minLr: 0.001, kDecay: 0.7, cycleLimit: 50, mMulMode: MMulMode.Peak);
    private readonly ILearningRateSchedule _inverseSqrtPower = Schedules.InverseSqrt(0.002, warmupSteps: 1_000, power: 0.3);

    /// <summary><c>Schedules.Constant(0.1)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 0.5)]
    public double Constant_GetLearningRate() => Run(_constant);

    /// <summary><c>Schedules.Step(0.1, stepSize: 10_000, gamma: 0.5)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 0.5)]
    public double Step_GetLearningRate() => Run(_step);

    /// <summary><c>Schedules.MultiStep(0.1, [30_000, 60_000, 80_000], gamma: 0.1)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 0.5)]
    public double MultiStep_GetLearningRate() => Run(_multiStep);

    /// <summary><c>Schedules.PiecewiseConstant([20_000, 50_000, 80_000], [0.1, 0.05, 0.01, 0.001])</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 0.5)]
    public double PiecewiseConstant_GetLearningRate() => Run(_piecewiseConstant);

    /// <summary><c>Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000, staircase: true)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 0.5)]
    public double ExponentialStaircase_GetLearningRate() => Run(_exponentialStaircase);

    /// <summary><c>Schedules.InverseTime(0.1, decayRate: 0.5, decaySteps: 1_000, staircase: true)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 0.5)]
    public double InverseTimeStaircase_GetLearningRate() => Run(_inverseTimeStaircase);

    /// <summary><c>Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double Exponential_GetLearningRate() => Run(_exponential);

    /// <summary><c>Schedules.InverseTime(0.1, decayRate: 0.5, decaySteps: 1_000)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double InverseTime_GetLearningRate() => Run(_inverseTime);

    /// <summary><c>Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 1.0)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double PolynomialLinear_GetLearningRate() => Run(_polynomialLinear);

    /// <summary><c>Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 2.0)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double PolynomialSquare_GetLearningRate() => Run(_polynomialSquare);

    /// <summary><c>Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 0.5)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double PolynomialSqrt_GetLearningRate() => Run(_polynomialSqrt);

    /// <summary><c>Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 1.5)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double PolynomialThreeHalves_GetLearningRate() => Run(_polynomialThreeHalves);

    /// <summary><c>Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 1.7)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double PolynomialGeneralPower_GetLearningRate() => Run(_polynomialGeneralPower);

    /// <summary><c>Schedules.Polynomial(0.1, decaySteps: 30_000, endLr: 0.001, power: 2.0, cycle: true)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double PolynomialCycle_GetLearningRate() => Run(_polynomialCycle);

    /// <summary><c>Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double Cosine_GetLearningRate() => Run(_cosine);

    /// <summary><c>Schedules.Linear(0.1, 0.001, totalSteps: Horizon)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double Linear_GetLearningRate() => Run(_linear);

    /// <summary><c>Schedules.OneCycle(0.1, totalSteps: Horizon)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double OneCycleCos_GetLearningRate() => Run(_oneCycleCos);

    /// <summary><c>Schedules.OneCycle(0.1, totalSteps: Horizon, annealStrategy: AnnealStrategy.Linear, threePhase: true)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double OneCycleLinearThreePhase_GetLearningRate() => Run(_oneCycleLinearThreePhase);

    /// <summary><c>Schedules.Cyclic(0.001, 0.006, stepSizeUp: 2_000)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double CyclicTriangular_GetLearningRate() => Run(_cyclicTriangular);

    /// <summary><c>Schedules.Cyclic(0.001, 0.006, stepSizeUp: 2_000, mode: CyclicMode.Triangular2)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double CyclicTriangular2_GetLearningRate() => Run(_cyclicTriangular2);

    /// <summary><c>Schedules.Cyclic(0.001, 0.006, stepSizeUp: 2_000, mode: CyclicMode.ExponentialRange, gamma: 0.99994)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double CyclicExpRange_GetLearningRate() => Run(_cyclicExpRange);

    /// <summary><c>Schedules.OneCycleMomentum(totalSteps: Horizon)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double OneCycleMomentum_GetLearningRate() => Run(_oneCycleMomentum);

    /// <summary><c>Schedules.CyclicMomentum(0.8, 0.9, stepSizeUp: 2_000, mode: CyclicMode.Triangular2)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double CyclicMomentumTriangular2_GetLearningRate() => Run(_cyclicMomentumTriangular2);

    /// <summary><c>Schedules.InverseSqrt(0.002, warmupSteps: 4_000)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double InverseSqrt_GetLearningRate() => Run(_inverseSqrt);

    /// <summary><c>Schedules.WarmupStableDecay(0.001, warmupSteps: 2_000, stableSteps: 78_000, decaySteps: 20_000, minLrRatio: 0.1)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double WarmupStableDecay_GetLearningRate() => Run(_warmupStableDecay);

    /// <summary><c>Schedules.WarmupStableDecay(0.001, warmupSteps: 2_000, stableSteps: 18_000, decaySteps: 80_000, minLrRatio: 0.1, warmupShape: RampShape.Cosine, decayShape: RampShape.OneMinusSqrt)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double WarmupStableDecaySqrt_GetLearningRate() => Run(_warmupStableDecaySqrt);

    /// <summary><c>Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 2.0, mMul: 0.9, minLr: 0.001)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double CosineRestarts_GetLearningRate() => Run(_cosineRestarts);

    /// <summary><c>Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 1.5, mMul: 0.8, minLr: 0.001)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double CosineRestartsFractionalTMul_GetLearningRate() => Run(_cosineRestartsFractionalTMul);

    /// <summary><c>Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 1.0, mMul: 0.9, minLr: 0.001)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double CosineRestartsEqualPeriods_GetLearningRate() => Run(_cosineRestartsEqualPeriods);

    /// <summary><c>Schedules.PiecewiseLinear([0, 5_000, 80_000, Horizon], [0.0, 0.1, 0.01, 0.001], PiecewiseInterpolation.Cosine)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double PiecewiseLinearCosine_GetLearningRate() => Run(_piecewiseLinearCosine);

    /// <summary><c>Schedules.Rex(0.1, totalSteps: Horizon, minLr: 0.001)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 1.0)]
    public double Rex_GetLearningRate() => Run(_rex);

    /// <summary><c>Schedules.Tanh(0.1, decaySteps: Horizon, minLr: 0.001)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double Tanh_GetLearningRate() => Run(_tanh);

    /// <summary><c>Schedules.RangeTest(1e-7, 10.0, steps: Horizon)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double RangeTest_GetLearningRate() => Run(_rangeTest);

    /// <summary><c>Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001, kDecay: 2.0)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double CosineKDecay_GetLearningRate() => Run(_cosineKDecay);

    /// <summary><c>Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001, kDecay: 0.7)</c>: a <c>kDecay</c> that takes the power.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double CosineKDecayGeneral_GetLearningRate() => Run(_cosineKDecayGeneral);

    /// <summary><c>Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 1.5, mMul: 0.8, minLr: 0.001, kDecay: 0.7, cycleLimit: 50, mMulMode: MMulMode.Peak)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double CosineRestartsTimm_GetLearningRate() => Run(_cosineRestartsTimm);

    /// <summary><c>Schedules.InverseSqrt(0.002, warmupSteps: 1_000, power: 0.3)</c>.</summary>
    /// <returns>The sum of the rates.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    [Target(ExpFloorName, 2.0)]
    public double InverseSqrtPower_GetLearningRate() => Run(_inverseSqrtPower);
}
