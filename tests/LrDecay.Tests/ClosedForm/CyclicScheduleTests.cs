using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed partial class CyclicScheduleTests : ScheduleContractTests
{
    private const long TwoTo53 = 1L << 53;

    protected override ILearningRateSchedule Create() => new CyclicSchedule(0.001, 0.006, 20, mode: CyclicMode.Triangular2);

    [Fact]
    public void GetLearningRate_PeakStep_IsOnTheRisingSide()
    {
        // PyTorch takes the peak step (position == stepSizeUp) on the rising side: scale = 10 * (1 / 10) = 1 exactly, so the rate is
        // 0.001 + 0.099 * 1 = 0.1, PyTorch 1.13's value. On the falling side it would be 49 * (1 / 49) = 0.9999999999999999 and
        // the rate 0.09999999999999999.
        var schedule = new CyclicSchedule(0.001, 0.1, stepSizeUp: 10, stepSizeDown: 49);

        schedule.GetLearningRate(10).Should().Be(0.1);
        schedule.GetLearningRate(59).Should().Be(0.001); // the next cycle's first step: position 0
    }

    [Theory]
    [InlineData(0L, 0.001)]
    [InlineData(10L, 0.0035)] // 0.001 + (0.006 - 0.001) * 10 / 20
    [InlineData(20L, 0.006)]
    [InlineData(30L, 0.0035)] // 0.001 + 0.005 * (40 - 30) / 20
    [InlineData(40L, 0.001)]
    [InlineData(80L, 0.001)]
    public void GetLearningRate_Triangular(long step, double expected) =>
        LrAssert.At(new CyclicSchedule(0.001, 0.006, 20), step, expected);

    [Theory]
    [InlineData(20L, 0.006)] // peak of cycle 1: 0.001 + 0.005
    [InlineData(60L, 0.0035)] // peak of cycle 2: 0.001 + 0.005 * 0.5
    [InlineData(100L, 0.00225)] // peak of cycle 3: 0.001 + 0.005 * 0.25
    public void GetLearningRate_Triangular2_HalvesEachCycle(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void GetLearningRate_ExpRange_ScalesByGammaPowT()
    {
        var schedule = new CyclicSchedule(0.01, 0.05, 15, mode: CyclicMode.ExponentialRange, gamma: 0.99);
        LrAssert.At(schedule, 15, 0.01 + (0.04 * Math.Pow(0.99, 15)));
        LrAssert.At(schedule, 45, 0.01 + (0.04 * Math.Pow(0.99, 45)));
    }

    [Fact]
    public void GetLearningRate_Asymmetric()
    {
        // Up 2 steps, down 6: step 1 is 1/2 up, step 5 is (8 - 5) / 6 down, step 8 starts the next cycle.
        var schedule = new CyclicSchedule(0.0, 1.0, 2, 6);
        LrAssert.At(schedule, 1, 0.5);
        LrAssert.At(schedule, 2, 1.0);
        LrAssert.At(schedule, 5, 0.5);
        LrAssert.At(schedule, 8, 0.0);
    }

    [Fact]
    public void StepSizeDown_DefaultsToStepSizeUp() => new CyclicSchedule(0.1, 0.2, 7).StepSizeDown.Should().Be(7);

    [Fact]
    public void Ctor_ExpRangeGammaAboveOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CyclicSchedule(0.1, 0.2, mode: CyclicMode.ExponentialRange, gamma: 1.01))
            .ParamName.Should().Be("gamma");

    [Fact]
    public void Cyclic_HugeSteps_FollowTheTriangle()
    {
        var schedule = new CyclicSchedule(0.0, 1.0, TwoTo53 + 1);
        schedule.GetLearningRate(TwoTo53 + 1).Should().Be(1.0);
        schedule.GetLearningRate(2 * (TwoTo53 + 1)).Should().Be(0.0);
        new CyclicSchedule(0.0, 1.0, 2, mode: CyclicMode.Triangular2).GetLearningRate(long.MaxValue - 1).Should().Be(0.0);
    }
}
