using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LrDecay.Benchmarks;

/// <summary>
/// Every schedule type per call through the interface, from step 0 and from far starts: each invocation asks for
/// <see cref="FloorBenchmarks.Steps"/> consecutive steps from <see cref="Start"/> on (the counter wraps 1,000,000 steps after it), so
/// a cost that grows with the step shows as a ratio to the same schedule's cost near step 0 (<c>xNear</c>).
/// </summary>
[Config(typeof(NearColumnConfig))]
public class FarStepBenchmarks : FloorBenchmarks
{
    private const long Span = 1_000_000;

    private readonly ILearningRateSchedule _constant = Schedules.Constant(0.1);
    private readonly ILearningRateSchedule _step = Schedules.Step(0.1, stepSize: 1_000, gamma: 0.5);
    private readonly ILearningRateSchedule _multiStep = Schedules.MultiStep(0.1, [30_000, 60_000, 80_000], gamma: 0.1);
    private readonly ILearningRateSchedule _piecewiseConstant = Schedules.PiecewiseConstant([20_000, 50_000, 80_000], [0.1, 0.05, 0.01, 0.001]);
    private readonly ILearningRateSchedule _exponential = Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000);
    private readonly ILearningRateSchedule _exponentialStaircase = Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000, staircase: true);
    private readonly ILearningRateSchedule _inverseTime = Schedules.InverseTime(0.1, decayRate: 0.5, decaySteps: 1_000);
    private readonly ILearningRateSchedule _inverseTimeStaircase = Schedules.InverseTime(0.1, decayRate: 0.5, decaySteps: 1_000, staircase: true);
    private readonly ILearningRateSchedule _polynomial = Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 2.0);
    private readonly ILearningRateSchedule _polynomialGeneralPower = Schedules.Polynomial(0.1, decaySteps: Horizon, endLr: 0.001, power: 1.7);
    private readonly ILearningRateSchedule _polynomialCycle = Schedules.Polynomial(0.1, decaySteps: 30_000, endLr: 0.001, power: 2.0, cycle: true);
    private readonly ILearningRateSchedule _cosine = Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001);
    private readonly ILearningRateSchedule _cosineRestartsEqual = Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 1.0, mMul: 0.9, minLr: 0.001);
    private readonly ILearningRateSchedule _cosineRestartsDoubling = Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 2.0, mMul: 0.9, minLr: 0.001);
    private readonly ILearningRateSchedule _cosineRestartsFractional = Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 1.5, mMul: 0.8, minLr: 0.001);
    private readonly ILearningRateSchedule _cosineKDecay = Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001, kDecay: 2.0);
    private readonly ILearningRateSchedule _cosineRestartsTimm = Schedules.CosineRestarts(0.1, firstDecaySteps: 3_000, tMul: 1.5, mMul: 0.8, minLr: 0.001, kDecay: 1.5, cycleLimit: 40, mMulMode: MMulMode.Peak);
    private readonly ILearningRateSchedule _inverseSqrtPower = Schedules.InverseSqrt(0.002, warmupSteps: 4_000, power: 0.75);
    private readonly ILearningRateSchedule _linear = Schedules.Linear(0.1, 0.001, totalSteps: Horizon);
    private readonly ILearningRateSchedule _oneCycle = Schedules.OneCycle(0.1, totalSteps: Horizon);
    private readonly ILearningRateSchedule _cyclicTriangular = Schedules.Cyclic(0.001, 0.006, stepSizeUp: 2_000);
    private readonly ILearningRateSchedule _cyclicTriangular2 = Schedules.Cyclic(0.001, 0.006, stepSizeUp: 2_000, mode: CyclicMode.Triangular2);
    private readonly ILearningRateSchedule _cyclicExpRange = Schedules.Cyclic(0.001, 0.006, stepSizeUp: 2_000, mode: CyclicMode.ExponentialRange, gamma: 0.99994);
    private readonly ILearningRateSchedule _oneCycleMomentum = Schedules.OneCycleMomentum(totalSteps: Horizon);
    private readonly ILearningRateSchedule _cyclicMomentumTriangular2 = Schedules.CyclicMomentum(0.8, 0.9, stepSizeUp: 2_000, mode: CyclicMode.Triangular2);
    private readonly ILearningRateSchedule _inverseSqrt = Schedules.InverseSqrt(0.002, warmupSteps: 4_000);
    private readonly ILearningRateSchedule _warmupStableDecay = Schedules.WarmupStableDecay(0.001, warmupSteps: 2_000, stableSteps: 78_000, decaySteps: 20_000, minLrRatio: 0.1);
    private readonly ILearningRateSchedule _piecewiseLinear = Schedules.PiecewiseLinear([0, 5_000, 80_000, Horizon], [0.0, 0.1, 0.01, 0.001], PiecewiseInterpolation.Cosine);
    private readonly ILearningRateSchedule _rex = Schedules.Rex(0.1, totalSteps: Horizon, minLr: 0.001);
    private readonly ILearningRateSchedule _rangeTest = Schedules.RangeTest(1e-7, 1.0, steps: Horizon);
    private readonly ILearningRateSchedule _warmup = Schedules.Cosine(0.1, decaySteps: Horizon - 5_000, minLr: 0.001).WithWarmup(5_000);
    private readonly ILearningRateSchedule _sequence = Schedules.Linear(0.0, 0.1, totalSteps: 1_000)
        .Then(1_000, Schedules.Constant(0.1))
        .Then(50_000, Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000));

    private readonly ILearningRateSchedule _chain = Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000)
        .ChainedWith(Schedules.Step(1.0, stepSize: 1_000, gamma: 0.5));

    private readonly ILearningRateSchedule _scale = Schedules.Cosine(0.1, decaySteps: Horizon, minLr: 0.001).Scaled(0.5);
    private readonly ILearningRateSchedule _clamp = Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000).Clamped(minLr: 0.005);
    private readonly ILearningRateSchedule _perEpoch = Schedules.Step(0.1, stepSize: 30, gamma: 0.1).PerEpoch(390);
    private readonly ILearningRateSchedule _cooldown = Schedules.InverseSqrt(0.001, timescale: 1_000).CooldownFrom(80_000, 1L << 62, endLr: 1e-5);
    private readonly ILearningRateSchedule _plateauConstant = Schedules.Plateau(0.1, factor: 0.5);
    private readonly ILearningRateSchedule _plateauOverExponential = new PlateauSchedule(Schedules.Exponential(0.1, decayRate: 0.96, decaySteps: 1_000), factor: 0.5);
    private long _next;

    /// <summary>The first step: 0 (near), or a far start.</summary>
    [Params(0L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L, 1L << 62)]
    public long Start { get; set; }

    /// <summary>Starts the counter at <see cref="Start"/>.</summary>
    [GlobalSetup]
    public void Setup() => _next = Start;

    /// <summary>constant.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Constant() => From(_constant);

    /// <summary>step (stepSize 1000, gamma 0.5).</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Step() => From(_step);

    /// <summary>multiStep.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double MultiStep() => From(_multiStep);

    /// <summary>piecewiseConstant.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double PiecewiseConstant() => From(_piecewiseConstant);

    /// <summary>exponential, smooth (0.96 per 1000 steps).</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Exponential() => From(_exponential);

    /// <summary>exponential, staircase (0.96 per 1000 steps).</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double ExponentialStaircase() => From(_exponentialStaircase);

    /// <summary>inverseTime, smooth.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double InverseTime() => From(_inverseTime);

    /// <summary>inverseTime, staircase.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double InverseTimeStaircase() => From(_inverseTimeStaircase);

    /// <summary>polynomial, power 2.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Polynomial() => From(_polynomial);

    /// <summary>polynomial, power 1.7 (the general power).</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double PolynomialGeneralPower() => From(_polynomialGeneralPower);

    /// <summary>polynomial with cycle.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double PolynomialCycle() => From(_polynomialCycle);

    /// <summary>cosine.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Cosine() => From(_cosine);

    /// <summary>cosineRestarts, tMul 1.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double CosineRestartsTMul1() => From(_cosineRestartsEqual);

    /// <summary>cosineRestarts, tMul 2.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double CosineRestartsTMul2() => From(_cosineRestartsDoubling);

    /// <summary>cosineRestarts, tMul 1.5.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double CosineRestartsTMul1_5() => From(_cosineRestartsFractional);

    /// <summary>cosine, kDecay 2.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double CosineKDecay() => From(_cosineKDecay);

    /// <summary>cosineRestarts, tMul 1.5, timm's kDecay, cycleLimit and peak mode.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double CosineRestartsTimm() => From(_cosineRestartsTimm);

    /// <summary>linear.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Linear() => From(_linear);

    /// <summary>oneCycle.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double OneCycle() => From(_oneCycle);

    /// <summary>cyclic, triangular.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double CyclicTriangular() => From(_cyclicTriangular);

    /// <summary>cyclic, triangular2.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double CyclicTriangular2() => From(_cyclicTriangular2);

    /// <summary>cyclic, expRange.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double CyclicExpRange() => From(_cyclicExpRange);

    /// <summary>oneCycleMomentum.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double OneCycleMomentum() => From(_oneCycleMomentum);

    /// <summary>cyclicMomentum, triangular2.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double CyclicMomentumTriangular2() => From(_cyclicMomentumTriangular2);

    /// <summary>inverseSqrt.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double InverseSqrt() => From(_inverseSqrt);

    /// <summary>inverseSqrt, power 0.75.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double InverseSqrtPower() => From(_inverseSqrtPower);

    /// <summary>warmupStableDecay.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double WarmupStableDecay() => From(_warmupStableDecay);

    /// <summary>piecewiseLinear, cosine, 4 knots.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double PiecewiseLinear() => From(_piecewiseLinear);

    /// <summary>rex.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Rex() => From(_rex);

    /// <summary>rangeTest, exponential.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double RangeTest() => From(_rangeTest);

    /// <summary>warmup over a cosine.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Warmup() => From(_warmup);

    /// <summary>sequence of 3: linear, constant, exponential (boundaries 1000 and 50000).</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Sequence() => From(_sequence);

    /// <summary>chain: exponential times step.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Chain() => From(_chain);

    /// <summary>scale over a cosine.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Scale() => From(_scale);

    /// <summary>clamp over an exponential.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Clamp() => From(_clamp);

    /// <summary>perEpoch over a step schedule.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double PerEpoch() => From(_perEpoch);

    /// <summary>cooldown over an inverse square root, cooling at every start.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double Cooldown() => From(_cooldown);

    /// <summary>plateau over a constant.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double PlateauConstant() => From(_plateauConstant);

    /// <summary>plateau over an exponential.</summary>
    /// <returns>The last rate.</returns>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double PlateauOverExponential() => From(_plateauOverExponential);

    /// <summary>Asks for the next <see cref="FloorBenchmarks.Steps"/> steps from the counter, which wraps back to <see cref="Start"/>.</summary>
    private double From(ILearningRateSchedule schedule)
    {
        long first = _next;
        double[] rates = Rates;
        for (int i = 0; i < rates.Length; i++)
        {
            rates[i] = schedule.GetLearningRate(first + i);
        }

        _next = first + Steps - Start >= Span ? Start : first + Steps;
        return rates[Steps - 1];
    }

    /// <summary>Adds <see cref="NearRatioColumn"/>.</summary>
    private sealed class NearColumnConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public NearColumnConfig() => AddColumn(new NearRatioColumn());
    }
}

/// <summary>The median of a benchmark divided by the median of the same method, job and class at <c>Start = 0</c>.</summary>
public sealed class NearRatioColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => "RatioToNear";

    /// <inheritdoc/>
    public string ColumnName => "xNear";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 2;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Median divided by the median of the same benchmark from step 0 (Start = 0)";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        BenchmarkCase? near = summary.BenchmarksCases.FirstOrDefault(b =>
            b.Descriptor.Type == benchmarkCase.Descriptor.Type
            && b.Job.Id == benchmarkCase.Job.Id
            && b.Descriptor.WorkloadMethod.Name == benchmarkCase.Descriptor.WorkloadMethod.Name
            && b.Parameters.Items.Any(p => p.Name == nameof(FarStepBenchmarks.Start) && p.Value is long start && start == 0));
        double? median = Results.Median(summary, benchmarkCase);
        double? nearMedian = near is null ? null : Results.Median(summary, near);
        return median is null || nearMedian is null or 0.0 ? "-" : (median.Value / nearMedian.Value).ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
