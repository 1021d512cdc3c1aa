using System.Globalization;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Contracts;

/// <summary>
/// Every type at the steps where arithmetic breaks first: <c>int.MaxValue</c>, around 2^53 (where a double stops holding every
/// integer) and <c>long.MaxValue</c>. No exception, no NaN, no infinity, no negative rate; and where a floor or a period index is
/// taken, it is exact.
/// </summary>
public sealed class ExtremeStepTests
{
    private const long TwoTo53 = 1L << 53;

    public static readonly long[] ExtremeSteps =
    [
        0, 1, int.MaxValue - 1L, int.MaxValue, int.MaxValue + 1L, uint.MaxValue, TwoTo53 - 1, TwoTo53, TwoTo53 + 1, TwoTo53 + 2,
        1L << 62, long.MaxValue - 2, long.MaxValue - 1, long.MaxValue,
    ];

    public static TheoryData<string> Types() =>
        new(RandomConfigs.ClosedFormTypes.Concat(RandomConfigs.CompositeTypes));

    [Theory]
    [MemberData(nameof(Types))]
    public void GetLearningRate_ExtremeSteps_FiniteAndNonNegative(string type)
    {
        var r = new Random(RandomConfigs.StableSeed(type) ^ 53);
        for (int i = 0; i < 60; i++)
        {
            GeneratedConfig config = RandomConfigs.OfType(r, type);
            ILearningRateSchedule schedule = config.Build();
            foreach (long step in ExtremeSteps)
            {
                double lr = schedule.GetLearningRate(step);
                Assert.True(double.IsFinite(lr) && lr >= 0.0, $"lr({step}) = {lr.ToString("R", CultureInfo.InvariantCulture)} for {config.Text}");
            }

            var tail = new double[3];
            schedule.Fill(long.MaxValue - 2, tail);
            tail.Should().OnlyContain(x => double.IsFinite(x) && x >= 0.0, config.Text);
        }
    }

    public static TheoryData<string> HugeConfigs() => new(
        """{"type":"constant","lr":1.7976931348623157E+308}""",
        """{"type":"step","initialLr":1.7976931348623157E+308,"stepSize":1,"gamma":4.9E-324}""",
        """{"type":"multiStep","initialLr":1.7976931348623157E+308,"milestones":[1,9223372036854775807],"gamma":1}""",
        """{"type":"piecewiseConstant","boundaries":[9223372036854775806],"values":[1.7976931348623157E+308,0]}""",
        """{"type":"exponential","initialLr":1.7976931348623157E+308,"decayRate":4.9E-324,"decaySteps":1}""",
        """{"type":"exponential","initialLr":1.7976931348623157E+308,"decayRate":0.5,"decaySteps":9223372036854775807,"staircase":true}""",
        """{"type":"inverseTime","initialLr":1.7976931348623157E+308,"decayRate":1.7976931348623157E+308,"decaySteps":1}""",
        """{"type":"inverseTime","initialLr":1.7976931348623157E+308,"decayRate":1.7976931348623157E+308,"decaySteps":1,"staircase":true}""",
        """{"type":"polynomial","initialLr":1.7976931348623157E+308,"decaySteps":1,"endLr":1.7976931348623157E+308,"power":1E+300,"cycle":true}""",
        """{"type":"polynomial","initialLr":1.7976931348623157E+308,"decaySteps":3,"endLr":0,"power":0.5,"cycle":true}""",
        """{"type":"polynomial","initialLr":1,"decaySteps":99,"power":0.9425,"cycle":true}""",
        """{"type":"cosine","initialLr":1.7976931348623157E+308,"decaySteps":9223372036854775807,"minLr":1.7976931348623157E+308}""",
        """{"type":"cosine","initialLr":0,"decaySteps":9223372036854775807,"minLr":1.7976931348623157E+308}""",
        """{"type":"cosineRestarts","initialLr":1.7976931348623157E+308,"firstDecaySteps":1,"tMul":1,"mMul":4.9E-324}""",
        """{"type":"cosineRestarts","initialLr":1.7976931348623157E+308,"firstDecaySteps":3,"tMul":2}""",
        """{"type":"cosineRestarts","initialLr":1.7976931348623157E+308,"firstDecaySteps":1,"tMul":1.0000001,"mMul":0.5}""",
        """{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":1,"tMul":1.7976931348623157E+308}""",
        """{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":9223372036854775807,"tMul":4294967296}""",
        """{"type":"linear","startLr":1.7976931348623157E+308,"endLr":0,"totalSteps":9223372036854775807}""",
        """{"type":"linear","startLr":0,"endLr":1.7976931348623157E+308,"totalSteps":9223372036854775807}""",
        """{"type":"oneCycle","maxLr":1.7976931348623157E+308,"totalSteps":9223372036854775807,"threePhase":true}""",
        """{"type":"oneCycle","maxLr":1.7976931348623157E+308,"totalSteps":2,"pctStart":1E-300,"divFactor":1,"finalDivFactor":1,"annealStrategy":"linear"}""",
        """{"type":"cyclic","baseLr":0,"maxLr":1.7976931348623157E+308,"stepSizeUp":1,"stepSizeDown":9223372036854775806,"mode":"triangular2"}""",
        """{"type":"cyclic","baseLr":1.7976931348623157E+308,"maxLr":0,"stepSizeUp":4611686018427387903,"mode":"expRange","gamma":4.9E-324}""",
        """{"type":"inverseSqrt","initialLr":1.7976931348623157E+308,"warmupSteps":0,"timescale":9223372036854775807}""",
        """{"type":"inverseSqrt","initialLr":1.7976931348623157E+308,"warmupSteps":9223372036854775807}""",
        """{"type":"warmupStableDecay","initialLr":1.7976931348623157E+308,"warmupSteps":3074457345618258602,"stableSteps":3074457345618258602,"decaySteps":3074457345618258603,"minLrRatio":1,"warmupShape":"1-sqrt","decayShape":"1-sqrt"}""",
        """{"type":"warmup","warmupSteps":9223372036854775807,"startLr":1.7976931348623157E+308,"schedule":{"type":"constant","lr":0}}""",
        """{"type":"sequence","schedules":[{"type":"constant","lr":1},{"type":"constant","lr":1.7976931348623157E+308}],"boundaries":[9223372036854775807]}""",
        """{"type":"chain","schedules":[{"type":"constant","lr":1E+300},{"type":"linear","startLr":1E-300,"endLr":1E-292,"totalSteps":9223372036854775807}]}""",
        """{"type":"scale","factor":1E-300,"schedule":{"type":"constant","lr":1.7976931348623157E+308}}""",
        """{"type":"clamp","minLr":1.7976931348623157E+308,"schedule":{"type":"constant","lr":0}}""",
        """{"type":"perEpoch","stepsPerEpoch":9223372036854775807,"schedule":{"type":"constant","lr":1.7976931348623157E+308}}""",
        """{"type":"plateau","schedule":{"type":"cosineRestarts","initialLr":1.7976931348623157E+308,"firstDecaySteps":7},"minLr":1.7976931348623157E+308}""");

    [Theory]
    [MemberData(nameof(HugeConfigs))]
    public void GetLearningRate_HugeSettings_FiniteAtEveryExtremeStep(string json)
    {
        ILearningRateSchedule schedule = ScheduleJson.Parse(json);
        foreach (long step in ExtremeSteps.Concat([2, 3, 5, 7, 11]))
        {
            double lr = schedule.GetLearningRate(step);
            Assert.True(double.IsFinite(lr) && lr >= 0.0, $"lr({step}) = {lr.ToString("R", CultureInfo.InvariantCulture)} for {json}");
        }
    }

    [Fact]
    public void Polynomial_CycleBeyondTwoTo53_StaysFiniteAndExact()
    {
        // Before the fix 1 - t / (D * cycles) went below 0 past 2^53 and (negative)^0.9425 was NaN.
        var schedule = new PolynomialSchedule(1.0, 99, power: 0.9425, cycle: true);
        schedule.GetLearningRate(1364964816725505939).Should().BeInRange(0.0, 1.0);
        schedule.GetLearningRate(99L * 93_000_000_000_000_000).Should().Be(0.0, "a whole multiple of decaySteps ends a cycle at endLr");
        schedule.GetLearningRate((99L * 93_000_000_000_000_000) + 1).Should().BeApproximately(
            Math.Pow(98.0 / (99.0 * 93_000_000_000_000_001), 0.9425), 1e-30, "one step into the next cycle: ((D - 1) / (D * cycles))^power");
    }

    [Fact]
    public void CosineRestarts_InitialLrAboveHalfMaxValue_DoesNotOverflow()
    {
        // Before the fix peakRange * 2 overflowed to infinity at every restart.
        var schedule = new CosineRestartsSchedule(double.MaxValue, 10, tMul: 1.0);
        schedule.GetLearningRate(0).Should().Be(double.MaxValue);
        schedule.GetLearningRate(10).Should().Be(double.MaxValue);
        schedule.GetLearningRate(5).Should().BeApproximately(double.MaxValue / 2, double.MaxValue * 1e-15);
    }

    [Fact]
    public void MultiStep_MilestoneAboveTwoTo53_CountsExactly()
    {
        var schedule = new MultiStepSchedule(1.0, [TwoTo53 + 1, long.MaxValue], 0.5);
        schedule.GetLearningRate(TwoTo53).Should().Be(1.0);
        schedule.GetLearningRate(TwoTo53 + 1).Should().Be(0.5);
        schedule.GetLearningRate(long.MaxValue - 1).Should().Be(0.5);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.25);
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
    public void Step_FloorAtLongMaxValue_IsExactIntegerDivision()
    {
        // long.MaxValue = 3 * 3074457345618258602 + 1; a double quotient would round up past the true floor at stepSize 2^53 + 1.
        new StepSchedule(1.0, TwoTo53 + 1, 0.5).GetLearningRate((2 * (TwoTo53 + 1)) - 1).Should().Be(0.5);
        new StepSchedule(1.0, TwoTo53 + 1, 0.5).GetLearningRate(2 * (TwoTo53 + 1)).Should().Be(0.25);
        new StepSchedule(1.0, long.MaxValue, 0.5).GetLearningRate(long.MaxValue - 1).Should().Be(1.0);
        new StepSchedule(1.0, long.MaxValue, 0.5).GetLearningRate(long.MaxValue).Should().Be(0.5);
        new StepSchedule(1.0, 1, 1.0).GetLearningRate(long.MaxValue).Should().Be(1.0);
    }

    [Fact]
    public void Staircase_BoundaryAboveTwoTo53_IsExact()
    {
        new ExponentialSchedule(1.0, 0.5, TwoTo53 + 1, staircase: true).GetLearningRate(TwoTo53).Should().Be(1.0);
        new ExponentialSchedule(1.0, 0.5, TwoTo53 + 1, staircase: true).GetLearningRate(TwoTo53 + 1).Should().Be(0.5);
        new InverseTimeSchedule(1.0, 1.0, TwoTo53 + 1, staircase: true).GetLearningRate(TwoTo53).Should().Be(1.0);
        new InverseTimeSchedule(1.0, 1.0, TwoTo53 + 1, staircase: true).GetLearningRate(TwoTo53 + 1).Should().Be(0.5);
    }

    [Fact]
    public void Composites_BoundaryAboveTwoTo53_SwitchExactly()
    {
        var first = new ConstantSchedule(1.0);
        var second = new LinearSchedule(0.5, 0.0, 10);
        var sequence = new SequenceSchedule([first, second], [TwoTo53 + 1]);
        sequence.GetLearningRate(TwoTo53).Should().Be(1.0);
        sequence.GetLearningRate(TwoTo53 + 1).Should().Be(0.5);
        sequence.GetLearningRate(long.MaxValue).Should().Be(0.0);

        var warmup = new WarmupSchedule(second, TwoTo53 + 1);
        warmup.GetLearningRate(TwoTo53 + 1).Should().Be(0.5);
        warmup.GetLearningRate((TwoTo53 + 1) / 2).Should().BeApproximately(0.25, 1e-15);

        var perEpoch = new PerEpochSchedule(new StepSchedule(1.0, 1, 0.5), TwoTo53 + 1);
        perEpoch.GetLearningRate(TwoTo53).Should().Be(1.0);
        perEpoch.GetLearningRate(TwoTo53 + 1).Should().Be(0.5);
        perEpoch.GetLearningRate(long.MaxValue).Should().Be(Math.Pow(0.5, long.MaxValue / (TwoTo53 + 1)));
    }

    [Fact]
    public void CosineRestarts_RestartAboveTwoTo53_IsExact()
    {
        var whole = new CosineRestartsSchedule(1.0, 3, tMul: 2.0);
        long start60 = 3 * ((1L << 60) - 1);
        whole.GetLearningRate(start60).Should().Be(1.0, "a restart begins period 60 at its peak");
        whole.GetLearningRate(start60 - 1).Should().BeLessThan(1e-30);

        var flat = new CosineRestartsSchedule(1.0, TwoTo53 + 1, tMul: 1.0);
        flat.GetLearningRate(TwoTo53 + 1).Should().Be(1.0);
        flat.GetLearningRate(TwoTo53).Should().BeLessThan(1e-30);

        // The spec's example where Keras' logarithm rounds down: t = 363 starts period 5 (3 * (3^5 - 1) / 2 = 363).
        new CosineRestartsSchedule(1.0, 3, tMul: 3.0).GetLearningRate(363).Should().Be(1.0);
    }

    [Fact]
    public void Cyclic_HugeSteps_FollowTheTriangle()
    {
        var schedule = new CyclicSchedule(0.0, 1.0, TwoTo53 + 1);
        schedule.GetLearningRate(TwoTo53 + 1).Should().Be(1.0);
        schedule.GetLearningRate(2 * (TwoTo53 + 1)).Should().Be(0.0);
        new CyclicSchedule(0.0, 1.0, 2, mode: CyclicMode.Triangular2).GetLearningRate(long.MaxValue - 1).Should().Be(0.0);
    }

    [Fact]
    public void WarmupStableDecay_PhaseEndsAboveTwoTo53_AreExact()
    {
        var schedule = new WarmupStableDecaySchedule(1.0, TwoTo53 + 1, TwoTo53 + 1, TwoTo53 + 1, minLrRatio: 0.25);
        schedule.GetLearningRate(TwoTo53 + 1).Should().Be(1.0);
        schedule.GetLearningRate((2 * (TwoTo53 + 1)) - 1).Should().Be(1.0);
        schedule.GetLearningRate(3 * (TwoTo53 + 1)).Should().Be(0.25);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.25);
    }

    [Fact]
    public void InverseSqrt_LongMaxValue_DoesNotWrap()
    {
        var schedule = new InverseSqrtSchedule(1.0, warmupSteps: 10, timescale: 1000);
        double lr = schedule.GetLearningRate(long.MaxValue);
        lr.Should().BeApproximately(1.0 / Math.Sqrt(((double)long.MaxValue + 990) / 1000), 1e-20);
    }

    [Fact]
    public void Fill_EndingAtLongMaxValue_Works()
    {
        var buffer = new double[5];
        new StepSchedule(1.0, long.MaxValue, 0.5).Fill(long.MaxValue - 4, buffer);
        buffer.Should().Equal(1.0, 1.0, 1.0, 1.0, 0.5);
        Assert.Throws<ArgumentOutOfRangeException>("firstStep", () => new ConstantSchedule(1.0).Fill(long.MaxValue - 3, buffer));
    }

    [Fact]
    public void CosineRestarts_HugeTMul_ReturnsPromptly()
    {
        // Before the fix c * (tMul - 1) overflowed, the period estimate became long.MaxValue and the walk back counted down from there.
        var schedule = new CosineRestartsSchedule(1.0, 1, tMul: 1e300);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        schedule.GetLearningRate(0).Should().Be(1.0);
        schedule.GetLearningRate(1).Should().Be(1.0, "period 1 starts at step 1");
        schedule.GetLearningRate(int.MaxValue).Should().BeApproximately(1.0, 1e-12, "period 1 lasts 1e300 steps");
        schedule.GetLearningRate(long.MaxValue).Should().BeApproximately(1.0, 1e-12);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }
}
