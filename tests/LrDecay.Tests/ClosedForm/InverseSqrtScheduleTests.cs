using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class InverseSqrtScheduleTests : ScheduleContractTests
{
    private const long TwoTo53 = 1L << 53;

    protected override ILearningRateSchedule Create() => new InverseSqrtSchedule(0.002, 100);

    [Theory]
    [InlineData(0L, 0.0)]
    [InlineData(50L, 0.001)] // warm-up: 0.002 * 50 / 100
    [InlineData(99L, 0.00198)] // 0.002 * 99 / 100
    [InlineData(100L, 0.002)]
    [InlineData(400L, 0.002 / 2.0)] // 0.002 / sqrt(400 / 100)
    public void GetLearningRate_WarmupThenInverseSqrt(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void Timescale_DefaultsTo10000WithoutWarmup()
    {
        var schedule = new InverseSqrtSchedule(0.01);
        schedule.Timescale.Should().Be(10_000);
        LrAssert.At(schedule, 0, 0.01);
        LrAssert.At(schedule, 30_000, 0.01 / 2.0); // 0.01 / sqrt((30000 + 10000) / 10000)
    }

    [Fact]
    public void Timescale_Explicit()
    {
        var schedule = new InverseSqrtSchedule(0.01, 10, 40);
        LrAssert.At(schedule, 10, 0.01);
        LrAssert.At(schedule, 130, 0.01 / 2.0); // 0.01 / sqrt((130 - 10 + 40) / 40)
    }

    [Fact]
    public void Ctor_ZeroTimescale_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new InverseSqrtSchedule(0.01, 10, 0)).ParamName.Should().Be("timescale");

    [Fact]
    public void InverseSqrt_PastTwoTo53_ShiftsTheStepExactlyBeforeConverting()
    {
        // timescale 2, no warm-up: lr = lr0 / sqrt((t + 2) / 2) with t + 2 summed exactly. Adding 2 to the already rounded
        // (double)t instead gives 2^53 + 2 rather than 2^53 + 4 at t = 2^53 + 1, and a different rate.
        var schedule = Schedules.InverseSqrt(0.3, warmupSteps: 0, timescale: 2);
        int differing = 0;
        for (long step = TwoTo53 - 8; step <= TwoTo53 + 64; step++)
        {
            double expected = 0.3 * (1.0 / Math.Sqrt((double)(step + 2) / 2));
            schedule.GetLearningRate(step).Should().Be(expected, $"step {step}");
            double rounded = 0.3 * (1.0 / Math.Sqrt(((double)step + 2) / 2));
            differing += rounded == expected ? 0 : 1;
        }

        differing.Should().BeGreaterThan(0, "the range must tell an exact sum from a rounded one");
    }

    [Fact]
    public void InverseSqrt_AtLongMaxValue_SumsInDoubles()
    {
        var schedule = Schedules.InverseSqrt(0.3, warmupSteps: 0, timescale: 10);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.3 * (1.0 / Math.Sqrt(((double)long.MaxValue + 10) / 10)));
        schedule.GetLearningRate(long.MaxValue - 10).Should().Be(0.3 * (1.0 / Math.Sqrt((double)long.MaxValue / 10)));
    }

    [Theory]
    [InlineData(1535L)]
    [InlineData(3583L)]
    public void InverseSqrt_WhereTheShiftedStepReachesLongMaxValue_RoundsTheExactSumOnce(long timescale)
    {
        // At step = long.MaxValue - timescale the shifted step is long.MaxValue, exact in 64 bits and rounded once to 2^63; adding
        // in doubles would round twice and, for these timescales, land one ulp lower.
        var schedule = Schedules.InverseSqrt(1.0, warmupSteps: 0, timescale: timescale);
        double expected = 1.0 / Math.Sqrt((double)long.MaxValue / timescale);
        schedule.GetLearningRate(long.MaxValue - timescale).Should().Be(expected);
        ((double)(long.MaxValue - timescale) + timescale).Should().NotBe((double)long.MaxValue, "the double sum differs for this timescale");
    }

    [Fact]
    public void InverseSqrt_LongMaxValue_DoesNotWrap()
    {
        var schedule = new InverseSqrtSchedule(1.0, warmupSteps: 10, timescale: 1000);
        double lr = schedule.GetLearningRate(long.MaxValue);
        lr.Should().BeApproximately(1.0 / Math.Sqrt(((double)long.MaxValue + 990) / 1000), 1e-20);
    }

    [Fact]
    public void Power_QuarterWithoutWarmup()
    {
        var schedule = new InverseSqrtSchedule(0.01, 0, 10, power: 0.25);
        schedule.GetLearningRate(0).Should().Be(0.01);
        LrAssert.At(schedule, 150, 0.005); // 0.01 * ((150 + 10) / 10)^(-1/4) = 0.01 * 16^(-1/4)
        LrAssert.At(schedule, 800, 0.01 / 3.0); // 0.01 * 81^(-1/4)
    }

    [Fact]
    public void Power_OneAfterWarmup()
    {
        var schedule = new InverseSqrtSchedule(0.002, 100, power: 1.0);
        LrAssert.At(schedule, 50, 0.001); // warm-up as before: 0.002 * 50 / 100
        schedule.GetLearningRate(100).Should().Be(0.002);
        LrAssert.At(schedule, 300, 0.002 / 3.0); // 0.002 * ((300 + 100 - 100) / 100)^(-1)
    }

    [Theory]
    [InlineData(0.25, 10L, 0L)]
    [InlineData(0.75, 100L, 100L)]
    [InlineData(1.5, 20L, 5L)]
    public void Power_MatchesTimmsStablePowerFunction(double power, long timescale, long warmup)
    {
        // timm WSDLRScheduler, stable_fn 'power': base_lr * (1 + t_s / timescale) ** -stable_power, t_s = t - warmup.
        var schedule = new InverseSqrtSchedule(0.001, warmup, timescale, power);
        for (long t = warmup; t < warmup + 5_000; t += 7)
        {
            LrAssert.At(schedule, t, 0.001 * Math.Pow(1.0 + ((double)(t - warmup) / timescale), -power));
        }
    }

    [Fact]
    public void Power_Half_IsTheVersion1InverseSqrt()
    {
        var plain = new InverseSqrtSchedule(0.002, 100);
        var explicitHalf = new InverseSqrtSchedule(0.002, 100, power: 0.5);
        foreach (long t in new[] { 0L, 1L, 99L, 100L, 101L, 12_345L, TwoTo53 + 1, long.MaxValue })
        {
            explicitHalf.GetLearningRate(t).Should().Be(plain.GetLearningRate(t));
        }

        explicitHalf.ToString().Should().Be("{\"type\":\"inverseSqrt\",\"initialLr\":0.002,\"warmupSteps\":100,\"timescale\":100,\"power\":0.5}");
    }

    [Fact]
    public void Power_FillIsBitIdenticalToCalls_AndFarStepsAreFinite()
    {
        var schedule = new InverseSqrtSchedule(0.002, 100, power: 0.75);
        FillAssert.Matches(schedule, 0, 1_031, exact: true);
        FillAssert.Matches(schedule, TwoTo53 - 500, 1_031, exact: true);
        LrAssert.At(schedule, long.MaxValue, 0.002 * Math.Pow(long.MaxValue / 100.0, -0.75)); // (t + 100 - 100) / 100, t = 2^63 - 1: 3.8e-16
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Ctor_BadPower_Throws(double power) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new InverseSqrtSchedule(0.001, 100, power: power)).ParamName.Should().Be("power");

    [Fact]
    public void Power_RoundTripsThroughJson()
    {
        ILearningRateSchedule schedule = ScheduleJson.Parse("{\"type\":\"inverseSqrt\",\"initialLr\":0.01,\"timescale\":10,\"power\":0.25}");
        schedule.Should().BeOfType<InverseSqrtSchedule>().Which.Power.Should().Be(0.25);
        schedule.ToString().Should().Be("{\"type\":\"inverseSqrt\",\"initialLr\":0.01,\"warmupSteps\":0,\"timescale\":10,\"power\":0.25}");
    }
}
