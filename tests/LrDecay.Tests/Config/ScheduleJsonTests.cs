using System.Text;
using System.Text.Json;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Config;

public sealed partial class ScheduleJsonTests
{
    /// <summary>The config error that parsing <paramref name="json"/> throws (the test fails if it parses).</summary>
    internal static ScheduleConfigException Rejects(string json) => Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(json));

    [Theory]
    [InlineData("{\"type\":\"triangle\",\"lr\":0.1}", "$.type", "unknown schedule type 'triangle'")]
    [InlineData("{\"type\":\"constant\",\"lr\":0.1,\"learningRate\":0.1}", "$.learningRate", "unknown property 'learningRate' for type 'constant'")]
    [InlineData("{\"type\":\"linear\",\"startLr\":0.1,\"endLr\":0.0}", "$", "missing required property 'totalSteps'")]
    [InlineData("{\"lr\":0.1}", "$", "missing required property 'type'")]
    [InlineData("{\"type\":7}", "$.type", "type must be a string, got the number 7")]
    [InlineData("{\"type\":\"constant\",\"lr\":\"0.1\"}", "$.lr", "lr must be a number, got the string \"0.1\"")]
    [InlineData("{\"type\":\"constant\",\"lr\":null}", "$.lr", "lr must be a number, got null")]
    [InlineData("{\"type\":\"constant\",\"lr\":1e999}", "$.lr", "lr ('1e999') is out of the range of a double")]
    [InlineData("{\"type\":\"constant\",\"lr\":-0.5}", "$.lr", "lr ('-0.5') must be a finite value greater than or equal to '0'")]
    [InlineData("{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":2.5,\"gamma\":0.5}", "$.stepSize", "stepSize ('2.5') must be an integer number of steps")]
    [InlineData("{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":1e30,\"gamma\":0.5}", "$.stepSize", "out of the range of a step count")]
    [InlineData("{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":-3,\"gamma\":0.5}", "$.stepSize", "stepSize ('-3') must be greater than '0'")]
    [InlineData("{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":10,\"gamma\":1.1}", "$.gamma", "gamma ('1.1') must be greater than '0' and less than or equal to '1'")]
    [InlineData("{\"type\":\"exponential\",\"initialLr\":0.1,\"decayRate\":0.5,\"staircase\":\"yes\"}", "$.staircase", "staircase must be true or false")]
    [InlineData("{\"type\":\"multiStep\",\"initialLr\":0.05,\"milestones\":[50,20,80],\"gamma\":0.5}", "$.milestones", "milestones[1] ('20') is not greater than milestones[0] ('50')")]
    [InlineData("{\"type\":\"multiStep\",\"initialLr\":0.05,\"milestones\":[50,\"x\"],\"gamma\":0.5}", "$.milestones[1]", "milestones[1] must be an integer number of steps")]
    [InlineData("{\"type\":\"multiStep\",\"initialLr\":0.05,\"milestones\":5,\"gamma\":0.5}", "$.milestones", "milestones must be an array, got the number 5")]
    [InlineData("{\"type\":\"piecewiseConstant\",\"boundaries\":[5],\"values\":[1,-1]}", "$.values[1]", "values[1] ('-1') must be")]
    [InlineData("{\"type\":\"cyclic\",\"baseLr\":0.1,\"maxLr\":0.2,\"mode\":\"sawtooth\"}", "$.mode", "mode ('sawtooth') must be one of \"triangular\", \"triangular2\", \"expRange\"")]
    [InlineData("{\"type\":\"plateau\",\"initialLr\":0.01,\"mode\":\"mean\"}", "$.mode", "mode ('mean') must be one of \"min\", \"max\"")]
    [InlineData("{\"type\":\"plateau\",\"initialLr\":0.01,\"factor\":1.5,\"compat\":\"keras\"}", "$.factor", "factor ('1.5')")]
    [InlineData("{\"type\":\"plateau\",\"initialLr\":0.01,\"thresholdMode\":\"rel\",\"compat\":\"keras\"}", "$.thresholdMode", "Keras")]
    [InlineData("{\"type\":\"plateau\"}", "$", "missing required property 'initialLr' (a constant base) or 'schedule'")]
    [InlineData("{\"type\":\"plateau\",\"initialLr\":0.1,\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}", "$", "either 'initialLr' or 'schedule', not both")]
    [InlineData("{\"type\":\"sequence\",\"schedules\":[]}", "$.schedules", "schedules must hold at least one schedule")]
    [InlineData("{\"type\":\"sequence\",\"schedules\":[{\"type\":\"constant\",\"lr\":1}],\"boundaries\":[30]}", "$.boundaries", "got 1 boundaries for 1 schedules")]
    [InlineData("{\"type\":\"sequence\",\"schedules\":[{\"type\":\"constant\",\"lr\":1},{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":5,\"gamma\":1.5}],\"boundaries\":[5]}", "$.schedules[1].gamma", "gamma ('1.5')")]
    [InlineData("{\"type\":\"warmup\",\"warmupSteps\":5,\"schedule\":{\"type\":\"clamp\",\"schedule\":{\"type\":\"cosine\",\"initialLr\":0.1,\"decaySteps\":0}}}", "$.schedule.schedule.decaySteps", "decaySteps ('0') must be greater than '0'")]
    [InlineData("{\"type\":\"chain\",\"schedules\":[{\"type\":\"constant\",\"lr\":1},{\"type\":\"linear\",\"startLr\":0,\"endLr\":1,\"totalSteps\":5}]}", "$.schedules", "schedules[1] starts at '0'")]
    [InlineData("{\"type\":\"clamp\",\"minLr\":0.5,\"maxLr\":0.1,\"schedule\":{\"type\":\"constant\",\"lr\":1}}", "$.maxLr", "maxLr ('0.1') must be greater than or equal to minLr ('0.5')")]
    [InlineData("{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":10,\"pctStart\":0.1}", "$.pctStart", "zero length")]
    [InlineData("{\"type\":\"oneCycle\",\"maxLr\":1e300,\"totalSteps\":100,\"divFactor\":1e-10}", "$.divFactor", "divFactor")]
    [InlineData("{\"type\":\"constant\",\"lr\":0.1,\"lr\":0.2}", "$.lr", "property 'lr' appears more than once")]
    [InlineData("[]", "$", "a schedule must be a JSON object, got an array")]
    [InlineData("{\"type\":\"constant\",", "$", "malformed JSON")]
    [InlineData("", "$", "the config is empty.")]
    [InlineData("{\"type\":\"constant\",\"lr\":0.1} // note", "$", "malformed JSON")]
    public void Parse_InvalidConfig_ThrowsWithPathAndValue(string json, string path, string fragment)
    {
        ScheduleConfigException ex = Rejects(json);
        ex.Path.Should().Be(path);
        ex.Message.Should().StartWith(path + ": ").And.Contain(fragment);
    }

    [Theory]
    [InlineData("{\"type\":\"cosin\",\"initialLr\":0.1,\"decaySteps\":10}", "$.type", "unknown schedule type 'cosin'; did you mean 'cosine'?")]
    [InlineData("{\"type\":\"Cosine\",\"initialLr\":0.1,\"decaySteps\":10}", "$.type", "unknown schedule type 'Cosine'; did you mean 'cosine'?")]
    [InlineData("{\"type\":\"warmup\",\"warmupSteps\":5,\"schedule\":{\"type\":\"cosin\"}}", "$.schedule.type", "unknown schedule type 'cosin'; did you mean 'cosine'?")]
    [InlineData("{\"type\":\"cosine\",\"initialLr\":0.1,\"decayStep\":10}", "$.decayStep", "unknown property 'decayStep' for type 'cosine'; did you mean 'decaySteps'?")]
    [InlineData("{\"type\":\"cosine\",\"InitialLr\":0.1,\"decaySteps\":10}", "$.InitialLr", "unknown property 'InitialLr' for type 'cosine'; did you mean 'initialLr'?")]
    [InlineData("{\"type\":\"plateau\",\"initialLr\":0.1,\"mode\":\"Max\"}", "$.mode", "mode ('Max') must be one of \"min\", \"max\"; did you mean \"max\"?")]
    [InlineData("{\"type\":\"cyclic\",\"baseLr\":0.1,\"maxLr\":0.2,\"mode\":\"exp_range\"}", "$.mode", "mode ('exp_range') must be one of \"triangular\", \"triangular2\", \"expRange\"; did you mean \"expRange\"?")]
    [InlineData("{\"type\":\"no-such-type\"}", "$.type", "unknown schedule type 'no-such-type' (known: constant, step, multiStep, ")]
    [InlineData("{\"type\":\"constant\",\"lr\":0.1,\"learningRate\":0.1}", "$.learningRate", "unknown property 'learningRate' for type 'constant' (known: type, lr).")]
    [InlineData("{\"type\":\"plateau\",\"initialLr\":0.1,\"mode\":\"mean\"}", "$.mode", "mode ('mean') must be one of \"min\", \"max\".")]
    public void Parse_UnknownName_SuggestsTheClosestOrListsTheKnownOnes(string json, string path, string problem)
    {
        ScheduleConfigException ex = Rejects(json);
        ex.Path.Should().Be(path);
        if (problem.EndsWith(", ", StringComparison.Ordinal))
        {
            ex.Problem.Should().StartWith(problem);
        }
        else
        {
            ex.Problem.Should().Be(problem);
        }

        if (problem.Contains("did you mean", StringComparison.Ordinal))
        {
            ex.Problem.Should().NotContain("known:", "a suggestion takes the place of the list");
        }
    }

    [Theory]
    [InlineData("", "$", "the config is empty.")]
    [InlineData(" \r\n\t ", "$", "the config is empty.")]
    [InlineData("{\"type\":\"constant\",\"lr\":0.1,}", "$", "malformed JSON (line 1, column 28): trailing comma before '}'.")]
    [InlineData("{\"type\":\"sequence\",\"schedules\":[\n  {\"type\":\"constant\",\"lr\":0.1},\n  {\"type\":\"constant\",\"lr\":0.2},\n],\"boundaries\":[5]}", "$.schedules", "malformed JSON (line 3, column 31): trailing comma before ']'.")]
    [InlineData("{\"type\":\"multiStep\",\"milestones\":[1,,2]}", "$.milestones[1]", "malformed JSON (line 1, column 37): a value is missing before ','.")]
    [InlineData("{\"type\":\"constant\",\"lr\":0.1", "$", "malformed JSON (line 1, column 28): the JSON ends before this object is closed.")]
    [InlineData("{\"type\":\"warmup\",\"schedule\":{\"type\":\"constant\",\"lr\":0.1", "$.schedule", "malformed JSON (line 1, column 56): the JSON ends before this object is closed (and 1 more around it).")]
    [InlineData("{\"type\":\"cons", "$.type", "malformed JSON (line 1, column 14): the JSON ends inside a string.")]
    [InlineData("{\"type\":\"a\\u00", "$.type", "malformed JSON (line 1, column 15): the JSON ends inside a string.")]
    [InlineData("{\"type\"", "$", "malformed JSON (line 1, column 8): the JSON ends before this object is closed.")]
    [InlineData("[1,2", "$", "malformed JSON (line 1, column 5): the JSON ends before this array is closed.")]
    [InlineData("{\"type\"::\"constant\"}", "$.type", "malformed JSON (line 1, column 9): unexpected ':'.")]
    [InlineData("{\"type\":\"constant\", // the rate\n\"lr\":1}", "$", "malformed JSON (line 1, column 21): comments are not allowed in JSON.")]
    [InlineData("{\"type\":\"constant\",\"lr\":0.1} // note", "$", "malformed JSON (line 1, column 30): comments are not allowed in JSON.")]
    [InlineData("{\"type\":\"constant\",\"lr\":tru}", "$.lr", "malformed JSON (line 1, column 25): invalid value 'tru' (a value is a number, a string in double quotes, true, false, null, an object or an array).")]
    [InlineData("{\"type\":\"warmup\",\"warmupSteps\":5,\"schedule\":{\"type\":\"cosine\",\"initialLr\":NaN}}", "$.schedule.initialLr", "malformed JSON (line 1, column 74): invalid value 'NaN' (a value is a number, a string in double quotes, true, false, null, an object or an array).")]
    [InlineData("{\"type\":\"constant\",\"lr\":01}", "$.lr", "malformed JSON (line 1, column 25): invalid number '01'.")]
    [InlineData("{\"type\":\"constant\",\"lr\":}", "$.lr", "malformed JSON (line 1, column 25): a value is missing before '}'.")]
    [InlineData("{\"type\":\"constant\" \"lr\":0.1}", "$", "malformed JSON (line 1, column 20): a comma is missing after the value of 'type'.")]
    [InlineData("{\"type\":\"multiStep\",\"milestones\":[1 2]}", "$.milestones", "malformed JSON (line 1, column 37): a comma is missing after item 0.")]
    [InlineData("{\"type\":\"constant\",\"lr\":0.1 ]", "$", "malformed JSON (line 1, column 29): expected ',' or '}' after the value of 'lr', got ']'.")]
    [InlineData("{\"type\" \"constant\"}", "$", "malformed JSON (line 1, column 9): expected ':' after property name 'type', got '\"'.")]
    [InlineData("{type:\"constant\"}", "$", "malformed JSON (line 1, column 2): expected a property name in double quotes, got 'type'.")]
    [InlineData("{\"type\":\"constant\",\"lr\":0.1}}", "$", "malformed JSON (line 1, column 29): unexpected '}' after the end of the config (a config is one JSON value).")]
    [InlineData("{\"type\":\"été\"x}", "$", "malformed JSON (line 1, column 14): expected ',' or '}' after the value of 'type', got 'x'.")]
    [InlineData("{\"type\":\"con\u0007stant\"}", "$.type", "malformed JSON (line 1, column 13): a string holds a line break or another control character; write it as an escape such as \\n.")]
    [InlineData("{\"type\":\"con\\qstant\"}", "$.type", "malformed JSON (line 1, column 13): invalid escape '\\q' in a string (JSON knows \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX).")]
    [InlineData("{\"type\":\"\\u12\"}", "$.type", "malformed JSON (line 1, column 10): invalid escape in a string: \\u needs four hexadecimal digits.")]
    [InlineData("{\"type\":'constant'}", "$.type", "malformed JSON (line 1, column 9): strings need double quotes, not single quotes.")]
    [InlineData("{'type':\"constant\"}", "$", "malformed JSON (line 1, column 2): property names need double quotes, not single quotes.")]
    [InlineData("\uFEFF{\"type\":\"constant\",\"lr\":0.1}", "$", "malformed JSON (line 1, column 1): the config starts with a byte-order mark (U+FEFF); give it as UTF-8 without one.")]
    public void Parse_MalformedJson_SaysWhatAndWhereInItsOwnWords(string json, string path, string problem)
    {
        ScheduleConfigException ex = Rejects(json);

        ex.Path.Should().Be(path);
        ex.Problem.Should().Be(problem);
        ex.InnerException.Should().BeAssignableTo<JsonException>();
        foreach (string runtimeWording in new[] { "isFinalBlock", "reader options", "LineNumber", "BytePosition", "Expected", "JSON token" })
        {
            ex.Message.Should().NotContain(runtimeWording);
        }
    }

    [Fact]
    public void Parse_MalformedJson_TheSameFromStringBytesAndStream()
    {
        const string json = "{\"type\":\"constant\",\n \"lr\":0.1,}";
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        string expected = Rejects(json).Message;

        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(bytes.AsSpan())).Message.Should().Be(expected);
        using var stream = new MemoryStream(bytes);
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(stream)).Message.Should().Be(expected);
        expected.Should().Be("$: malformed JSON (line 2, column 10): trailing comma before '}'.");
    }

    [Fact]
    public void ConfigError_IsAJsonException_WithInnerConstructorError()
    {
        ScheduleConfigException ex = Rejects("{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":10,\"gamma\":1.1}");
        ex.Should().BeAssignableTo<JsonException>();
        ex.InnerException.Should().BeOfType<ArgumentOutOfRangeException>();
        ex.Problem.Should().NotContain("Parameter").And.NotContain("Actual value");
    }

    [Fact]
    public void Parse_IntegralFloatStep_Accepted() =>
        ((StepSchedule)ScheduleJson.Parse("{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":30.0,\"gamma\":0.5}")).StepSize.Should().Be(30);

    [Fact]
    public void Parse_PropertyOrderFree_TypeNeedNotComeFirst() =>
        ScheduleJson.Parse("{\"lr\":0.25,\"type\":\"constant\"}").GetLearningRate(3).Should().Be(0.25);

    [Fact]
    public void Parse_NestingDeeperThanMaxDepth_IsConfigError()
    {
        var json = new StringBuilder();
        const int levels = 10_000;
        for (int i = 0; i < levels; i++)
        {
            json.Append("{\"type\":\"scale\",\"factor\":1,\"schedule\":");
        }

        json.Append("{\"type\":\"constant\",\"lr\":1}");
        json.Append('}', levels);
        Rejects(json.ToString()).Message.Should().Be($"$: malformed JSON (line 1, column {1 + (ScheduleJson.MaxDepth * 38)}): the nesting depth exceeds the maximum of {ScheduleJson.MaxDepth} levels.");
    }

    [Fact]
    public void Parse_NestingWithinMaxDepth_Builds()
    {
        var json = new StringBuilder();
        const int levels = ScheduleJson.MaxDepth - 2;
        for (int i = 0; i < levels; i++)
        {
            json.Append("{\"type\":\"scale\",\"factor\":1,\"schedule\":");
        }

        json.Append("{\"type\":\"constant\",\"lr\":0.5}");
        json.Append('}', levels);
        ScheduleJson.Parse(json.ToString()).GetLearningRate(1).Should().Be(0.5);
    }

    [Fact]
    public void Serialize_NestingDeeperThanMaxDepth_ThrowsArgumentException()
    {
        // 10,000 levels, or 300 in a mutation run: there the instrumented frames of the 10,000-deep evaluation overflowed the
        // test thread's stack and took the test host down, and each level's overflow check walks the levels below it.
        ILearningRateSchedule schedule = ScaledByOne(TestBudget.Count(10_000, 300));
        schedule.GetLearningRate(3).Should().Be(0.5);
        Assert.Throws<ArgumentException>(() => ScheduleJson.Serialize(schedule)).Message.Should().Contain("MaxDepth");
    }

    [Fact]
    public void Parse_StreamAndUtf8_SameAsString()
    {
        const string json = "{\"type\":\"cosine\",\"initialLr\":0.1,\"decaySteps\":100}";
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        using var stream = new MemoryStream(bytes);
        ScheduleJson.Serialize(ScheduleJson.Parse(stream)).Should().Be(ScheduleJson.Serialize(ScheduleJson.Parse(json)));
        ScheduleJson.Serialize(ScheduleJson.Parse(bytes.AsSpan())).Should().Be(ScheduleJson.Serialize(ScheduleJson.Parse(json)));
    }

    [Theory]
    [InlineData("{\"type\":\"exponential\",\"initialLr\":0.1,\"decayRate\":0.5}", "{\"type\":\"exponential\",\"initialLr\":0.1,\"decayRate\":0.5,\"decaySteps\":1,\"staircase\":false,\"precision\":\"float64\"}")]
    [InlineData("{\"type\":\"cyclic\",\"baseLr\":0.1,\"maxLr\":0.2}", "{\"type\":\"cyclic\",\"baseLr\":0.1,\"maxLr\":0.2,\"stepSizeUp\":2000,\"stepSizeDown\":2000,\"mode\":\"triangular\",\"gamma\":1}")]
    [InlineData("{\"type\":\"inverseSqrt\",\"initialLr\":0.1}", "{\"type\":\"inverseSqrt\",\"initialLr\":0.1,\"warmupSteps\":0,\"timescale\":10000,\"power\":0.5}")]
    [InlineData("{\"type\":\"clamp\",\"schedule\":{\"type\":\"constant\",\"lr\":1}}", "{\"type\":\"clamp\",\"minLr\":0,\"schedule\":{\"type\":\"constant\",\"lr\":1}}")]
    [InlineData("{\"type\":\"plateau\",\"initialLr\":0.1,\"compat\":\"keras\"}", "{\"type\":\"plateau\",\"initialLr\":0.1,\"mode\":\"min\",\"factor\":0.1,\"patience\":10,\"threshold\":0.0001,\"thresholdMode\":\"abs\",\"cooldown\":0,\"minLr\":0,\"eps\":1E-08,\"compat\":\"keras\"}")]
    public void Serialize_MakesDefaultsExplicit(string json, string normalised) =>
        ScheduleJson.Serialize(ScheduleJson.Parse(json)).Should().Be(normalised);

    [Theory]
    [InlineData(0.1 + 0.2)]
    [InlineData(5e-324)]
    [InlineData(1.7976931348623157e308)]
    [InlineData(0.030000000000000002)]
    public void Serialize_Doubles_RoundTripExactly(double lr) =>
        ((ConstantSchedule)ScheduleJson.Parse(ScheduleJson.Serialize(new ConstantSchedule(lr)))).Lr.Should().Be(lr);

    [Fact]
    public void NullArguments_ThrowNamingTheParameter()
    {
        Assert.Throws<ArgumentNullException>(() => ScheduleJson.Parse((string)null!)).ParamName.Should().Be("json");
        Assert.Throws<ArgumentNullException>(() => ScheduleJson.Parse((Stream)null!)).ParamName.Should().Be("utf8Json");
        Assert.Throws<ArgumentNullException>(() => ScheduleJson.Serialize(null!)).ParamName.Should().Be("schedule");
        Assert.Throws<ArgumentNullException>(() => ScheduleJson.Serialize(null!, indented: true)).ParamName.Should().Be("schedule");
        Assert.Throws<ArgumentNullException>(() => ScheduleJson.ParseState(null!)).ParamName.Should().Be("json");
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("{\"best\":\"low\"}", "$.best")]
    public void ParseState_MalformedOrMistyped_IsConfigErrorWithPath(string json, string path) =>
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.ParseState(json)).Path.Should().Be(path);

    [Fact]
    public void Serialize_AtMaxDepth_RoundTrips_AndOneLevelDeeperThrows()
    {
        // MaxDepth - 1 scale levels around a constant make MaxDepth JSON objects: the deepest config Parse accepts.
        ILearningRateSchedule schedule = ScaledByOne(ScheduleJson.MaxDepth - 1);
        string json = ScheduleJson.Serialize(schedule);
        ScheduleJson.Serialize(ScheduleJson.Parse(json)).Should().Be(json);
        var deeper = new ScaleSchedule(schedule, 1.0);
        Assert.Throws<ArgumentException>(() => ScheduleJson.Serialize(deeper)).Message.Should().Contain("MaxDepth");
        Rejects("{\"type\":\"scale\",\"factor\":1,\"schedule\":" + json + "}");
    }

    public static TheoryData<ILearningRateSchedule, string> ForeignInside() => new()
    {
        { new ScaleSchedule(new Foreign(), 2.0), "$.schedule" },
        { new WarmupSchedule(new Foreign(), 3), "$.schedule" },
        { new ClampSchedule(new Foreign(), 0.0, 2.0), "$.schedule" },
        { new PerEpochSchedule(new Foreign(), 10), "$.schedule" },
        { new PlateauSchedule(new Foreign()), "$.schedule" },
        { new SequenceSchedule([new ConstantSchedule(1.0), new Foreign()], [5]), "$.schedules[1]" },
        { new ChainSchedule([new ConstantSchedule(1.0), new Foreign()]), "$.schedules[1]" },
        { new ScaleSchedule(new WarmupSchedule(new Foreign(), 3), 2.0), "$.schedule.schedule" },
    };

    [Theory]
    [MemberData(nameof(ForeignInside))]
    public void Serialize_ForeignScheduleInsideAnyComposite_NamesItsPath(ILearningRateSchedule schedule, string path) =>
        Assert.Throws<ArgumentException>(() => ScheduleJson.Serialize(schedule)).Message
            .Should().StartWith(path + ": ").And.Contain(nameof(Foreign));

    /// <summary>A constant 0.5 inside <paramref name="levels"/> scale-by-1 schedules (<paramref name="levels"/> + 1 JSON objects).</summary>
    private static ILearningRateSchedule ScaledByOne(int levels)
    {
        ILearningRateSchedule schedule = new ConstantSchedule(0.5);
        for (int i = 0; i < levels; i++)
        {
            schedule = new ScaleSchedule(schedule, 1.0);
        }

        return schedule;
    }

    private sealed class Foreign : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => 1.0;
    }
}
