using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class MultiStepScheduleTests : ScheduleContractTests
{
    private const long TwoTo53 = 1L << 53;

    protected override ILearningRateSchedule Create() => new MultiStepSchedule(0.1, [30, 80], 0.1);

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(29L, 0)]
    [InlineData(30L, 1)]
    [InlineData(79L, 1)]
    [InlineData(80L, 2)]
    [InlineData(long.MaxValue, 2)]
    public void GetLearningRate_AroundMilestones_CountsMilestonesAtOrBelow(long step, int k) =>
        LrAssert.At(Create(), step, 0.1 * Math.Pow(0.1, k));

    [Fact]
    public void Ctor_NoMilestones_Constant() =>
        new MultiStepSchedule(0.2, [], 0.5).GetLearningRate(1_000_000).Should().Be(0.2);

    [Fact]
    public void Ctor_CopiesMilestones()
    {
        long[] milestones = [10, 20];
        var schedule = new MultiStepSchedule(1.0, milestones, 0.5);
        milestones[0] = 15;
        schedule.GetLearningRate(12).Should().Be(0.5); // past the copied milestone 10: 1.0 * 0.5
        schedule.Milestones.Should().Equal(10, 20);
    }

    [Theory]
    [InlineData(new long[] { 50, 20, 80 }, "milestones[1] ('20') is not greater than milestones[0] ('50')")]
    [InlineData(new long[] { 20, 20 }, "milestones[1] ('20') is not greater than milestones[0] ('20')")]
    [InlineData(new long[] { 0, 20 }, "milestones[0] ('0') must be greater than '0'")]
    [InlineData(new long[] { -3 }, "milestones[0] ('-3') must be greater than '0'")]
    public void Ctor_BadMilestones_ThrowsNamingIndexAndValue(long[] milestones, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => new MultiStepSchedule(0.1, milestones, 0.1));
        ex.ParamName.Should().Be("milestones");
        ex.Message.Should().Contain(message);
    }

    [Fact]
    public void Ctor_NullMilestones_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new MultiStepSchedule(0.1, null!, 0.1)).ParamName.Should().Be("milestones");

    [Fact]
    public void MultiStep_MilestoneAboveTwoTo53_CountsExactly()
    {
        var schedule = new MultiStepSchedule(1.0, [TwoTo53 + 1, long.MaxValue], 0.5);
        schedule.GetLearningRate(TwoTo53).Should().Be(1.0);
        schedule.GetLearningRate(TwoTo53 + 1).Should().Be(0.5);
        schedule.GetLearningRate(long.MaxValue - 1).Should().Be(0.5);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.25);
    }
}
