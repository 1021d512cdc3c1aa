using LrDecay.Tests.Support;

namespace LrDecay.Tests.Composites;

public sealed class WarmupScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new WarmupSchedule(new CosineSchedule(0.05, 200), 20);

    [Theory]
    [InlineData(0L, 0.0)]
    [InlineData(5L, 0.0125)] // 0.05 * 5 / 20
    [InlineData(19L, 0.0475)] // 0.05 * 19 / 20
    [InlineData(20L, 0.05)]
    [InlineData(120L, 0.025)] // the cosine at its step 100 of 200: 0.05 * (1 + cos(pi / 2)) / 2
    [InlineData(220L, 0.0)]
    public void GetLearningRate_RampsToInnerStartThenShifts(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void GetLearningRate_StartLr_RampsFromIt()
    {
        var schedule = new WarmupSchedule(new ConstantSchedule(1.0), 4, 0.2);
        LrAssert.At(schedule, 0, 0.2);
        LrAssert.At(schedule, 2, 0.6); // 0.2 + (1.0 - 0.2) * 2 / 4
        LrAssert.At(schedule, 4, 1.0);
    }

    [Fact]
    public void WithWarmup_ReadsInTrainingOrder()
    {
        ILearningRateSchedule schedule = Schedules.Cosine(3e-4, 10_000).WithWarmup(500);
        LrAssert.At(schedule, 250, 1.5e-4); // 3e-4 * 250 / 500
        LrAssert.At(schedule, 500, 3e-4);
        LrAssert.At(schedule, 5_500, 1.5e-4); // the cosine half-way, at its step 5000 of 10000
        schedule.GetLearningRate(10_500).Should().Be(0.0);
    }

    [Fact]
    public void Ctor_NullInner_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new WarmupSchedule(null!, 5)).ParamName.Should().Be("schedule");

    [Fact]
    public void Ctor_ZeroWarmupSteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupSchedule(new ConstantSchedule(1), 0)).ParamName.Should().Be("warmupSteps");

    [Theory]
    [InlineData(RampShape.Cosine, 1L, 0.14644660940672624)] // (1 - cos(pi/4)) / 2
    [InlineData(RampShape.Cosine, 2L, 0.5)] // (1 - cos(pi/2)) / 2
    [InlineData(RampShape.Cosine, 3L, 0.8535533905932737)] // (1 - cos(3 pi/4)) / 2
    [InlineData(RampShape.OneMinusSqrt, 1L, 0.1339745962155614)] // 1 - sqrt(1 - 1/4)
    [InlineData(RampShape.OneMinusSqrt, 2L, 0.29289321881345254)] // 1 - sqrt(1 - 1/2)
    [InlineData(RampShape.OneMinusSqrt, 3L, 0.5)] // 1 - sqrt(1 - 3/4)
    [InlineData(RampShape.Linear, 3L, 0.75)] // 3/4
    public void GetLearningRate_Shapes_RiseToTheInnerStart(RampShape shape, long step, double expected)
    {
        ILearningRateSchedule schedule = new ConstantSchedule(1.0).WithWarmup(4, shape: shape);
        LrAssert.At(schedule, 0, 0.0);
        LrAssert.At(schedule, step, expected);
        LrAssert.At(schedule, 4, 1.0);
    }

    [Fact]
    public void GetLearningRate_Shape_RisesFromStartLr()
    {
        ILearningRateSchedule schedule = new ConstantSchedule(1.0).WithWarmup(4, startLr: 0.2, shape: RampShape.Cosine);
        LrAssert.At(schedule, 2, 0.6); // 0.2 + (1.0 - 0.2) * (1 - cos(pi/2)) / 2
    }

    [Fact]
    public void GetLearningRate_WithoutPrefix_InnerKeepsTheCallersClock()
    {
        ILearningRateSchedule inner = Schedules.Linear(1.0, 0.0, 100);
        ILearningRateSchedule noPrefix = inner.WithWarmup(10, prefix: false);
        LrAssert.At(noPrefix, 5, 0.5); // 1.0 * 5/10: the warm-up still climbs to inner(0)
        LrAssert.At(noPrefix, 10, 0.9); // inner(10) = 1 - 10/100
        LrAssert.At(noPrefix, 50, 0.5); // inner(50)
        ILearningRateSchedule prefix = inner.WithWarmup(10);
        LrAssert.At(prefix, 10, 1.0); // inner(0)
        LrAssert.At(prefix, 50, 0.6); // inner(40) = 1 - 40/100
    }

    [Fact]
    public void Fill_WithoutPrefix_EqualsPointwise()
    {
        foreach (RampShape shape in Enum.GetValues<RampShape>())
        {
            ILearningRateSchedule schedule = Schedules.Cosine(0.1, 300).WithWarmup(37, 0.01, shape, prefix: false);
            var buffer = new double[400];
            schedule.Fill(0, buffer);
            for (int i = 0; i < buffer.Length; i++)
            {
                BitConverter.DoubleToInt64Bits(buffer[i]).Should().Be(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(i)), $"{shape} step {i}");
            }
        }
    }

    [Fact]
    public void Json_VersionOneConfig_IsLinearWithPrefix()
    {
        var schedule = (WarmupSchedule)ScheduleJson.Parse("{\"type\":\"warmup\",\"warmupSteps\":5,\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}");
        schedule.Shape.Should().Be(RampShape.Linear);
        schedule.Prefix.Should().BeTrue();
        ScheduleJson.Serialize(schedule).Should().Be(
            "{\"type\":\"warmup\",\"warmupSteps\":5,\"startLr\":0,\"shape\":\"linear\",\"prefix\":true,\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}");
    }

    [Fact]
    public void Json_UnknownShape_NamesIt() =>
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(
            "{\"type\":\"warmup\",\"warmupSteps\":5,\"shape\":\"exp\",\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}")).Path.Should().Be("$.shape");

    [Fact]
    public void Ctor_UndefinedShape_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupSchedule(new ConstantSchedule(1), 5, shape: (RampShape)7)).ParamName.Should().Be("shape");
}
