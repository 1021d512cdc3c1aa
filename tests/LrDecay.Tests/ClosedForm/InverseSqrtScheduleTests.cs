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
}
