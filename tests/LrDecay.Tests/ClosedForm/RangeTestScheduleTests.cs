using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class RangeTestScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new RangeTestSchedule(1e-4, 1.0, 4);

    [Theory]
    [InlineData(0L, 1e-4)] // r = 0: startLr
    [InlineData(1L, 0.001)] // r = 1/4: 1e-4 * 10^4^(1/4) = 1e-4 * 10
    [InlineData(2L, 0.01)] // r = 1/2: 1e-4 * 100
    [InlineData(4L, 1.0)] // r = 1: endLr
    [InlineData(long.MaxValue, 1.0)] // r = min(t, steps)/steps = 1
    public void Exponential_SweepsGeometrically(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Theory]
    [InlineData(0L, 0.1)]
    [InlineData(1L, 0.2)] // 0.1 + 0.25 * (0.5 - 0.1)
    [InlineData(3L, 0.4)] // 0.1 + 0.75 * 0.4
    [InlineData(4L, 0.5)]
    [InlineData(long.MaxValue, 0.5)]
    public void Linear_SweepsArithmetically(long step, double expected) =>
        LrAssert.At(Schedules.RangeTest(0.1, 0.5, 4, RangeTestMode.Linear), step, expected);

    [Fact]
    public void LightningLrFind_IsAConstantStepThenThisSweep()
    {
        // Lightning lr_find(min_lr=1e-5, max_lr=1, num_training=50, mode="exponential"): min_lr at step 0, then
        // min_lr * (max_lr/min_lr)^((t + 1)/50). Its step-1 rate is lr_1 = 1e-5 * 1e5^(2/50); from there it is geometric, so
        // rangeTest(lr_1, 1, 48) one step late gives the same rates.
        double lr1 = 1e-5 * Math.Pow(1e5, 2.0 / 50);
        ILearningRateSchedule schedule = Schedules.Constant(1e-5).Then(1, Schedules.RangeTest(lr1, 1.0, 48));
        for (long t = 0; t < 50; t++)
        {
            double lightning = t == 0 ? 1e-5 : 1e-5 * Math.Pow(1e5, (t + 1) / 50.0);
            LrAssert.At(schedule, t, lightning);
        }
    }

    [Fact]
    public void NearDoubleMax_RoundingPastTheTop_GivesTheLargestFiniteRate() =>
        // Linear at r = 1: a + 1 * (M - a) rounds to infinity for this a.
        Schedules.RangeTest(7.271657569836027e+307, double.MaxValue, 3, RangeTestMode.Linear).GetLearningRate(3).Should().Be(double.MaxValue);

    [Fact]
    public void Ctor_ZeroStartLr_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RangeTestSchedule(0.0, 1.0, 100)).ParamName.Should().Be("startLr");

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Ctor_EndLrNotAboveStartLr_Throws(double endLr)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RangeTestSchedule(0.01, endLr, 100));
        ex.ParamName.Should().Be("endLr");
        ex.Message.Should().Contain("must be a finite value greater than startLr ('0.01')");
    }

    [Fact]
    public void Ctor_RatioOverflows_Throws()
    {
        // 1e300 / 1e-300 overflows: the geometric sweep would give infinity from its first step.
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RangeTestSchedule(1e-300, 1e300, 100));
        ex.ParamName.Should().Be("endLr");
        ex.Message.Should().Contain("endLr/startLr overflows");

        // The arithmetic sweep takes no ratio.
        LrAssert.At(new RangeTestSchedule(1e-300, 1e300, 100, RangeTestMode.Linear), 50, 5e299); // 1e-300 + 0.5 * (1e300 - 1e-300)
    }

    [Fact]
    public void Ctor_ZeroSteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RangeTestSchedule(1e-7, 1.0, 0)).ParamName.Should().Be("steps");

    [Fact]
    public void Ctor_UndefinedMode_Throws()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new RangeTestSchedule(1e-7, 1.0, 10, (RangeTestMode)9));
        error.ParamName.Should().Be("mode");
        error.Message.Should().StartWith("mode ('9') must be 'Exponential' or 'Linear'.");
    }

    [Fact]
    public void Json_ModeDefaultsToExponential_AndUnknownPropertiesAreErrors()
    {
        ScheduleJson.Parse("""{"type":"rangeTest","startLr":1e-7,"endLr":1,"steps":100}""")
            .Should().BeOfType<RangeTestSchedule>().Which.Mode.Should().Be(RangeTestMode.Exponential);
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse("""{"type":"rangeTest","startLr":1e-7,"endLr":1,"steps":100,"numIter":100}"""));
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse("""{"type":"rangeTest","startLr":1e-7,"endLr":1,"steps":100,"mode":"exp"}"""))
            .Path.Should().Be("$.mode");
    }
}
