using LrDecay.Tests.Support;

namespace LrDecay.Tests.Composites;

public sealed class WarmupScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new WarmupSchedule(new CosineSchedule(0.05, 200), 20);

    [Theory]
    [InlineData(0L, 0.0)]
    [InlineData(5L, 0.0125)]
    [InlineData(19L, 0.0475)]
    [InlineData(20L, 0.05)]
    [InlineData(120L, 0.025)]
    [InlineData(220L, 0.0)]
    public void GetLearningRate_RampsToInnerStartThenShifts(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void GetLearningRate_StartLr_RampsFromIt()
    {
        var schedule = new WarmupSchedule(new ConstantSchedule(1.0), 4, 0.2);
        LrAssert.At(schedule, 0, 0.2);
        LrAssert.At(schedule, 2, 0.6);
        LrAssert.At(schedule, 4, 1.0);
    }

    [Fact]
    public void WithWarmup_ReadsInTrainingOrder()
    {
        ILearningRateSchedule schedule = Schedules.Cosine(3e-4, 10_000).WithWarmup(500);
        LrAssert.At(schedule, 250, 1.5e-4);
        LrAssert.At(schedule, 500, 3e-4);
        LrAssert.At(schedule, 5_500, 1.5e-4);
        schedule.GetLearningRate(10_500).Should().Be(0.0);
    }

    [Fact]
    public void Ctor_NullInner_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new WarmupSchedule(null!, 5)).ParamName.Should().Be("schedule");

    [Fact]
    public void Ctor_ZeroWarmupSteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupSchedule(new ConstantSchedule(1), 0)).ParamName.Should().Be("warmupSteps");
}

public sealed class SequenceScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() =>
        new SequenceSchedule([new LinearSchedule(0.0, 0.02, 30), new ExponentialSchedule(0.02, 0.5, 10), new ConstantSchedule(0.001)], [30, 100]);

    [Theory]
    [InlineData(0L, 0.0)]
    [InlineData(29L, 0.02 * 29 / 30)]
    [InlineData(30L, 0.02)]
    [InlineData(40L, 0.01)]
    [InlineData(100L, 0.001)]
    [InlineData(long.MaxValue, 0.001)]
    public void GetLearningRate_EachScheduleFromItsOwnStepZero(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void GetLearningRate_LastStepOfMiddleSchedule() => LrAssert.At(Create(), 99, 0.02 * Math.Pow(0.5, 6.9));

    [Fact]
    public void Then_ExtendsASequence()
    {
        SequenceSchedule schedule = new ConstantSchedule(1.0).Then(10, new ConstantSchedule(0.5)).Then(20, new ConstantSchedule(0.25));
        schedule.Schedules.Should().HaveCount(3);
        schedule.Boundaries.Should().Equal(10, 20);
        schedule.GetLearningRate(19).Should().Be(0.5);
        schedule.GetLearningRate(20).Should().Be(0.25);
    }

    [Fact]
    public void OneSchedule_EqualsInner()
    {
        var inner = new CosineSchedule(0.1, 100);
        var schedule = new SequenceSchedule([inner], []);
        for (long t = 0; t < 150; t++)
        {
            schedule.GetLearningRate(t).Should().Be(inner.GetLearningRate(t));
        }
    }

    [Fact]
    public void Ctor_Empty_Throws() =>
        Assert.Throws<ArgumentException>(() => new SequenceSchedule([], [])).ParamName.Should().Be("schedules");

    [Fact]
    public void Ctor_BoundaryCountMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SequenceSchedule([new ConstantSchedule(1)], [30]));
        ex.ParamName.Should().Be("boundaries");
        ex.Message.Should().Contain("got 1 boundaries for 1 schedules");
    }

    [Fact]
    public void Ctor_NullChild_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new SequenceSchedule([new ConstantSchedule(1), null!], [3])).Message.Should().Contain("schedules[1]");
}

public sealed class ChainScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() =>
        new ChainSchedule([new LinearSchedule(0.005, 0.01, 6), new ExponentialSchedule(0.01, 0.93)]);

    [Theory]
    [InlineData(0L)]
    [InlineData(3L)]
    [InlineData(6L)]
    [InlineData(50L)]
    public void GetLearningRate_BaseTimesNormalisedFactors(long step)
    {
        double expected = new LinearSchedule(0.005, 0.01, 6).GetLearningRate(step) * Math.Pow(0.93, step);
        LrAssert.At(Create(), step, expected);
    }

    [Fact]
    public void OneSchedule_EqualsInner() =>
        new ChainSchedule([new StepSchedule(0.1, 3, 0.5)]).GetLearningRate(7).Should().Be(0.025);

    [Fact]
    public void Ctor_FactorStartingAtZero_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ChainSchedule([new ConstantSchedule(0.1), new LinearSchedule(0.0, 1.0, 10)]));
        ex.ParamName.Should().Be("schedules");
        ex.Message.Should().Contain("schedules[1] starts at '0'");
    }

    [Fact]
    public void ChainedWith_AppendsFactors() =>
        new ConstantSchedule(0.1).ChainedWith(new StepSchedule(2.0, 1, 0.5)).GetLearningRate(2).Should().Be(0.025);
}

public sealed class ScaleScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new ScaleSchedule(new ExponentialSchedule(0.5, 0.97), 0.1);

    [Fact]
    public void GetLearningRate_MultipliesInner() => LrAssert.At(Create(), 10, 0.1 * 0.5 * Math.Pow(0.97, 10));

    [Fact]
    public void ScaleByOne_EqualsInner()
    {
        var inner = new CosineSchedule(0.1, 50);
        ILearningRateSchedule scaled = inner.Scaled(1.0);
        for (long t = 0; t < 60; t++)
        {
            scaled.GetLearningRate(t).Should().Be(inner.GetLearningRate(t));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Ctor_BadFactor_Throws(double factor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaleSchedule(new ConstantSchedule(1), factor)).ParamName.Should().Be("factor");
}

public sealed class ClampScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new ClampSchedule(new ExponentialSchedule(0.02, 0.9, 10), 0.002, 0.015);

    [Theory]
    [InlineData(0L, 0.015)]
    [InlineData(100L, 0.02 * 0.3486784401)]
    [InlineData(1_000L, 0.002)]
    public void GetLearningRate_HeldWithinBounds(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void Clamped_NoUpperBound_ByDefault()
    {
        ClampSchedule schedule = new ConstantSchedule(5.0).Clamped(minLr: 1.0);
        schedule.MaxLr.Should().Be(double.PositiveInfinity);
        schedule.GetLearningRate(0).Should().Be(5.0);
    }

    [Fact]
    public void Ctor_MaxBelowMin_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ClampSchedule(new ConstantSchedule(1), 0.5, 0.1));
        ex.ParamName.Should().Be("maxLr");
        ex.Message.Should().Contain("maxLr ('0.1') must be greater than or equal to minLr ('0.5')");
    }
}

public sealed class PerEpochScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new StepSchedule(0.1, 30, 0.1).PerEpoch(390);

    [Theory]
    [InlineData(0L, 0.1)]
    [InlineData((30 * 390) - 1L, 0.1)]
    [InlineData(30 * 390L, 0.01)]
    public void GetLearningRate_AdvancesOncePerEpoch(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void Ctor_ZeroStepsPerEpoch_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantSchedule(1).PerEpoch(0)).ParamName.Should().Be("stepsPerEpoch");
}
