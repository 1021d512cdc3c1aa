using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class PiecewiseConstantScheduleTests : ScheduleContractTests
{
    private const long TwoTo53 = 1L << 53;

    protected override ILearningRateSchedule Create() => new PiecewiseConstantSchedule([5, 15], [0.3, 0.03, 0.003]);

    [Theory]
    [InlineData(0L, 0.3)]
    [InlineData(4L, 0.3)]
    [InlineData(5L, 0.3)]
    [InlineData(6L, 0.03)]
    [InlineData(15L, 0.03)]
    [InlineData(16L, 0.003)]
    [InlineData(long.MaxValue, 0.003)]
    public void GetLearningRate_BoundaryBelongsToIntervalBefore(long step, double expected) =>
        Create().GetLearningRate(step).Should().Be(expected);

    [Fact]
    public void Ctor_NoBoundaries_OneValueIsConstant() =>
        new PiecewiseConstantSchedule([], [0.7]).GetLearningRate(123).Should().Be(0.7);

    [Fact]
    public void Ctor_LengthMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PiecewiseConstantSchedule([5, 15, 25], [1.0, 0.5]));
        ex.ParamName.Should().Be("values");
        ex.Message.Should().Contain("got 2 values for 3 boundaries");
    }

    [Fact]
    public void Ctor_NegativeValue_ThrowsNamingIndex()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PiecewiseConstantSchedule([5], [1.0, -0.5]));
        ex.ParamName.Should().Be("values[1]");
        ex.Message.Should().Contain("values[1] ('-0.5')");
    }

    [Fact]
    public void BoundaryAtZero_GivesTheFirstValueAtStepZeroOnly()
    {
        // Keras PiecewiseConstantDecay(boundaries=[0], values=[0.5, 0.1]): step 0 <= 0 takes values[0]; every later step values[1].
        ILearningRateSchedule schedule = ScheduleJson.Parse("""{"type":"piecewiseConstant","boundaries":[0],"values":[0.5,0.1]}""");

        schedule.GetLearningRate(0).Should().Be(0.5);
        schedule.GetLearningRate(1).Should().Be(0.1);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.1);
        double[] filled = new double[3];
        schedule.Fill(0, filled);
        filled.Should().Equal(0.5, 0.1, 0.1);
    }

    [Fact]
    public void NegativeBoundary_IsRejectedNamingIt()
    {
        var act = () => Schedules.PiecewiseConstant([-1], [0.5, 0.1]);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "boundaries")
            .WithMessage("boundaries[0] ('-1') must be greater than or equal to '0'.*");
    }

    [Fact]
    public void PiecewiseConstant_BoundaryAboveTwoTo53_BelongsToIntervalBefore()
    {
        var schedule = new PiecewiseConstantSchedule([TwoTo53 + 1], [0.3, 0.1]);
        schedule.GetLearningRate(TwoTo53 + 1).Should().Be(0.3);
        schedule.GetLearningRate(TwoTo53 + 2).Should().Be(0.1);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.1);
    }

    [Fact]
    public void MultiStepAndPiecewise_AtBoundaries_FollowTheirConventions()
    {
        var multi = Schedules.MultiStep(1.0, [10, 20], 0.5);
        multi.GetLearningRate(9).Should().Be(1.0);
        multi.GetLearningRate(10).Should().Be(0.5);
        multi.GetLearningRate(20).Should().Be(0.25);
        var piecewise = Schedules.PiecewiseConstant([10, 20], [3.0, 2.0, 1.0]);
        piecewise.GetLearningRate(10).Should().Be(3.0);
        piecewise.GetLearningRate(11).Should().Be(2.0);
        piecewise.GetLearningRate(21).Should().Be(1.0);
    }
}
