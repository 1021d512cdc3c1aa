using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class PiecewiseLinearScheduleTests : ScheduleContractTests
{
    // A value whose sum with double.MaxValue - itself rounds past double.MaxValue.
    private const double NearMax = 7.271657569836027e+307;

    protected override ILearningRateSchedule Create() => new PiecewiseLinearSchedule([10, 20, 40], [0.4, 0.2, 0.05], PiecewiseInterpolation.Cosine);

    [Theory]
    [InlineData(0L, 0.4)] // before the first knot: values[0]
    [InlineData(10L, 0.4)] // f = 0: 0.2 + (0.4 - 0.2)/2 * (cos 0 + 1)
    [InlineData(15L, 0.30000000000000004)] // f = 1/2: 0.2 + 0.1 * (cos(pi/2) + 1), cos(pi/2) = 6.1e-17
    [InlineData(20L, 0.2)] // second segment, f = 0: 0.05 + 0.075 * 2
    [InlineData(30L, 0.125)] // f = 1/2: 0.05 + 0.075 * 1 = (0.2 + 0.05)/2
    [InlineData(40L, 0.05)] // from the last knot on: values[2]
    [InlineData(long.MaxValue, 0.05)]
    public void Cosine_FollowsTheHalfCosineBetweenKnots(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Theory]
    [InlineData(0L, 0.4)] // before the first knot
    [InlineData(10L, 0.4)] // f = 0: (0.2 - 0.4) * 0 + 0.4
    [InlineData(15L, 0.30000000000000004)] // f = 1/2: (0.2 - 0.4) * 0.5 + 0.4
    [InlineData(35L, 0.08750000000000001)] // f = 3/4 of [20, 40): (0.05 - 0.2) * 0.75 + 0.2 = 0.0875
    [InlineData(40L, 0.05)]
    [InlineData(long.MaxValue, 0.05)]
    public void Linear_InterpolatesBetweenKnots(long step, double expected) =>
        LrAssert.At(Schedules.PiecewiseLinear([10, 20, 40], [0.4, 0.2, 0.05]), step, expected);

    [Fact]
    public void Cosine_AtAKnot_TakesTheSegmentsFormula_AsOptaxDoes()
    {
        // optax piecewise_interpolate_schedule('cosine', 0.01, {20: 0.1}) at count 0 is _cosine_interpolate(0.01, 0.001, 0):
        // 0.001 + (0.01 - 0.001)/2 * (cos 0 + 1) = 0.010000000000000002, one bit above values[0] (the v2-optax vectors have it).
        var schedule = Schedules.PiecewiseLinear([0, 20], [0.01, 0.001], PiecewiseInterpolation.Cosine);

        schedule.GetLearningRate(0).Should().Be(0.010000000000000002);
        schedule.GetLearningRate(20).Should().Be(0.001);
    }

    [Fact]
    public void SingleKnot_IsConstant()
    {
        var schedule = Schedules.PiecewiseLinear([7], [0.07]);

        schedule.GetLearningRate(0).Should().Be(0.07);
        schedule.GetLearningRate(7).Should().Be(0.07);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.07);
    }

    [Fact]
    public void ManyKnots_FindTheirSegment()
    {
        // Knots (10 k, k) for k = 0..19 (past the short-list count): linear between them gives t/10 on [0, 190].
        long[] steps = Enumerable.Range(0, 20).Select(k => 10L * k).ToArray();
        double[] values = Enumerable.Range(0, 20).Select(k => (double)k).ToArray();
        var schedule = Schedules.PiecewiseLinear(steps, values);

        LrAssert.At(schedule, 0, 0.0);
        LrAssert.At(schedule, 57, 5.7); // (6 - 5) * 0.7 + 5
        LrAssert.At(schedule, 183, 18.3); // (19 - 18) * 0.3 + 18
        LrAssert.At(schedule, 1_000, 19.0);
    }

    [Fact]
    public void NearDoubleMax_RoundingPastTheTop_GivesTheLargestFiniteRate()
    {
        // Linear: on a segment longer than 2^53 the last step's f rounds to 1, and (M - a) * 1 + a rounds to infinity for this a.
        long length = (1L << 62) + 1_024;
        var linear = Schedules.PiecewiseLinear([0, length], [NearMax, double.MaxValue]);
        linear.GetLearningRate(length - 1).Should().Be(double.MaxValue);

        // Cosine at the first knot: a + (M - a)/2 * (cos 0 + 1) = a + (M - a), which rounds to infinity.
        var cosine = Schedules.PiecewiseLinear([0, 10], [double.MaxValue, NearMax], PiecewiseInterpolation.Cosine);
        cosine.GetLearningRate(0).Should().Be(double.MaxValue);
    }

    [Fact]
    public void Json_InterpolationDefaultsToLinear_AndIsWrittenBack()
    {
        ILearningRateSchedule schedule = ScheduleJson.Parse("""{"type":"piecewiseLinear","steps":[0,100],"values":[1e-6,0.001]}""");

        schedule.Should().BeOfType<PiecewiseLinearSchedule>().Which.Interpolation.Should().Be(PiecewiseInterpolation.Linear);
        ScheduleJson.Serialize(schedule).Should().Be("""{"type":"piecewiseLinear","steps":[0,100],"values":[1E-06,0.001],"interpolation":"linear"}""");
    }

    [Theory]
    [InlineData("""{"type":"piecewiseLinear","steps":[0,10],"values":[0.1,0.2],"interpolation":"cos"}""", "$.interpolation")]
    [InlineData("""{"type":"piecewiseLinear","steps":[],"values":[]}""", "$.steps")]
    [InlineData("""{"type":"piecewiseLinear","steps":[0,10,10],"values":[0.1,0.05,0.01]}""", "$.steps")]
    [InlineData("""{"type":"piecewiseLinear","steps":[-1,10],"values":[0.1,0.05]}""", "$.steps")]
    [InlineData("""{"type":"piecewiseLinear","steps":[0,10,20],"values":[0.1,0.05]}""", "$.values")]
    public void Json_BadConfig_NamesTheProperty(string json, string path)
    {
        var ex = Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(json));
        ex.Path.Should().StartWith(path);
    }

    [Fact]
    public void Ctor_NoSteps_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PiecewiseLinearSchedule([], []));
        ex.ParamName.Should().Be("steps");
        ex.Message.Should().Contain("at least one");
    }

    [Fact]
    public void Ctor_LengthMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PiecewiseLinearSchedule([0, 10, 20], [0.1, 0.05]));
        ex.ParamName.Should().Be("values");
        ex.Message.Should().Contain("got 2 values for 3 steps");
    }

    [Fact]
    public void Ctor_NegativeValue_ThrowsNamingIndex()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PiecewiseLinearSchedule([0, 10, 20], [0.1, -0.05, 0.01]));
        ex.ParamName.Should().Be("values[1]");
        ex.Message.Should().Contain("values[1] ('-0.05')");
    }

    [Fact]
    public void Ctor_UnsortedSteps_Throws() =>
        Assert.Throws<ArgumentException>(() => new PiecewiseLinearSchedule([0, 20, 10], [0.1, 0.05, 0.01])).ParamName.Should().Be("steps");

    [Fact]
    public void Ctor_UndefinedInterpolation_Throws()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new PiecewiseLinearSchedule([0], [0.1], (PiecewiseInterpolation)7));
        error.ParamName.Should().Be("interpolation");
        error.Message.Should().StartWith("interpolation ('7') must be 'Linear' or 'Cosine'.");
    }
}
