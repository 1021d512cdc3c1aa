using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

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

    [Theory]
    [InlineData(49L, 1.0)] // 49 * (1 / 49) rounds below 1, so the formula would leave 1.1e-16 of the decay at its end
    [InlineData(98L, 1.0)]
    [InlineData(49L, 0.5)]
    [InlineData(103L, 2.0)]
    public void Polynomial_AtTheEndOfTheDecay_IsExactlyEndLr(long decaySteps, double power)
    {
        var schedule = Schedules.Polynomial(0.1, decaySteps, endLr: 0.0, power: power);
        schedule.GetLearningRate(decaySteps).Should().Be(0.0);
        schedule.GetLearningRate(decaySteps - 1).Should().BeGreaterThan(0.0);
    }

    [Fact]
    public void PolynomialGeneralPower_MatchesMathPow()
    {
        var schedule = Schedules.Polynomial(0.1, decaySteps: 10_000, endLr: 0.001, power: 1.7);
        for (long step = 0; step <= 10_000; step += 7)
        {
            double expected = (0.099 * Math.Pow(1.0 - (step / 10_000.0), 1.7)) + 0.001;
            schedule.GetLearningRate(step).Should().BeApproximately(expected, 1e-13 * expected);
        }
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.7)]
    [InlineData(7.3)]
    [InlineData(9.0)]
    [InlineData(40.0)]
    public void PolynomialGeneralPower_WithoutEndLr_MatchesMathPowDownToTheLastStep(double power)
    {
        // endLr 0 leaves nothing to hide the power's own error; a decay of 2^60 steps takes x down to 2^-60 (and x^40 into the
        // subnormals, where the comparison is absolute).
        const long decaySteps = 1L << 60;
        var schedule = Schedules.Polynomial(1.0, decaySteps, endLr: 0.0, power: power);
        foreach (long left in new[] { decaySteps, decaySteps - 1, 1L << 59, 1L << 40, 123_456_789L, 1_000L, 3L, 2L, 1L, 0L })
        {
            double expected = Math.Pow(left / (double)decaySteps, power);
            schedule.GetLearningRate(decaySteps - left).Should().BeApproximately(expected, Math.Max(1e-13 * expected, 1e-320), $"{left} steps left");
        }
    }

    [Fact]
    public void Polynomial_CycleBeyondTwoTo53_StaysFiniteAndExact()
    {
        // Before the fix 1 - t / (D * cycles) went below 0 past 2^53 and (negative)^0.9425 was NaN.
        var schedule = new PolynomialSchedule(1.0, 99, power: 0.9425, cycle: true);
        schedule.GetLearningRate(1364964816725505939).Should().BeInRange(0.0, 1.0);
        schedule.GetLearningRate(99L * 93_000_000_000_000_000).Should().Be(0.0, "a whole multiple of decaySteps ends a cycle at endLr");
        schedule.GetLearningRate((99L * 93_000_000_000_000_000) + 1).Should().BeApproximately(
            Math.Pow(98.0 / (99.0 * 93_000_000_000_000_001), 0.9425), 1e-30, "one step into the next cycle: ((D - 1) / (D * cycles))^power");
    }
}
