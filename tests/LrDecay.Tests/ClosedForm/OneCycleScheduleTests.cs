using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed partial class OneCycleScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new OneCycleSchedule(0.05, 60, 0.2);

    [Fact]
    public void GetLearningRate_Landmarks()
    {
        // initialLr = maxLr / divFactor (25), the peak at pctStart * totalSteps - 1 = 0.2 * 60 - 1 = 11, finalLr = initialLr / 1e4.
        var schedule = new OneCycleSchedule(0.05, 60, 0.2);
        LrAssert.At(schedule, 0, 0.05 / 25);
        LrAssert.At(schedule, 11, 0.05);
        LrAssert.At(schedule, 59, 0.05 / 25 / 1e4);
        schedule.InitialLr.Should().Be(0.05 / 25);
        schedule.FinalLr.Should().Be(0.05 / 25 / 1e4);
    }

    [Theory]
    [InlineData(60L)]
    [InlineData(61L)]
    [InlineData(long.MaxValue)]
    public void GetLearningRate_PastTotalSteps_HoldsFinalLr(long step) =>
        Create().GetLearningRate(step).Should().Be(Create().GetLearningRate(59));

    [Fact]
    public void GetLearningRate_ThreePhaseLinear_ReturnsToInitialBeforeFinal()
    {
        // initialLr = 0.3 / 25 = 0.012; the phases end at 0.25 * 100 - 1 = 24, 2 * 25 - 2 = 48 and 99; finalLr = 0.012 / 1e4.
        var schedule = new OneCycleSchedule(0.3, 100, 0.25, AnnealStrategy.Linear, threePhase: true);
        LrAssert.At(schedule, 0, 0.012);
        LrAssert.At(schedule, 24, 0.3);
        LrAssert.At(schedule, 48, 0.012);
        LrAssert.At(schedule, 99, 0.012 / 1e4);
    }

    [Fact]
    public void GetLearningRate_AtAPhaseEnd_IsThatPhasesLastValue()
    {
        // PyTorch evaluates a phase's last step in that phase (pct = 1), not as the next phase's first (pct = 0). Linear, maxLr
        // 0.884: initialLr = 0.884 / 25 = 0.03536, and the first phase ends at 0.25 * 100 - 1 = 24 with
        // (0.884 - 0.03536) * 1 + 0.03536 = 0.8840000000000001 in double, PyTorch 1.13's value there; the next phase would start at
        // 0.884 itself.
        var schedule = new OneCycleSchedule(0.884, 100, 0.25, AnnealStrategy.Linear);

        schedule.GetLearningRate(24).Should().Be(0.8840000000000001);
        schedule.GetLearningRate(23).Should().Be(0.8486400000000001); // PyTorch: (0.884 - 0.03536) * (23 / 24) + 0.03536
        schedule.GetLearningRate(25).Should().Be(0.87221338048); // PyTorch: the second phase, pct = 1 / 75
    }

    [Fact]
    public void Ctor_FirstPhaseOfZeroLength_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleSchedule(0.1, 10, 0.1));
        ex.ParamName.Should().Be("pctStart");
        ex.Message.Should().Contain("zero length");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Ctor_PctStartOutsideOpenInterval_Throws(double pct) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleSchedule(0.1, 100, pct)).ParamName.Should().Be("pctStart");

    [Fact]
    public void Ctor_DivFactorOverflowsInitialLr_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleSchedule(1e300, 100, divFactor: 1e-10));
        ex.ParamName.Should().Be("divFactor");
    }

    [Fact]
    public void Ctor_ZeroFinalDivFactor_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleSchedule(0.1, 100, finalDivFactor: 0)).ParamName.Should().Be("finalDivFactor");
}
