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

    /// <summary>Every JSON type of the library's catalog.</summary>
    public static TheoryData<string> Types() => new(ScheduleJson.Types.Select(t => t.Name));

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
    public void Staircase_BoundaryAboveTwoTo53_IsExact()
    {
        // floor(2^53 / (2^53 + 1)) = 0 and floor((2^53 + 1) / (2^53 + 1)) = 1, although both quotients round to 1.0 as doubles:
        // 0.5^0 = 1 and 0.5^1 = 0.5; inverse time 1 / (1 + 1 * 0) = 1 and 1 / (1 + 1 * 1) = 0.5.
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

        // Before the boundary the constant 1; at it the linear ramp's step 0 (0.5); far past it the ramp's end (0).
        sequence.GetLearningRate(TwoTo53).Should().Be(1.0);
        sequence.GetLearningRate(TwoTo53 + 1).Should().Be(0.5);
        sequence.GetLearningRate(long.MaxValue).Should().Be(0.0);

        var warmup = new WarmupSchedule(second, TwoTo53 + 1);
        warmup.GetLearningRate(TwoTo53 + 1).Should().Be(0.5);
        warmup.GetLearningRate((TwoTo53 + 1) / 2).Should().BeApproximately(0.25, 1e-15);

        // Epoch floor(t / (2^53 + 1)): 0 at 2^53 (rate 0.5^0), 1 at 2^53 + 1 (0.5^1), 1023 at long.MaxValue (0.5^1023).
        var perEpoch = new PerEpochSchedule(new StepSchedule(1.0, 1, 0.5), TwoTo53 + 1);
        perEpoch.GetLearningRate(TwoTo53).Should().Be(1.0);
        perEpoch.GetLearningRate(TwoTo53 + 1).Should().Be(0.5);
        perEpoch.GetLearningRate(long.MaxValue).Should().Be(Math.Pow(0.5, long.MaxValue / (TwoTo53 + 1)));
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
    public void EverySchedule_AtHugeSteps_IsFiniteAndNonNegative()
    {
        foreach ((string name, Func<ILearningRateSchedule> create) in ScheduleCatalog.All)
        {
            ILearningRateSchedule schedule = create();
            foreach (long step in new[] { (1L << 53) - 1, 1L << 53, (1L << 53) + 1, 1L << 62, long.MaxValue - 1, long.MaxValue })
            {
                double lr = schedule.GetLearningRate(step);
                (double.IsFinite(lr) && lr >= 0.0).Should().BeTrue($"{name} at {step} gave {lr:R}");
            }
        }
    }
}
