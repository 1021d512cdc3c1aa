using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class RexScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new RexSchedule(0.01, 20, 0.001);

    [Theory]
    [InlineData(0L, 0.01)] // p = 0: 0.001 + 0.009 * 1/1
    [InlineData(4L, 0.009)] // p = 0.2: 0.001 + 0.009 * 0.8/0.9 = 0.001 + 0.008
    [InlineData(10L, 0.007)] // p = 0.5: 0.001 + 0.009 * 0.5/0.75 = 0.001 + 0.006
    [InlineData(19L, 0.001857142857142858)] // p = 0.95: 0.001 + 0.009 * 0.05/0.525 = 0.001 + 0.009/10.5
    [InlineData(20L, 0.001)] // p = 1: minLr
    [InlineData(long.MaxValue, 0.001)]
    public void GetLearningRate_FollowsTheRexCurve(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void DefaultMinLr_DecaysToZero()
    {
        var schedule = Schedules.Rex(1.0, totalSteps: 5);

        LrAssert.At(schedule, 1, 0.888888888888889); // p = 0.2: 0.8/0.9 (pytorch_optimizer's docstring example)
        LrAssert.At(schedule, 3, 0.5714285714285715); // p = 0.6: 0.4/0.7
        schedule.GetLearningRate(5).Should().Be(0.0);
    }

    [Fact]
    public void MinLrEqualToInitialLr_IsConstant()
    {
        var schedule = Schedules.Rex(0.3, totalSteps: 10, minLr: 0.3);

        schedule.GetLearningRate(0).Should().Be(0.3);
        schedule.GetLearningRate(7).Should().Be(0.3);
        schedule.GetLearningRate(10).Should().Be(0.3);
    }

    [Fact]
    public void NearDoubleMax_RoundingPastTheTop_GivesTheLargestFiniteRate() =>
        // At step 0, minLr + (M - minLr) * 1 rounds to infinity for this minLr.
        Schedules.Rex(double.MaxValue, totalSteps: 10, minLr: 7.271657569836027e+307).GetLearningRate(0).Should().Be(double.MaxValue);

    [Fact]
    public void Ctor_MinLrAboveInitialLr_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RexSchedule(0.1, 100, 0.2));
        ex.ParamName.Should().Be("minLr");
        ex.Message.Should().Contain("minLr ('0.2') must be less than or equal to initialLr ('0.1')");
    }

    [Fact]
    public void Ctor_ZeroTotalSteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RexSchedule(0.1, 0)).ParamName.Should().Be("totalSteps");

    [Fact]
    public void Ctor_NegativeInitialLr_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RexSchedule(-0.1, 10, 0.0)).ParamName.Should().Be("initialLr");

    [Fact]
    public void Json_MinLrAboveInitialLr_IsAConfigErrorAtMinLr()
    {
        var ex = Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse("""{"type":"rex","initialLr":0.1,"totalSteps":100,"minLr":0.2}"""));
        ex.Path.Should().Be("$.minLr");
    }
}
