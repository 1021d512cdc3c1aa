using LrDecay.Tests.Support;

namespace LrDecay.Tests.Composites;

public sealed class ChainScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() =>
        new ChainSchedule([new LinearSchedule(0.005, 0.01, 6), new ExponentialSchedule(0.01, 0.93)]);

    [Theory]
    [InlineData(0L)]
    [InlineData(3L)]
    [InlineData(6L)]
    [InlineData(50L)]
    public void GetLearningRate_BaseTimesNormalisedFactors(long step)
    {
        double expected = new LinearSchedule(0.005, 0.01, 6).GetLearningRate(step) * Math.Pow(0.93, step);
        LrAssert.At(Create(), step, expected);
    }

    [Fact]
    public void OneSchedule_EqualsInner() =>
        new ChainSchedule([new StepSchedule(0.1, 3, 0.5)]).GetLearningRate(7).Should().Be(0.025); // 0.1 * 0.5^floor(7 / 3)

    [Fact]
    public void Ctor_FactorStartingAtZero_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ChainSchedule([new ConstantSchedule(0.1), new LinearSchedule(0.0, 1.0, 10)]));
        ex.ParamName.Should().Be("schedules");
        ex.Message.Should().Contain("schedules[1] starts at '0'");
    }

    [Fact]
    public void ChainedWith_AppendsFactors() =>
        new ConstantSchedule(0.1).ChainedWith(new StepSchedule(2.0, 1, 0.5)).GetLearningRate(2).Should().Be(0.025); // 0.1 * (2.0 * 0.5^2) / 2.0
}
