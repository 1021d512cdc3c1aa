using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class TanhScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new TanhSchedule(0.1, 100, 0.001);

    // Expected values: timm TanhLRScheduler._get_lr (t_initial 100, lr_min 0.001, lb -7, ub 3, cycle_limit 1), in Python.
    [Theory]
    [InlineData(0L, 0.09999991767872526)]
    [InlineData(1L, 0.0999998994525865)]
    [InlineData(50L, 0.09821936521375295)]
    [InlineData(70L, 0.050500000000000045)] // lb * 0.3 + ub * 0.7 = 0: halfway
    [InlineData(99L, 0.0012988232161461367)]
    [InlineData(100L, 0.001)] // timm drops to lr_min at t_initial
    [InlineData(long.MaxValue, 0.001)]
    public void GetLearningRate_FollowsTimmsTanh(long step, double expected) => LrAssert.At(Create(), step, expected);

    // timm without warmup_prefix ramps from warmup_lr_init to its own value at warmup_t (here 10 of 100).
    [Theory]
    [InlineData(0L, 0.0001)]
    [InlineData(5L, 0.050049695863357196)]
    [InlineData(9L, 0.09000945255404295)]
    [InlineData(10L, 0.09999939172671439)]
    public void Warmup_RampsToTheTanhsOwnRateAtWarmupSteps(long step, double expected) =>
        LrAssert.At(new TanhSchedule(0.1, 100, 0.001, warmupSteps: 10, warmupStartLr: 0.0001), step, expected);

    [Fact]
    public void Defaults_AreTimms()
    {
        var schedule = Schedules.Tanh(0.1, 100);

        schedule.Lb.Should().Be(-7.0);
        schedule.Ub.Should().Be(3.0);
        schedule.MinLr.Should().Be(0.0);
        schedule.WarmupSteps.Should().Be(0);
        schedule.GetLearningRate(100).Should().Be(0.0);
    }

    [Fact]
    public void Ctor_LbNotBelowUb_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TanhSchedule(0.1, 100, lb: 3.0, ub: 3.0));
        ex.ParamName.Should().Be("ub");
        ex.Message.Should().Contain("greater than lb ('3')");
    }

    [Fact]
    public void Ctor_NaNLb_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TanhSchedule(0.1, 100, lb: double.NaN)).ParamName.Should().Be("lb");

    [Fact]
    public void Ctor_ZeroDecaySteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TanhSchedule(0.1, 0)).ParamName.Should().Be("decaySteps");

    [Fact]
    public void Ctor_NegativeWarmupSteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TanhSchedule(0.1, 10, warmupSteps: -1)).ParamName.Should().Be("warmupSteps");

    [Fact]
    public void Json_RoundTrips_WithEveryDefaultWritten()
    {
        ScheduleJson.Serialize(ScheduleJson.Parse("""{"type":"tanh","initialLr":0.1,"decaySteps":100}"""))
            .Should().Be("""{"type":"tanh","initialLr":0.1,"decaySteps":100,"minLr":0,"lb":-7,"ub":3,"warmupSteps":0,"warmupStartLr":0}""");
        ScheduleJson.Serialize(ScheduleJson.Parse("""{"type":"tanh","initialLr":0.1,"decaySteps":100,"warmupSteps":5,"warmupStartLr":0.001}"""))
            .Should().Be("""{"type":"tanh","initialLr":0.1,"decaySteps":100,"minLr":0,"lb":-7,"ub":3,"warmupSteps":5,"warmupStartLr":0.001}""");
    }

    [Fact]
    public void Json_LbAboveUb_IsAConfigErrorAtUb()
    {
        var ex = Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse("""{"type":"tanh","initialLr":0.1,"decaySteps":100,"lb":4,"ub":3}"""));
        ex.Path.Should().Be("$.ub");
    }
}
