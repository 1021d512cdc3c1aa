using LrDecay.Tests.Support;

namespace LrDecay.Tests.Composites;

public sealed class SequenceScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() =>
        new SequenceSchedule([new LinearSchedule(0.0, 0.02, 30), new ExponentialSchedule(0.02, 0.5, 10), new ConstantSchedule(0.001)], [30, 100]);

    [Theory]
    [InlineData(0L, 0.0)]
    [InlineData(29L, 0.02 * 29 / 30)]
    [InlineData(30L, 0.02)]
    [InlineData(40L, 0.01)] // the exponential at its step 10: 0.02 * 0.5^(10 / 10)
    [InlineData(100L, 0.001)]
    [InlineData(long.MaxValue, 0.001)]
    public void GetLearningRate_EachScheduleFromItsOwnStepZero(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void GetLearningRate_LastStepOfMiddleSchedule() => LrAssert.At(Create(), 99, 0.02 * Math.Pow(0.5, 6.9)); // its step 69

    [Fact]
    public void Then_ExtendsASequence()
    {
        SequenceSchedule schedule = new ConstantSchedule(1.0).Then(10, new ConstantSchedule(0.5)).Then(20, new ConstantSchedule(0.25));
        schedule.Schedules.Should().HaveCount(3);
        schedule.Boundaries.Should().Equal(10, 20);
        schedule.GetLearningRate(19).Should().Be(0.5);
        schedule.GetLearningRate(20).Should().Be(0.25);
    }

    [Fact]
    public void OneSchedule_EqualsInner()
    {
        var inner = new CosineSchedule(0.1, 100);
        var schedule = new SequenceSchedule([inner], []);
        for (long t = 0; t < 150; t++)
        {
            schedule.GetLearningRate(t).Should().Be(inner.GetLearningRate(t));
        }
    }

    [Fact]
    public void Ctor_Empty_Throws() =>
        Assert.Throws<ArgumentException>(() => new SequenceSchedule([], [])).ParamName.Should().Be("schedules");

    [Fact]
    public void Ctor_BoundaryCountMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SequenceSchedule([new ConstantSchedule(1)], [30]));
        ex.ParamName.Should().Be("boundaries");
        ex.Message.Should().Contain("got 1 boundaries for 1 schedules");
    }

    [Fact]
    public void Ctor_NullChild_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new SequenceSchedule([new ConstantSchedule(1), null!], [3])).Message.Should().Contain("schedules[1]");
}
