using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class CosineRestartsScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new CosineRestartsSchedule(0.2, 30, 2.0, 0.9);

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(30L, 1)]
    [InlineData(90L, 2)]
    [InlineData(210L, 3)]
    [InlineData(450L, 4)]
    public void GetLearningRate_AtEachRestart_PeakDecaysByMMul(long step, int period) =>
        LrAssert.At(Create(), step, 0.2 * Math.Pow(0.9, period));

    [Fact]
    public void GetLearningRate_JustBeforeRestart_NearMin()
    {
        ILearningRateSchedule schedule = Create();
        LrAssert.At(schedule, 29, 0.2 * (1 + Math.Cos(Math.PI * 29 / 30)) / 2);
        LrAssert.At(schedule, 89, 0.2 * 0.9 * (1 + Math.Cos(Math.PI * 59 / 60)) / 2);
    }

    [Fact]
    public void GetLearningRate_TMul3AtExactRestart_IsExact()
    {
        // Keras estimates the period as floor(log(243)/log(3)) = 4 at t = 363; the exact index is 5.
        var schedule = new CosineRestartsSchedule(1.0, 3, 3.0);
        schedule.GetLearningRate(363).Should().Be(1.0);
        LrAssert.At(schedule, 362, (1 + Math.Cos(Math.PI * 242 / 243)) / 2);
    }

    [Fact]
    public void GetLearningRate_TMulOne_FixedPeriods()
    {
        var schedule = new CosineRestartsSchedule(0.08, 12, 1.0, 0.7, 0.008);
        LrAssert.At(schedule, 24, 0.008 + (0.072 * 0.49));
        LrAssert.At(schedule, 30, 0.008 + (0.072 * 0.49 * 0.5));
    }

    [Fact]
    public void GetLearningRate_FractionalTMul_RestartsAtGeometricSums()
    {
        var schedule = new CosineRestartsSchedule(1.0, 4, 1.5);
        // Periods 4, 6, 9, 13.5: restarts at 4, 10, 19, 32.5.
        schedule.GetLearningRate(4).Should().Be(1.0);
        schedule.GetLearningRate(10).Should().Be(1.0);
        schedule.GetLearningRate(19).Should().Be(1.0);
        LrAssert.At(schedule, 32, (1 + Math.Cos(Math.PI * 13 / 13.5)) / 2);
        LrAssert.At(schedule, 33, (1 + Math.Cos(Math.PI * 0.5 / 20.25)) / 2);
    }

    [Fact]
    public void GetLearningRate_HugeSteps_Finite()
    {
        foreach (double tMul in new[] { 1.0, 1.0001, 1.5, 2.0, 3.0, 1e9 })
        {
            var schedule = new CosineRestartsSchedule(0.1, 7, tMul, 0.5);
            foreach (long t in FarSteps)
            {
                double lr = schedule.GetLearningRate(t);
                Assert.True(double.IsFinite(lr) && lr >= 0 && lr <= 0.1, $"tMul {tMul} step {t}: {lr}");
            }
        }
    }

    [Theory]
    [InlineData(0.5, "tMul")]
    [InlineData(double.PositiveInfinity, "tMul")]
    public void Ctor_BadTMul_Throws(double tMul, string param) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineRestartsSchedule(0.1, 5, tMul)).ParamName.Should().Be(param);

    [Fact]
    public void Ctor_NegativeMMul_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineRestartsSchedule(0.01, 5, mMul: -0.5)).ParamName.Should().Be("mMul");
}

public sealed class OneCycleScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new OneCycleSchedule(0.05, 60, 0.2);

    [Fact]
    public void GetLearningRate_Landmarks()
    {
        var schedule = new OneCycleSchedule(0.05, 60, 0.2);
        LrAssert.At(schedule, 0, 0.05 / 25);
        LrAssert.At(schedule, 11, 0.05);
        LrAssert.At(schedule, 59, 0.05 / 25 / 1e4);
        schedule.InitialLr.Should().Be(0.05 / 25);
        schedule.FinalLr.Should().Be(0.05 / 25 / 1e4);
    }

    [Theory]
    [InlineData(60L)]
    [InlineData(61L)]
    [InlineData(long.MaxValue)]
    public void GetLearningRate_PastTotalSteps_HoldsFinalLr(long step) =>
        Create().GetLearningRate(step).Should().Be(Create().GetLearningRate(59));

    [Fact]
    public void GetLearningRate_ThreePhaseLinear_ReturnsToInitialBeforeFinal()
    {
        var schedule = new OneCycleSchedule(0.3, 100, 0.25, AnnealStrategy.Linear, threePhase: true);
        LrAssert.At(schedule, 0, 0.012);
        LrAssert.At(schedule, 24, 0.3);
        LrAssert.At(schedule, 48, 0.012);
        LrAssert.At(schedule, 99, 0.012 / 1e4);
    }

    [Fact]
    public void Ctor_FirstPhaseOfZeroLength_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleSchedule(0.1, 10, 0.1));
        ex.ParamName.Should().Be("pctStart");
        ex.Message.Should().Contain("zero length");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Ctor_PctStartOutsideOpenInterval_Throws(double pct) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleSchedule(0.1, 100, pct)).ParamName.Should().Be("pctStart");

    [Fact]
    public void Ctor_DivFactorOverflowsInitialLr_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleSchedule(1e300, 100, divFactor: 1e-10));
        ex.ParamName.Should().Be("divFactor");
    }

    [Fact]
    public void Ctor_ZeroFinalDivFactor_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleSchedule(0.1, 100, finalDivFactor: 0)).ParamName.Should().Be("finalDivFactor");
}

public sealed class CyclicScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new CyclicSchedule(0.001, 0.006, 20, mode: CyclicMode.Triangular2);

    [Theory]
    [InlineData(0L, 0.001)]
    [InlineData(10L, 0.0035)]
    [InlineData(20L, 0.006)]
    [InlineData(30L, 0.0035)]
    [InlineData(40L, 0.001)]
    [InlineData(80L, 0.001)]
    public void GetLearningRate_Triangular(long step, double expected) =>
        LrAssert.At(new CyclicSchedule(0.001, 0.006, 20), step, expected);

    [Theory]
    [InlineData(20L, 0.006)]
    [InlineData(60L, 0.0035)]
    [InlineData(100L, 0.00225)]
    public void GetLearningRate_Triangular2_HalvesEachCycle(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void GetLearningRate_ExpRange_ScalesByGammaPowT()
    {
        var schedule = new CyclicSchedule(0.01, 0.05, 15, mode: CyclicMode.ExponentialRange, gamma: 0.99);
        LrAssert.At(schedule, 15, 0.01 + (0.04 * Math.Pow(0.99, 15)));
        LrAssert.At(schedule, 45, 0.01 + (0.04 * Math.Pow(0.99, 45)));
    }

    [Fact]
    public void GetLearningRate_Asymmetric()
    {
        var schedule = new CyclicSchedule(0.0, 1.0, 2, 6);
        LrAssert.At(schedule, 1, 0.5);
        LrAssert.At(schedule, 2, 1.0);
        LrAssert.At(schedule, 5, 0.5);
        LrAssert.At(schedule, 8, 0.0);
    }

    [Fact]
    public void StepSizeDown_DefaultsToStepSizeUp() => new CyclicSchedule(0.1, 0.2, 7).StepSizeDown.Should().Be(7);

    [Fact]
    public void Ctor_ExpRangeGammaAboveOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CyclicSchedule(0.1, 0.2, mode: CyclicMode.ExponentialRange, gamma: 1.01))
            .ParamName.Should().Be("gamma");
}

public sealed class WarmupStableDecayScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() =>
        new WarmupStableDecaySchedule(0.001, 20, 60, 40, 0.1, RampShape.Linear, RampShape.Cosine);

    [Theory]
    [InlineData(0L, 0.0001)]
    [InlineData(10L, 0.00055)]
    [InlineData(20L, 0.001)]
    [InlineData(79L, 0.001)]
    [InlineData(80L, 0.001)]
    [InlineData(100L, 0.00055)]
    [InlineData(120L, 0.0001)]
    [InlineData(long.MaxValue, 0.0001)]
    public void GetLearningRate_Phases(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Theory]
    [InlineData(RampShape.Linear, 0.25)]
    [InlineData(RampShape.Cosine, 0.14644660940672624)]
    [InlineData(RampShape.OneMinusSqrt, 0.1339745962155614)]
    public void WarmupShapes_AtQuarter(RampShape shape, double factor) =>
        LrAssert.At(new WarmupStableDecaySchedule(1.0, 4, 0, 4, 0.0, shape), 1, factor);

    [Theory]
    [InlineData(RampShape.Linear, 0.75)]
    [InlineData(RampShape.Cosine, 0.8535533905932737)]
    [InlineData(RampShape.OneMinusSqrt, 0.5)]
    public void DecayShapes_AtQuarter(RampShape shape, double factor) =>
        LrAssert.At(new WarmupStableDecaySchedule(1.0, 0, 0, 4, 0.0, RampShape.Linear, shape), 1, factor);

    [Fact]
    public void Ctor_MinLrRatioAboveOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupStableDecaySchedule(0.1, 1, 1, 1, 1.5)).ParamName.Should().Be("minLrRatio");
}
