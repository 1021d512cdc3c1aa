using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class ExponentialScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new ExponentialSchedule(0.1, 0.96, 1000);

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(999L)]
    [InlineData(1000L)]
    [InlineData(28_125L)]
    [InlineData(1_000_000L)]
    public void GetLearningRate_Continuous_MatchesPow(long step) =>
        LrAssert.At(Create(), step, 0.1 * Math.Pow(0.96, step / 1000.0));

    [Fact]
    public void GetLearningRate_KerasMnistExample_DoublePrecision() =>
        LrAssert.At(new ExponentialSchedule(0.1, 0.96, 1000, staircase: true), 28_125, 0.031885594968609536); // 0.1 * 0.96^floor(28125 / 1000)

    [Fact]
    public void Staircase_ConstantBetweenBoundaries_AndNeverBelowContinuous()
    {
        var stairs = new ExponentialSchedule(0.2, 0.7, 50, staircase: true);
        var smooth = new ExponentialSchedule(0.2, 0.7, 50);
        for (long t = 0; t < 500; t++)
        {
            stairs.GetLearningRate(t).Should().Be(stairs.GetLearningRate(t - (t % 50)));
            stairs.GetLearningRate(t).Should().BeGreaterThanOrEqualTo(smooth.GetLearningRate(t) * (1 - 1e-15));
            if (t % 50 == 0)
            {
                LrAssert.Close(smooth.GetLearningRate(t), stairs.GetLearningRate(t));
            }
        }
    }

    [Fact]
    public void GetLearningRate_FarPast_UnderflowsToZero()
    {
        new ExponentialSchedule(0.1, 0.5).GetLearningRate(long.MaxValue).Should().Be(0.0);
        new ExponentialSchedule(0.1, 0.5, staircase: true).GetLearningRate(long.MaxValue).Should().Be(0.0);
    }

    [Fact]
    public void FromRate_IsLr0TimesExpMinusKt()
    {
        ExponentialSchedule schedule = Schedules.ExponentialFromRate(0.5, 0.01);
        LrAssert.At(schedule, 0, 0.5);
        LrAssert.At(schedule, 100, 0.5 * Math.Exp(-1.0));
        LrAssert.At(schedule, 1234, 0.5 * Math.Exp(-12.34), 1e-12);
    }

    [Fact]
    public void FromRate_NegativeRate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.ExponentialFromRate(0.5, -0.1)).ParamName.Should().Be("k");

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    public void Ctor_BadDecayRate_Throws(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSchedule(0.1, rate)).ParamName.Should().Be("decayRate");

    [Fact]
    public void Ctor_ZeroDecaySteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSchedule(0.1, 0.5, 0)).ParamName.Should().Be("decaySteps");

    [Theory]
    [InlineData(999L, 0)]
    [InlineData(1_000L, 1)]
    [InlineData(1_999L, 1)]
    [InlineData(2_000L, 2)]
    public void ExponentialStaircase_AtEdges_UsesFlooredExponent(long step, int k) =>
        Schedules.Exponential(0.1, 0.96, 1_000, staircase: true).GetLearningRate(step).Should().Be(0.1 * Math.Pow(0.96, k));

    [Fact]
    public void Exponential_FillAndGetLearningRate_AgreeBitForBit()
    {
        var schedule = Schedules.Exponential(3e-4, 0.93, 13);
        var filled = new double[3_001];
        schedule.Fill(0, filled);
        for (int step = 0; step < filled.Length; step++)
        {
            BitConverter.DoubleToInt64Bits(filled[step]).Should().Be(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(step)), $"step {step}");
        }
    }
}
