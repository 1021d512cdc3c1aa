using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class StepScheduleTests : ScheduleContractTests
{
    private const long TwoTo53 = 1L << 53;

    protected override ILearningRateSchedule Create() => new StepSchedule(0.1, 30, 0.1);

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(29L, 0)]
    [InlineData(30L, 1)]
    [InlineData(31L, 1)]
    [InlineData(59L, 1)]
    [InlineData(60L, 2)]
    [InlineData(299L, 9)]
    [InlineData(300L, 10)]
    public void GetLearningRate_AroundBoundaries_DropsByGamma(long step, int drops) =>
        LrAssert.At(Create(), step, 0.1 * Math.Pow(0.1, drops));

    [Fact]
    public void GetLearningRate_FarPastEnd_UnderflowsToZeroNotNaN()
    {
        // 400 drops: 0.1 * 0.1^400 is far below the smallest subnormal (4.9e-324).
        ILearningRateSchedule schedule = Create();
        schedule.GetLearningRate(30L * 400).Should().Be(0.0);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.0);
    }

    [Fact]
    public void GetLearningRate_GammaOne_Constant() =>
        new StepSchedule(0.3, 1, 1.0).GetLearningRate(long.MaxValue).Should().Be(0.3);

    [Fact]
    public void GetLearningRate_PastPowerCache_MatchesPow()
    {
        var schedule = new StepSchedule(1.0, 1, 0.9999);
        foreach (long k in new long[] { 1023, 1024, 1025, 5_000, 100_000 })
        {
            LrAssert.At(schedule, k, Math.Pow(0.9999, k));
        }
    }

    [Theory]
    [InlineData(0L, "stepSize")]
    [InlineData(-5L, "stepSize")]
    public void Ctor_BadStepSize_Throws(long stepSize, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new StepSchedule(0.1, stepSize, 0.5));
        ex.ParamName.Should().Be(param);
        ex.Message.Should().Contain($"('{stepSize}')");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Ctor_GammaOutsideUnitInterval_Throws(double gamma)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new StepSchedule(0.1, 10, gamma));
        ex.ParamName.Should().Be("gamma");
        ex.Message.Should().Contain("gamma ('").And.Contain("must be greater than '0' and less than or equal to '1'");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(1_022L)]
    [InlineData(1_023L)]
    [InlineData(1_024L)]
    [InlineData(1_025L)]
    [InlineData(5_000L)]
    [InlineData(1_000_000L)]
    public void Step_AroundThePowerTable_IsInitialLrTimesPow(long k)
    {
        var schedule = Schedules.Step(0.1, stepSize: 3, gamma: 0.9995);
        double expected = 0.1 * Math.Pow(0.9995, k);
        schedule.GetLearningRate(k * 3).Should().Be(expected);
        schedule.GetLearningRate((k * 3) + 2).Should().Be(expected);
    }

    [Fact]
    public void Step_PowersUnderflow_StayZeroToLongMax()
    {
        // 0.1 * 0.1^330 = 1e-331, below the smallest subnormal (4.9e-324).
        var schedule = Schedules.Step(0.1, stepSize: 1, gamma: 0.1);
        schedule.GetLearningRate(330).Should().Be(0.0);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.0);
        Schedules.Step(0.1, stepSize: 1, gamma: 1.0).GetLearningRate(long.MaxValue).Should().Be(0.1);
    }

    [Theory]
    [InlineData(29L, 0.1)]
    [InlineData(30L, 0.010000000000000002)] // 0.1 * 0.1, rounded in doubles
    [InlineData(59L, 0.010000000000000002)]
    [InlineData(60L, 0.0010000000000000002)] // 0.1 * 0.1^2, rounded in doubles
    public void Step_AtStaircaseEdges_DropsExactlyThere(long step, double expected) =>
        Schedules.Step(0.1, stepSize: 30, gamma: 0.1).GetLearningRate(step).Should().Be(expected);

    [Fact]
    public void Step_FloorAtLongMaxValue_IsExactIntegerDivision()
    {
        // long.MaxValue = 3 * 3074457345618258602 + 1; a double quotient would round up past the true floor at stepSize 2^53 + 1.
        new StepSchedule(1.0, TwoTo53 + 1, 0.5).GetLearningRate((2 * (TwoTo53 + 1)) - 1).Should().Be(0.5);
        new StepSchedule(1.0, TwoTo53 + 1, 0.5).GetLearningRate(2 * (TwoTo53 + 1)).Should().Be(0.25);
        new StepSchedule(1.0, long.MaxValue, 0.5).GetLearningRate(long.MaxValue - 1).Should().Be(1.0);
        new StepSchedule(1.0, long.MaxValue, 0.5).GetLearningRate(long.MaxValue).Should().Be(0.5);
        new StepSchedule(1.0, 1, 1.0).GetLearningRate(long.MaxValue).Should().Be(1.0);
    }
}
