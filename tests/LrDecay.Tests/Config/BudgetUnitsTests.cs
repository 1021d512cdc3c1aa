using System.Text;

namespace LrDecay.Tests.Config;

/// <summary>
/// Step counts written as <c>{"epochs": x}</c>, <c>{"samples": x}</c>, <c>{"tokens": x}</c> or <c>{"fraction": x}</c> and resolved
/// against a <see cref="TrainingBudget"/> by <see cref="ScheduleJson.Parse(string, TrainingBudget?)"/>.
/// </summary>
public sealed class BudgetUnitsTests
{
    private static readonly TrainingBudget Full = new(totalSteps: 100_000, stepsPerEpoch: 1875, samplesPerStep: 256, tokensPerStep: 512 * 2048);

    private static string Cosine(string decaySteps) => $$"""{"type":"cosine","initialLr":0.1,"decaySteps":{{decaySteps}}}""";

    private static long DecayStepsOf(string amount, TrainingBudget budget) =>
        ((CosineSchedule)ScheduleJson.Parse(Cosine(amount), budget)).DecaySteps;

    private static ScheduleConfigException Rejects(string json, TrainingBudget? budget) =>
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(json, budget));

    [Theory]
    [InlineData("""{"epochs":3}""", 5625L)] // 3 * 1875 = 5625, exactly
    [InlineData("""{"epochs":0.5}""", 938L)] // 0.5 * 1875 = 937.5, a tie: up to 938
    [InlineData("""{"samples":1200000}""", 4688L)] // 1_200_000 / 256 = 4687.5, a tie: up to 4688
    [InlineData("""{"samples":2560000}""", 10000L)] // 2_560_000 / 256 = 10_000
    [InlineData("""{"tokens":2e9}""", 1907L)] // 2e9 / (512 * 2048 = 1_048_576) = 1907.35: down to 1907
    [InlineData("""{"tokens":1.048576E6}""", 1L)] // one step's tokens, in exponent form
    [InlineData("""{"fraction":0.05}""", 5000L)] // 0.05 * 100_000 = 5000
    [InlineData("""{"fraction":1}""", 100000L)] // the whole run
    [InlineData("""{"fraction":1.5}""", 150000L)] // a horizon past the run is the run's business, not the reader's
    public void Parse_EachUnit_ResolvesAgainstTheBudget(string amount, long expected) =>
        DecayStepsOf(amount, Full).Should().Be(expected);

    [Theory]
    [InlineData("""{"fraction":0.5}""", 3L, 2L)] // 1.5: ties go up
    [InlineData("""{"fraction":0.15}""", 10L, 2L)] // 0.15 * 10 = 1.5 exactly (in doubles 1.4999999999999998, which would give 1)
    [InlineData("""{"fraction":0.25}""", 10L, 3L)] // 2.5: up, not to even
    [InlineData("""{"fraction":0.24999}""", 10L, 2L)] // 2.4999: down
    [InlineData("""{"fraction":0.35}""", 10L, 4L)] // 3.5: up (0.35 * 10 in doubles is 3.5000000000000004)
    [InlineData("""{"fraction":0.14999999999999999999}""", 10L, 1L)] // 1.4999999999999999999: down, though the double of the text is 0.15
    public void Parse_Fraction_RoundsToNearestWithTiesUp_OnTheExactDecimal(string amount, long totalSteps, long expected) =>
        DecayStepsOf(amount, new TrainingBudget(totalSteps: totalSteps)).Should().Be(expected);

    [Theory]
    [InlineData("""{"samples":3}""", 2L, 2L)] // 3 / 2 = 1.5: up
    [InlineData("""{"samples":5}""", 2L, 3L)] // 5 / 2 = 2.5: up, not to even
    [InlineData("""{"samples":1.4999999999999999999}""", 1L, 1L)] // just below the tie; the double of the text is 1.5
    [InlineData("""{"samples":4611686018427387903}""", 9223372036854775806L, 1L)] // (2^62 - 1) / (2^63 - 2) = 0.5 exactly: up
    public void Parse_Samples_RoundsToNearestWithTiesUp_Exactly(string amount, long samplesPerStep, long expected) =>
        DecayStepsOf(amount, new TrainingBudget(samplesPerStep: samplesPerStep)).Should().Be(expected);

    [Theory]
    [InlineData("""{"epochs":4919131752989213}""", 1875L, 9223372036854774375L)] // 4919131752989213 * 1875, exact (a double has 53 bits)
    [InlineData("""{"samples":9223372036854775807}""", 1L, long.MaxValue)] // the largest step count
    public void Parse_LargeAmounts_StayExact(string amount, long field, long expected)
    {
        var budget = new TrainingBudget(stepsPerEpoch: field, samplesPerStep: field);
        string json = $$"""{"type":"step","initialLr":0.1,"gamma":0.5,"stepSize":{{amount}}}""";

        ((StepSchedule)ScheduleJson.Parse(json, budget)).StepSize.Should().Be(expected);
    }

    [Fact]
    public void Parse_AmountBeyondAStepCount_IsConfigErrorAtTheProperty()
    {
        // 2^63 samples at 1 a step is one step beyond long.MaxValue.
        ScheduleConfigException ex = Rejects(Cosine("""{"samples":9223372036854775808}"""), new TrainingBudget(samplesPerStep: 1));

        ex.Path.Should().Be("$.decaySteps");
        ex.Problem.Should().Be("""decaySteps ({"samples": 9223372036854775808} / samplesPerStep 1) is beyond a 64-bit step count.""");
    }

    [Fact]
    public void Parse_HugeFiniteAmount_IsBeyondAStepCount()
    {
        ScheduleConfigException ex = Rejects(Cosine("""{"epochs":1e300}"""), Full);

        ex.Path.Should().Be("$.decaySteps");
        ex.Problem.Should().Be("""decaySteps ({"epochs": 1e300} * stepsPerEpoch 1875) is beyond a 64-bit step count.""");
    }

    [Fact]
    public void Parse_TinyAmount_RoundsToZero_ThenTheRangeNamesTheProperty()
    {
        // 0.0001 * 1000 = 0.1 steps rounds to 0, which decaySteps (> 0) refuses; the message says where the 0 came from.
        ScheduleConfigException ex = Rejects(Cosine("""{"fraction":0.0001}"""), new TrainingBudget(totalSteps: 1000));

        ex.Path.Should().Be("$.decaySteps");
        ex.Problem.Should().Be("""decaySteps ('0') must be greater than '0' ({"fraction": 0.0001} * totalSteps 1000 rounds to 0).""");
    }

    [Fact]
    public void Parse_ZeroIsInRangeOfANonNegativeProperty()
    {
        var schedule = (InverseSqrtSchedule)ScheduleJson.Parse(
            """{"type":"inverseSqrt","initialLr":0.1,"warmupSteps":{"epochs":1e-300},"timescale":{"epochs":2}}""", Full);

        schedule.WarmupSteps.Should().Be(0); // 1e-300 * 1875 rounds to 0
        schedule.Timescale.Should().Be(3750); // 2 * 1875
    }

    [Theory]
    [InlineData("epochs", "stepsPerEpoch")]
    [InlineData("samples", "samplesPerStep")]
    [InlineData("tokens", "tokensPerStep")]
    [InlineData("fraction", "totalSteps")]
    public void Parse_UnitWithoutItsBudgetField_NamesTheFieldAtThePath(string unit, string field)
    {
        string json = "{\"type\":\"warmup\",\"warmupSteps\":10,\"schedule\":{\"type\":\"cosine\",\"initialLr\":0.1,\"decaySteps\":{\"" + unit + "\":3}}}";

        ScheduleConfigException withoutField = Rejects(json, new TrainingBudget(totalSteps: unit == "fraction" ? null : 7, stepsPerEpoch: unit == "epochs" ? null : 5));
        withoutField.Path.Should().Be("$.schedule.decaySteps");
        withoutField.Problem.Should().StartWith($"'{unit}' needs {field}, which the training budget (");
        withoutField.Message.Should().StartWith($"$.schedule.decaySteps: '{unit}' needs {field}");

        ScheduleConfigException withoutBudget = Rejects(json, null);
        withoutBudget.Path.Should().Be("$.schedule.decaySteps");
        withoutBudget.Problem.Should().Be($"'{unit}' needs {field}, but no training budget was given.");
        (withoutField.MissingBudgetField, withoutBudget.MissingBudgetField).Should().Be((field, field), "the field is also given apart from the message");
        Rejects(Cosine("""{"epochs":-1}"""), null).MissingBudgetField.Should().BeNull("any other error names no budget field");
    }

    [Fact]
    public void Parse_WithoutBudgetOverload_RejectsUnits()
    {
        ScheduleConfigException ex = Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(Cosine("""{"epochs":3}""")));

        ex.Message.Should().Be("$.decaySteps: 'epochs' needs stepsPerEpoch, but no training budget was given.");
    }

    [Fact]
    public void Parse_MissingFieldMessage_ListsWhatTheBudgetGives() =>
        Rejects(Cosine("""{"tokens":3}"""), new TrainingBudget(totalSteps: 1000, samplesPerStep: 32)).Message
            .Should().Be("$.decaySteps: 'tokens' needs tokensPerStep, which the training budget (totalSteps=1000, samplesPerStep=32) does not give.");

    [Theory]
    [InlineData("{}", "$.decaySteps", "decaySteps must be an integer number of steps or an object with one unit (epochs, samples, tokens, fraction), got an empty object.")]
    [InlineData("""{"epochs":1,"samples":256}""", "$.decaySteps", "decaySteps gives 2 units ('epochs', 'samples'); give exactly one of epochs, samples, tokens, fraction.")]
    [InlineData("""{"epochs":1,"epochs":2}""", "$.decaySteps", "decaySteps gives a unit more than once ('epochs', 'epochs'); give exactly one of epochs, samples, tokens, fraction.")]
    [InlineData("""{"epoch":3}""", "$.decaySteps.epoch", "unknown unit 'epoch' for decaySteps; did you mean 'epochs'?")]
    [InlineData("""{"steps":3}""", "$.decaySteps.steps", "unknown unit 'steps' for decaySteps (known: epochs, samples, tokens, fraction).")]
    [InlineData("""{"epochs":"3"}""", "$.decaySteps.epochs", "epochs must be a number >= 0, got the string \"3\".")]
    [InlineData("""{"epochs":null}""", "$.decaySteps.epochs", "epochs must be a number >= 0, got null.")]
    [InlineData("""{"epochs":{"epochs":3}}""", "$.decaySteps.epochs", "epochs must be a number >= 0, got an object.")]
    [InlineData("""{"fraction":-0.1}""", "$.decaySteps.fraction", "fraction ('-0.1') must be >= 0.")]
    [InlineData("""{"samples":1e400}""", "$.decaySteps.samples", "samples ('1e400') must be a finite number.")]
    public void Parse_MalformedUnitObject_IsConfigErrorWithPath(string amount, string path, string problem)
    {
        ScheduleConfigException ex = Rejects(Cosine(amount), Full);

        ex.Path.Should().Be(path);
        ex.Problem.Should().Be(problem);
    }

    [Fact]
    public void Parse_NegativeZero_IsZero() =>
        ((InverseSqrtSchedule)ScheduleJson.Parse("""{"type":"inverseSqrt","initialLr":0.1,"warmupSteps":{"fraction":-0}}""", Full))
            .WarmupSteps.Should().Be(0L, "-0 is not below 0");

    [Fact]
    public void Parse_CountsThatAreNotSteps_TakeNoUnits()
    {
        // cycleLimit counts periods and plateau patience counts epochs of metrics: neither is a step count.
        ScheduleConfigException cycles = Rejects(
            """{"type":"cosineRestarts","initialLr":0.1,"firstDecaySteps":{"epochs":1},"cycleLimit":{"epochs":1}}""", Full);
        cycles.Path.Should().Be("$.cycleLimit");
        cycles.Problem.Should().Be("cycleLimit must be an integer number of periods, got an object.");

        ScheduleConfigException patience = Rejects("""{"type":"plateau","initialLr":0.1,"patience":{"epochs":1}}""", Full);
        patience.Path.Should().Be("$.patience");
        patience.Problem.Should().Be("patience must be an integer number of epochs, got an object.");
    }

    [Fact]
    public void Parse_ArrayItems_ResolveEachAndMix()
    {
        var budget = new TrainingBudget(totalSteps: 9000, stepsPerEpoch: 100);
        var multiStep = (MultiStepSchedule)ScheduleJson.Parse(
            """{"type":"multiStep","initialLr":0.1,"gamma":0.1,"milestones":[{"epochs":30},6000,{"fraction":0.9}]}""", budget);

        multiStep.Milestones.Should().Equal(3000L, 6000L, 8100L); // 30 * 100, as written, 0.9 * 9000

        var piecewise = (PiecewiseConstantSchedule)ScheduleJson.Parse(
            """{"type":"piecewiseConstant","boundaries":[{"fraction":0.5},{"fraction":0.75}],"values":[1,0.1,0.01]}""", budget);
        piecewise.Boundaries.Should().Equal(4500L, 6750L); // 0.5 and 0.75 of 9000

        var linear = (PiecewiseLinearSchedule)ScheduleJson.Parse(
            """{"type":"piecewiseLinear","steps":[0,{"epochs":1},{"fraction":1}],"values":[0,0.1,0]}""", budget);
        linear.Steps.Should().Equal(0L, 100L, 9000L);
    }

    [Fact]
    public void Parse_ArrayItemErrors_CarryTheItemPath()
    {
        ScheduleConfigException unknown = Rejects(
            """{"type":"multiStep","initialLr":0.1,"gamma":0.1,"milestones":[10,{"epoch":3}]}""", Full);
        unknown.Path.Should().Be("$.milestones[1].epoch");
        unknown.Problem.Should().Be("unknown unit 'epoch' for milestones[1]; did you mean 'epochs'?");

        ScheduleConfigException missing = Rejects(
            """{"type":"multiStep","initialLr":0.1,"gamma":0.1,"milestones":[10,{"epochs":3}]}""", new TrainingBudget(totalSteps: 10));
        missing.Path.Should().Be("$.milestones[1]");
        missing.Problem.Should().Be("'epochs' needs stepsPerEpoch, which the training budget (totalSteps=10) does not give.");
    }

    [Fact]
    public void Parse_TwoResolvedCounts_TheErrorSaysWhereItsOwnCameFrom()
    {
        // stepSizeUp: 0.0001 * 1000 = 0.1 rounds to 0, which it refuses; stepSizeDown (0.5 * 1000 = 500) is resolved after it.
        ScheduleConfigException ex = Rejects(
            """{"type":"cyclic","baseLr":0.001,"maxLr":0.006,"stepSizeUp":{"fraction":0.0001},"stepSizeDown":{"fraction":0.5}}""",
            new TrainingBudget(totalSteps: 1000));

        ex.Path.Should().Be("$.stepSizeUp");
        ex.Problem.Should().EndWith("""({"fraction": 0.0001} * totalSteps 1000 rounds to 0).""");
    }

    [Fact]
    public void Parse_ArrayThatRoundsOutOfOrder_SaysWhatItResolvedTo()
    {
        // 0.5 * 1000 = 500 and 0.5001 * 1000 = 500.1, which rounds to 500: no longer strictly increasing.
        ScheduleConfigException ex = Rejects(
            """{"type":"multiStep","initialLr":0.1,"gamma":0.1,"milestones":[{"fraction":0.5},{"fraction":0.5001}]}""",
            new TrainingBudget(totalSteps: 1000));

        ex.Path.Should().Be("$.milestones");
        ex.Problem.Should().Be(
            "milestones must be strictly increasing: milestones[1] ('500') is not greater than milestones[0] ('500') (milestones resolved to [500, 500]).");
    }

    [Fact]
    public void Parse_NestedComposites_ResolveAtEveryLevel()
    {
        string json = """
            {"type":"sequence","boundaries":[{"fraction":0.1}],"schedules":[
              {"type":"linear","startLr":0,"endLr":0.1,"totalSteps":{"fraction":0.1}},
              {"type":"cooldown","startStep":{"fraction":0.7},"decaySteps":{"fraction":0.2},
               "schedule":{"type":"constant","lr":0.1}}]}
            """;

        var sequence = (SequenceSchedule)ScheduleJson.Parse(json, new TrainingBudget(totalSteps: 20_000));

        sequence.Boundaries.Should().Equal(2000L); // 0.1 * 20_000
        ((LinearSchedule)sequence.Schedules[0]).TotalSteps.Should().Be(2000L);
        var cooldown = (CooldownSchedule)sequence.Schedules[1];
        cooldown.StartStep.Should().Be(14_000L); // 0.7 * 20_000
        cooldown.DecaySteps.Should().Be(4000L); // 0.2 * 20_000
    }

    [Fact]
    public void Parse_NestedError_HasTheFullPath()
    {
        ScheduleConfigException ex = Rejects(
            """{"type":"sequence","boundaries":[10],"schedules":[{"type":"constant","lr":0.1},{"type":"step","initialLr":0.1,"gamma":0.5,"stepSize":{"tokens":-1}}]}""",
            Full);

        ex.Path.Should().Be("$.schedules[1].stepSize.tokens");
        ex.Problem.Should().Be("tokens ('-1') must be >= 0.");
    }

    [Fact]
    public void Serialize_WritesResolvedIntegers_AndRoundTripsWithoutABudget()
    {
        string json = """{"type":"warmup","warmupSteps":{"fraction":0.05},"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":{"epochs":3}}}""";
        ILearningRateSchedule schedule = ScheduleJson.Parse(json, Full);

        string written = ScheduleJson.Serialize(schedule);

        // 0.05 * 100_000 = 5000 and 3 * 1875 = 5625, written as plain integers.
        written.Should().Be(
            """{"type":"warmup","warmupSteps":5000,"startLr":0,"shape":"linear","prefix":true,"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":5625,"minLr":0,"kDecay":1,"precision":"float64"}}""");
        ILearningRateSchedule again = ScheduleJson.Parse(written);
        ScheduleJson.Serialize(again).Should().Be(written);
        for (long step = 0; step <= 12_000; step += 500)
        {
            again.GetLearningRate(step).Should().Be(schedule.GetLearningRate(step));
        }
    }

    [Fact]
    public void Parse_BytesAndStreamOverloads_TakeTheBudget()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Cosine("""{"epochs":2}"""));

        ((CosineSchedule)ScheduleJson.Parse(utf8.AsSpan(), Full)).DecaySteps.Should().Be(3750L); // 2 * 1875
        using var stream = new MemoryStream(utf8);
        ((CosineSchedule)ScheduleJson.Parse(stream, Full)).DecaySteps.Should().Be(3750L);
        Assert.Throws<ArgumentNullException>(() => ScheduleJson.Parse((string)null!, Full)).ParamName.Should().Be("json");
        Assert.Throws<ArgumentNullException>(() => ScheduleJson.Parse((Stream)null!, Full)).ParamName.Should().Be("utf8Json");
    }

    [Fact]
    public void OneConfig_ServesOneGpuAndEightGpus()
    {
        // Warm-up over 2.56M samples, then cosine over 128M samples. One GPU takes 256 samples a step; eight take 8 * 256 = 2048.
        string json = """
            {"type":"warmup","warmupSteps":{"samples":2560000},
             "schedule":{"type":"cosine","initialLr":0.1,"decaySteps":{"samples":128000000},"minLr":0.001}}
            """;

        var oneGpu = (WarmupSchedule)ScheduleJson.Parse(json, new TrainingBudget(samplesPerStep: 256));
        var eightGpus = (WarmupSchedule)ScheduleJson.Parse(json, new TrainingBudget(samplesPerStep: 8 * 256));

        oneGpu.WarmupSteps.Should().Be(10_000L); // 2_560_000 / 256
        eightGpus.WarmupSteps.Should().Be(1250L); // 2_560_000 / 2048: 8 times fewer steps
        ((CosineSchedule)oneGpu.Schedule).DecaySteps.Should().Be(500_000L); // 128_000_000 / 256
        ((CosineSchedule)eightGpus.Schedule).DecaySteps.Should().Be(62_500L); // 128_000_000 / 2048

        // The same samples seen give the same rate: step 8k on one GPU is step k on eight.
        oneGpu.GetLearningRate(10_000).Should().Be(0.1); // warm-up done: the cosine's start
        eightGpus.GetLearningRate(1250).Should().Be(0.1);
        oneGpu.GetLearningRate(510_000).Should().Be(0.001); // warm-up + decay done: minLr
        eightGpus.GetLearningRate(63_750).Should().Be(0.001);
        foreach (long k in new long[] { 1, 625, 1250, 20_000, 31_875, 50_000, 63_749 })
        {
            eightGpus.GetLearningRate(k).Should().BeApproximately(oneGpu.GetLearningRate(8 * k), 1e-15, $"step {k} on 8 GPUs is step {8 * k} on one");
        }
    }
}
