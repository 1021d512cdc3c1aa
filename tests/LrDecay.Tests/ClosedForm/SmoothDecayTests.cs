using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class ExponentialScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new ExponentialSchedule(0.1, 0.96, 1000);

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(999L)]
    [InlineData(1000L)]
    [InlineData(28_125L)]
    [InlineData(1_000_000L)]
    public void GetLearningRate_Continuous_MatchesPow(long step) =>
        LrAssert.At(Create(), step, 0.1 * Math.Pow(0.96, step / 1000.0));

    [Fact]
    public void GetLearningRate_KerasMnistExample_DoublePrecision() =>
        LrAssert.At(new ExponentialSchedule(0.1, 0.96, 1000, staircase: true), 28_125, 0.031885594968609536);

    [Fact]
    public void Staircase_ConstantBetweenBoundaries_AndNeverBelowContinuous()
    {
        var stairs = new ExponentialSchedule(0.2, 0.7, 50, staircase: true);
        var smooth = new ExponentialSchedule(0.2, 0.7, 50);
        for (long t = 0; t < 500; t++)
        {
            stairs.GetLearningRate(t).Should().Be(stairs.GetLearningRate(t - (t % 50)));
            stairs.GetLearningRate(t).Should().BeGreaterThanOrEqualTo(smooth.GetLearningRate(t) * (1 - 1e-15));
            if (t % 50 == 0)
            {
                LrAssert.Close(smooth.GetLearningRate(t), stairs.GetLearningRate(t));
            }
        }
    }

    [Fact]
    public void GetLearningRate_FarPast_UnderflowsToZero()
    {
        new ExponentialSchedule(0.1, 0.5).GetLearningRate(long.MaxValue).Should().Be(0.0);
        new ExponentialSchedule(0.1, 0.5, staircase: true).GetLearningRate(long.MaxValue).Should().Be(0.0);
    }

    [Fact]
    public void FromRate_IsLr0TimesExpMinusKt()
    {
        ExponentialSchedule schedule = Schedules.ExponentialFromRate(0.5, 0.01);
        LrAssert.At(schedule, 0, 0.5);
        LrAssert.At(schedule, 100, 0.5 * Math.Exp(-1.0));
        LrAssert.At(schedule, 1234, 0.5 * Math.Exp(-12.34), 1e-12);
    }

    [Fact]
    public void FromRate_NegativeRate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.ExponentialFromRate(0.5, -0.1)).ParamName.Should().Be("k");

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    public void Ctor_BadDecayRate_Throws(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSchedule(0.1, rate)).ParamName.Should().Be("decayRate");

    [Fact]
    public void Ctor_ZeroDecaySteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSchedule(0.1, 0.5, 0)).ParamName.Should().Be("decaySteps");
}

public sealed class InverseTimeScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new InverseTimeSchedule(0.03, 1.5, 20);

    [Theory]
    [InlineData(0L)]
    [InlineData(19L)]
    [InlineData(20L)]
    [InlineData(21L)]
    [InlineData(12_345L)]
    public void GetLearningRate_Continuous(long step) => LrAssert.At(Create(), step, 0.03 / (1 + (1.5 * step / 20.0)));

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(19L, 0)]
    [InlineData(20L, 1)]
    [InlineData(39L, 1)]
    [InlineData(40L, 2)]
    public void GetLearningRate_Staircase_FloorsP(long step, int p) =>
        LrAssert.At(new InverseTimeSchedule(0.03, 1.5, 20, staircase: true), step, 0.03 / (1 + (1.5 * p)));

    [Fact]
    public void GetLearningRate_ZeroDecayRate_Constant() =>
        new InverseTimeSchedule(0.03, 0.0).GetLearningRate(long.MaxValue).Should().Be(0.03);

    [Fact]
    public void Ctor_NegativeDecayRate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new InverseTimeSchedule(0.1, -1.0)).ParamName.Should().Be("decayRate");
}

public sealed class PolynomialScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new PolynomialSchedule(0.02, 200, 0.002, 2.0);

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(100L)]
    [InlineData(199L)]
    public void GetLearningRate_BeforeEnd(long step) =>
        LrAssert.At(Create(), step, ((0.02 - 0.002) * Math.Pow(1 - (step / 200.0), 2)) + 0.002);

    [Theory]
    [InlineData(200L)]
    [InlineData(201L)]
    [InlineData(long.MaxValue)]
    public void GetLearningRate_AtAndPastEnd_HoldsEndLr(long step) => Create().GetLearningRate(step).Should().Be(0.002);

    [Theory]
    [InlineData(0L, 40.0)]
    [InlineData(1L, 40.0)]
    [InlineData(39L, 40.0)]
    [InlineData(40L, 40.0)]
    [InlineData(41L, 80.0)]
    [InlineData(80L, 80.0)]
    [InlineData(81L, 120.0)]
    public void GetLearningRate_Cycle_DecayStepsGrowsWithCeil(long step, double period) =>
        LrAssert.At(new PolynomialSchedule(0.3, 40, 0.01, 1.0, cycle: true), step, ((0.3 - 0.01) * (1 - (step / period))) + 0.01);

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(3.0)]
    [InlineData(0.37)]
    [InlineData(7.25)]
    [InlineData(12.0)]
    public void GetLearningRate_AnyPower_MatchesPow(double power)
    {
        var schedule = new PolynomialSchedule(0.5, 80, 0.0, power);
        for (long t = 0; t <= 80; t++)
        {
            LrAssert.At(schedule, t, 0.5 * Math.Pow(1 - (t / 80.0), power), 1e-13);
        }
    }

    [Fact]
    public void Ctor_ZeroPower_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolynomialSchedule(0.1, 10, power: 0.0)).ParamName.Should().Be("power");
}

public sealed class CosineScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new CosineSchedule(0.05, 300, 0.01);

    [Fact]
    public void GetLearningRate_Endpoints()
    {
        ILearningRateSchedule schedule = Create();
        schedule.GetLearningRate(0).Should().Be(0.05);
        LrAssert.At(schedule, 150, 0.03);
        schedule.GetLearningRate(300).Should().Be(0.01);
        schedule.GetLearningRate(301).Should().Be(0.01);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.01);
    }

    [Fact]
    public void GetLearningRate_NonIncreasing()
    {
        ILearningRateSchedule schedule = Create();
        for (long t = 1; t <= 310; t++)
        {
            schedule.GetLearningRate(t).Should().BeLessThanOrEqualTo(schedule.GetLearningRate(t - 1));
        }
    }

    [Fact]
    public void GetLearningRate_MinAboveInitial_RisesLikePyTorch()
    {
        var schedule = new CosineSchedule(0.01, 10, 0.03);
        LrAssert.At(schedule, 5, 0.02);
        schedule.GetLearningRate(10).Should().Be(0.03);
    }
}

public sealed class LinearScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new LinearSchedule(0.002, 0.004, 8);

    [Theory]
    [InlineData(0L, 0.002)]
    [InlineData(4L, 0.003)]
    [InlineData(8L, 0.004)]
    [InlineData(9L, 0.004)]
    [InlineData(long.MaxValue, 0.004)]
    public void GetLearningRate_Interpolates(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void Ctor_ZeroTotalSteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearSchedule(0.1, 0.0, 0)).ParamName.Should().Be("totalSteps");
}

public sealed class InverseSqrtScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new InverseSqrtSchedule(0.002, 100);

    [Theory]
    [InlineData(0L, 0.0)]
    [InlineData(50L, 0.001)]
    [InlineData(99L, 0.00198)]
    [InlineData(100L, 0.002)]
    [InlineData(400L, 0.002 / 2.0)]
    public void GetLearningRate_WarmupThenInverseSqrt(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void Timescale_DefaultsTo10000WithoutWarmup()
    {
        var schedule = new InverseSqrtSchedule(0.01);
        schedule.Timescale.Should().Be(10_000);
        LrAssert.At(schedule, 0, 0.01);
        LrAssert.At(schedule, 30_000, 0.01 / 2.0);
    }

    [Fact]
    public void Timescale_Explicit()
    {
        var schedule = new InverseSqrtSchedule(0.01, 10, 40);
        LrAssert.At(schedule, 10, 0.01);
        LrAssert.At(schedule, 130, 0.01 / 2.0);
    }

    [Fact]
    public void Ctor_ZeroTimescale_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new InverseSqrtSchedule(0.01, 10, 0)).ParamName.Should().Be("timescale");
}
