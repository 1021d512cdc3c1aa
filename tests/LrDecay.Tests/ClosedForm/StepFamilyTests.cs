using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class ConstantScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new ConstantSchedule(0.01);

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(long.MaxValue)]
    public void GetLearningRate_AnyStep_ReturnsLr(long step) => Create().GetLearningRate(step).Should().Be(0.01);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Ctor_BadLr_Throws(double lr)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantSchedule(lr));
        ex.ParamName.Should().Be("lr");
        ex.Message.Should().StartWith("lr ('");
    }

    [Fact]
    public void Ctor_ZeroLr_Allowed() => new ConstantSchedule(0.0).GetLearningRate(5).Should().Be(0.0);
}

public sealed class StepScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new StepSchedule(0.1, 30, 0.1);

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(29L, 0)]
    [InlineData(30L, 1)]
    [InlineData(31L, 1)]
    [InlineData(59L, 1)]
    [InlineData(60L, 2)]
    [InlineData(299L, 9)]
    [InlineData(300L, 10)]
    public void GetLearningRate_AroundBoundaries_DropsByGamma(long step, int drops) =>
        LrAssert.At(Create(), step, 0.1 * Math.Pow(0.1, drops));

    [Fact]
    public void GetLearningRate_FarPastEnd_UnderflowsToZeroNotNaN()
    {
        ILearningRateSchedule schedule = Create();
        schedule.GetLearningRate(30L * 400).Should().Be(0.0);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.0);
    }

    [Fact]
    public void GetLearningRate_GammaOne_Constant() =>
        new StepSchedule(0.3, 1, 1.0).GetLearningRate(long.MaxValue).Should().Be(0.3);

    [Fact]
    public void GetLearningRate_PastPowerCache_MatchesPow()
    {
        var schedule = new StepSchedule(1.0, 1, 0.9999);
        foreach (long k in new long[] { 1023, 1024, 1025, 5_000, 100_000 })
        {
            LrAssert.At(schedule, k, Math.Pow(0.9999, k));
        }
    }

    [Theory]
    [InlineData(0L, "stepSize")]
    [InlineData(-5L, "stepSize")]
    public void Ctor_BadStepSize_Throws(long stepSize, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new StepSchedule(0.1, stepSize, 0.5));
        ex.ParamName.Should().Be(param);
        ex.Message.Should().Contain($"('{stepSize}')");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Ctor_GammaOutsideUnitInterval_Throws(double gamma)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new StepSchedule(0.1, 10, gamma));
        ex.ParamName.Should().Be("gamma");
        ex.Message.Should().Contain("gamma ('").And.Contain("must be greater than '0' and less than or equal to '1'");
    }
}

public sealed class MultiStepScheduleTests : ScheduleContractTests
{
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
        schedule.GetLearningRate(12).Should().Be(0.5);
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
}

public sealed class PiecewiseConstantScheduleTests : ScheduleContractTests
{
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
}
