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
}
