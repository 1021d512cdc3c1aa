using LrDecay.Tests.Support;

namespace LrDecay.Tests.Composites;

public sealed class CooldownScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new CooldownSchedule(new ConstantSchedule(1.0), 10, 4, CooldownShape.Linear, endLr: 0.2);

    [Theory]
    [InlineData(0L, 1.0)]
    [InlineData(9L, 1.0)] // before startStep: the inner schedule
    [InlineData(10L, 1.0)] // f = 0: d = 1
    [InlineData(11L, 0.8)] // 0.2 + (1 - 0.2) * (1 - 1/4)
    [InlineData(12L, 0.6)] // 0.2 + 0.8 * (1 - 2/4)
    [InlineData(13L, 0.4)] // 0.2 + 0.8 * (1 - 3/4)
    [InlineData(14L, 0.2)] // f = 1: endLr
    [InlineData(1_000_000L, 0.2)] // held after the cool-down
    public void GetLearningRate_Linear_FallsFromStartStepToEndLr(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Theory]
    [InlineData(CooldownShape.OneMinusSqrt, 1L, 0.5)] // 1 - sqrt(1/4)
    [InlineData(CooldownShape.OneMinusSqrt, 2L, 0.29289321881345254)] // 1 - sqrt(1/2)
    [InlineData(CooldownShape.OneMinusSqrt, 3L, 0.1339745962155614)] // 1 - sqrt(3/4)
    [InlineData(CooldownShape.Cosine, 1L, 0.8535533905932737)] // (1 + cos(pi/4)) / 2
    [InlineData(CooldownShape.Cosine, 2L, 0.5)] // (1 + cos(pi/2)) / 2
    [InlineData(CooldownShape.Cosine, 3L, 0.14644660940672624)] // (1 + cos(3 pi/4)) / 2 = (2 - sqrt(2)) / 4
    [InlineData(CooldownShape.Power, 1L, 0.5)] // default power 0.5: 1 - (1/4)^0.5
    [InlineData(CooldownShape.Exponential, 2L, 0.24025307335204216)] // default ratio 0.1: (0.1^0.5 - 0.1) / (1 - 0.1)
    [InlineData(CooldownShape.Exponential, 4L, 0.0)] // (0.1^1 - 0.1) / 0.9
    public void GetLearningRate_Shapes_OverAConstantOfOne(CooldownShape shape, long step, double expected) =>
        LrAssert.At(new ConstantSchedule(1.0).CooldownFrom(0, 4, shape), step, expected);

    [Theory]
    [InlineData(CooldownShape.OneMinusSqrt)]
    [InlineData(CooldownShape.Linear)]
    [InlineData(CooldownShape.Cosine)]
    [InlineData(CooldownShape.Power)]
    [InlineData(CooldownShape.Exponential)]
    public void GetLearningRate_AtStartStep_HandsOverTheInnerRateBitForBit(CooldownShape shape)
    {
        // d(0) = 1, but endLr + (v - endLr) * 1 need not round back to v: 0.325 + (0.9 - 0.325) is 0.8999999999999999.
        ILearningRateSchedule schedule = new ConstantSchedule(0.9).CooldownFrom(3, 4, shape, endLr: 0.325);
        schedule.GetLearningRate(3).Should().Be(0.9);
        var buffer = new double[2];
        schedule.Fill(2, buffer);
        buffer.Should().Equal(0.9, 0.9);
    }

    [Fact]
    public void GetLearningRate_PowerAndRatio_SetTheirShapes()
    {
        var power = new ConstantSchedule(1.0).CooldownFrom(0, 4, CooldownShape.Power, power: 2.0);
        LrAssert.At(power, 1, 0.9375); // 1 - (1/4)^2
        LrAssert.At(power, 2, 0.75); // 1 - (1/2)^2
        var exp = new ConstantSchedule(1.0).CooldownFrom(0, 4, CooldownShape.Exponential, ratio: 0.25);
        LrAssert.At(exp, 1, 0.6094757082487301); // (0.25^(1/4) - 0.25) / 0.75 = (0.7071067811865476 - 0.25) / 0.75
        LrAssert.At(exp, 2, 1.0 / 3.0); // (0.25^(1/2) - 0.25) / 0.75
        power.Power.Should().Be(2.0);
        power.Ratio.Should().BeNull();
        exp.Ratio.Should().Be(0.25);
        exp.Power.Should().BeNull();
        new ConstantSchedule(1.0).CooldownFrom(0, 4, CooldownShape.Power).Power.Should().Be(0.5);
        new ConstantSchedule(1.0).CooldownFrom(0, 4, CooldownShape.Exponential).Ratio.Should().Be(0.1);
    }

    [Fact]
    public void GetLearningRate_InnerKeepsRunningUnderTheCooldown()
    {
        ILearningRateSchedule schedule = Schedules.Linear(1.0, 0.0, 100).CooldownFrom(50, 10, CooldownShape.Linear);
        LrAssert.At(schedule, 50, 0.5); // inner(50) = 1 - 50/100
        LrAssert.At(schedule, 55, 0.225); // inner(55) = 0.45, times 1 - 5/10
        schedule.GetLearningRate(60).Should().Be(0.0);
    }

    [Fact]
    public void GetLearningRate_InnerBelowEndLr_IsLiftedFromStartStep()
    {
        ILearningRateSchedule schedule = new ConstantSchedule(0.1).CooldownFrom(5, 4, CooldownShape.Linear, endLr: 0.2);
        LrAssert.At(schedule, 4, 0.1); // before startStep the inner rate, as it is
        LrAssert.At(schedule, 5, 0.2); // v = max(0.1, 0.2)
        LrAssert.At(schedule, 7, 0.2); // 0.2 + (0.2 - 0.2) * d
    }

    [Fact]
    public void TimmWsd_IsWarmupOverCooldownOverClampOverTheStableFunction()
    {
        // timm WSDLRScheduler(base 1e-3, t_initial=100, decay_t=20, lr_min=1e-4, stable_fn='rsqrt', stable_timescale=10,
        // decay_fn='linear', warmup_t=10): lr(t) = lr_min + (max(base * (1 + t_s/10)^-0.5, lr_min) - lr_min) * (1 - t_decay/decay_t),
        // t_s = t - 10, t_decay = t_s - 80.
        ILearningRateSchedule schedule = Schedules.InverseSqrt(1e-3, timescale: 10)
            .Clamped(minLr: 1e-4)
            .CooldownFrom(80, 20, CooldownShape.Linear, endLr: 1e-4)
            .WithWarmup(10);
        LrAssert.At(schedule, 5, 5e-4); // 1e-3 * 5/10
        LrAssert.At(schedule, 50, 1e-3 / Math.Sqrt(5.0)); // t_s = 40: 1e-3 * (1 + 4)^-0.5
        LrAssert.At(schedule, 100, 2.0811388300841897e-4); // t_s = 90, frac 1/2: 1e-4 + (1e-3/sqrt(10) - 1e-4) * 0.5
        LrAssert.At(schedule, 110, 1e-4); // frac 1: lr_min
    }

    [Fact]
    public void TimmWsd_LrMinAboveBase_WarmupClimbsToTheClampedStart()
    {
        // timm's warm-up climbs to the base lr even when lr_min is above it (then jumps to lr_min); the spec's composition climbs to
        // inner(0) = max(base, lr_min). sequence[linear(warmup_lr_init, base, warmup_t), cooldown] is timm's form for that corner.
        ILearningRateSchedule composed = Schedules.Constant(1.0).Clamped(minLr: 2.0).CooldownFrom(80, 20, CooldownShape.Linear, endLr: 2.0).WithWarmup(10);
        LrAssert.At(composed, 5, 1.0); // 2.0 * 5/10 (timm: 1.0 * 5/10)
        ILearningRateSchedule timm = Schedules.Linear(0.0, 1.0, 10).Then(10, Schedules.Constant(1.0).Clamped(minLr: 2.0).CooldownFrom(80, 20, CooldownShape.Linear, endLr: 2.0));
        LrAssert.At(timm, 5, 0.5); // 1.0 * 5/10
        LrAssert.At(timm, 10, 2.0); // max(1.0, 2.0)
    }

    [Fact]
    public void Json_PowerAndRatio_WrittenOnlyWithTheirShape()
    {
        ScheduleJson.Serialize(new ConstantSchedule(0.1).CooldownFrom(3, 5)).Should().Be(
            "{\"type\":\"cooldown\",\"startStep\":3,\"decaySteps\":5,\"shape\":\"1-sqrt\",\"endLr\":0,\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}");
        ScheduleJson.Serialize(new ConstantSchedule(0.1).CooldownFrom(3, 5, CooldownShape.Power)).Should().Contain("\"shape\":\"power\",\"power\":0.5,");
        ScheduleJson.Serialize(new ConstantSchedule(0.1).CooldownFrom(3, 5, CooldownShape.Exponential)).Should().Contain("\"shape\":\"exp\",\"ratio\":0.1,");
    }

    [Theory]
    [InlineData("\"shape\":\"exp\",\"power\":2", "$.power")]
    [InlineData("\"power\":0.5", "$.power")]
    [InlineData("\"shape\":\"linear\",\"ratio\":0.5", "$.ratio")]
    [InlineData("\"shape\":\"exp\",\"ratio\":1", "$.ratio")]
    [InlineData("\"shape\":\"exp\",\"ratio\":0", "$.ratio")]
    [InlineData("\"shape\":\"power\",\"power\":0", "$.power")]
    [InlineData("\"shape\":\"step\"", "$.shape")]
    public void Json_BadShapeOptions_NameTheProperty(string extra, string path)
    {
        string json = "{\"type\":\"cooldown\",\"startStep\":80,\"decaySteps\":20," + extra + ",\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}";
        var ex = Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(json));
        ex.Path.Should().Be(path);
    }

    [Fact]
    public void Ctor_PowerWithAnotherShape_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CooldownSchedule(new ConstantSchedule(1), 0, 4, CooldownShape.Exponential, power: 2.0));
        ex.ParamName.Should().Be("power");
        ex.Message.Should().Contain("power ('2')");
    }

    [Fact]
    public void Ctor_RatioWithAnotherShape_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CooldownSchedule(new ConstantSchedule(1), 0, 4, ratio: 0.5)).ParamName.Should().Be("ratio");

    [Theory]
    [InlineData(-1L, 4L, 0.0, "startStep")]
    [InlineData(0L, 0L, 0.0, "decaySteps")]
    [InlineData(0L, 4L, double.NaN, "endLr")]
    [InlineData(0L, 4L, double.PositiveInfinity, "endLr")]
    public void Ctor_OutOfRange_Throws(long startStep, long decaySteps, double endLr, string param) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CooldownSchedule(new ConstantSchedule(1), startStep, decaySteps, endLr: endLr))
            .ParamName.Should().Be(param);

    [Fact]
    public void Ctor_NullInner_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new CooldownSchedule(null!, 0, 5)).ParamName.Should().Be("schedule");

    [Fact]
    public void Fill_AcrossStartAndEnd_EqualsPointwise()
    {
        foreach (CooldownShape shape in Enum.GetValues<CooldownShape>())
        {
            ILearningRateSchedule schedule = Schedules.Cosine(0.1, 300).CooldownFrom(100, 137, shape, endLr: 0.002);
            var buffer = new double[400];
            schedule.Fill(0, buffer);
            for (int i = 0; i < buffer.Length; i++)
            {
                BitConverter.DoubleToInt64Bits(buffer[i]).Should().Be(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(i)), $"{shape} step {i}");
            }
        }
    }
}
