using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Contracts;

/// <summary>
/// Configs as people break them: valid configs mutated at random (properties deleted, retyped, negated, made huge or tiny, numbers as
/// strings, null, unknown types, extra properties), nesting far past the limit, a million milestones, malformed bytes. Every outcome
/// is a schedule whose rates are finite and >= 0, or a <see cref="ScheduleConfigException"/>: never another exception, never a stack
/// overflow, in bounded time and memory.
/// </summary>
public sealed class HostileConfigTests
{
    public const int FuzzIterations = 4_000;

    private const string Marker = "@@raw@@";

    /// <summary>Raw JSON numbers and literals that JsonNode cannot hold, written into the text in place of a marker.</summary>
    private static readonly string[] RawValues =
    [
        "1e999", "-1e999", "1e-999", "-0", "0.5", "1.0000000001", "1E+2", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "4.9E-324", "1.7976931348623157E+308",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"0.1\"", "\"100\"", "\"\"", "true", "false", "null", "[]", "{}", "[1,2]",
        "{\"type\":\"constant\",\"lr\":0.1}", "\"constant\"", "0", "-1", "1", "2", "1e308", "0.1e1",
    ];

    private static readonly string[] TypeNames =
        RandomConfigs.ClosedFormTypes.Concat(RandomConfigs.CompositeTypes).Concat(["Constant", "STEP", "", "cosine ", "perepoch", "exp"]).ToArray();

    [Fact]
    public void Parse_MutatedValidConfigs_GivesScheduleOrConfigError()
    {
        var r = new Random(4242);
        var outcomes = new Dictionary<string, int>();
        var watch = Stopwatch.StartNew();
        int iterations = TestBudget.Count(FuzzIterations, 300);
        for (int i = 0; i < iterations; i++)
        {
            GeneratedConfig valid = RandomConfigs.Any(r, 3);
            JsonObject json = valid.CloneJson();
            var raws = new List<string>();
            int mutations = r.Next(1, 4);
            for (int m = 0; m < mutations; m++)
            {
                Mutate(r, json, raws);
            }

            string text = json.ToJsonString();
            foreach (string raw in raws)
            {
                int at = text.IndexOf($"\"{Marker}\"", StringComparison.Ordinal);
                if (at < 0)
                {
                    break; // a later mutation removed or rewrote this marker
                }

                text = text.Substring(0, at) + raw + text.Substring(at + Marker.Length + 2);
            }

            string outcome = Outcome(text);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "{0} fuzz cases must run in bounded time", iterations);
        outcomes.GetValueOrDefault("error").Should().BeGreaterThan(iterations / 4, "most mutations break a config");
        outcomes.GetValueOrDefault("schedule").Should().BeGreaterThan(iterations / 50, "some mutations keep a config valid");
    }

    [Fact]
    public void Parse_RandomBytesAndTruncations_GivesConfigError()
    {
        var r = new Random(7);
        for (int i = 0; i < TestBudget.Count(500, 60); i++)
        {
            string valid = RandomConfigs.Any(r, 2).Text;
            byte[] bytes = Encoding.UTF8.GetBytes(valid);
            byte[] broken = (i % 3) switch
            {
                0 => bytes.AsSpan(0, r.Next(bytes.Length)).ToArray(),
                1 => bytes.Select(b => r.Next(20) == 0 ? (byte)r.Next(256) : b).ToArray(),
                _ => Enumerable.Range(0, r.Next(64)).Select(_ => (byte)r.Next(256)).ToArray(),
            };

            OutcomeOf(() => ScheduleJson.Parse(broken), Encoding.UTF8.GetString(broken));
        }

        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(string.Empty));
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse("null"));
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse("[]"));
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse("{\"type\":\"constant\",\"lr\":0.1,\"lr\":0.2}"));
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse("{\"type\":\"constant\",\"lr\":0.1} {}"));
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse("{\"type\":\"constant\",\"lr\":0.1,}"));
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse("{\"type\":\"constant\",\"lr\":0.1 /* c */}"));
        Assert.Throws<ArgumentNullException>("json", () => ScheduleJson.Parse((string)null!));
    }

    [Fact]
    public void Parse_InvalidUtf8InPropertyName_IsConfigError()
    {
        // JsonDocument accepts the bytes and throws InvalidOperationException only when the name is read; before the fix that escaped.
        byte[] bytes = Encoding.UTF8.GetBytes("{\"type\":\"constant\",\"lr\":0.1}");
        bytes[2] = 0xC7;
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(bytes)).Message.Should().Contain("UTF-8");
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(new MemoryStream(bytes)));
    }

    public static TheoryData<string, string, string> DeepNestings() => new()
    {
        { "scale", "{\"type\":\"scale\",\"factor\":1,\"schedule\":", "}" },
        { "warmup", "{\"type\":\"warmup\",\"warmupSteps\":1,\"schedule\":", "}" },
        { "clamp", "{\"type\":\"clamp\",\"schedule\":", "}" },
        { "perEpoch", "{\"type\":\"perEpoch\",\"stepsPerEpoch\":2,\"schedule\":", "}" },
        { "plateau", "{\"type\":\"plateau\",\"schedule\":", "}" },
        { "sequence", "{\"type\":\"sequence\",\"schedules\":[", "]}" },
        { "chain", "{\"type\":\"chain\",\"schedules\":[", "]}" },
        { "array", "[", "]" },
    };

    [Theory]
    [MemberData(nameof(DeepNestings))]
    public void Parse_NestedTenThousandDeep_GivesConfigErrorWithoutStackOverflow(string name, string open, string close)
    {
        string json = Nest(open, close, 10_000);
        var watch = Stopwatch.StartNew();
        Exception? error = OnSmallStack(() => ScheduleJson.Parse(json));
        error.Should().BeOfType<ScheduleConfigException>(name).Which.Message.Should().Contain("depth");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [MemberData(nameof(DeepNestings))]
    public void Parse_NestedToMaxDepth_Builds_AndOneMoreLevelIsAnError(string name, string open, string close)
    {
        if (name == "array")
        {
            return;
        }

        // Each object is one JSON level; a list composite adds its array as a second level.
        int levelsPerComposite = close.Length == 1 ? 1 : 2;
        int deepest = (ScheduleJson.MaxDepth - 1) / levelsPerComposite;
        ILearningRateSchedule? built = null;
        OnSmallStack(() => built = ScheduleJson.Parse(Nest(open, close, deepest))).Should().BeNull(name);
        built!.GetLearningRate(3).Should().BeInRange(0.0, 0.1);
        OnSmallStack(() => ScheduleJson.Serialize(built)).Should().BeNull();
        OnSmallStack(() => ScheduleJson.Parse(Nest(open, close, deepest + 1))).Should().BeOfType<ScheduleConfigException>();
    }

    [Fact]
    public void Parse_MillionMilestones_BuildsInBoundedTimeAndMemory()
    {
        int n = TestBudget.Count(1_000_000, 10_000);
        var text = new StringBuilder("{\"type\":\"multiStep\",\"initialLr\":0.1,\"gamma\":0.999999,\"milestones\":[");
        for (int i = 1; i <= n; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i * 7L}").Append(i < n ? "," : "]}");
        }

        string json = text.ToString();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        ILearningRateSchedule schedule = ScheduleJson.Parse(json);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(512L << 20, "a million milestones is ~8 MB of JSON");
        schedule.GetLearningRate(7L * n).Should().BeApproximately(0.1 * Math.Pow(0.999999, n), 1e-12);
        schedule.GetLearningRate(long.MaxValue).Should().BeGreaterThan(0.0);

        string last = $",{7L * n}]";
        string unordered = json.Replace(last, $",{(7L * n) - 7}]", StringComparison.Ordinal);
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(unordered))
            .Message.Should().Contain($"milestones[{n - 1}]");
        string withString = json.Replace(last, $",\"{7L * n}\"]", StringComparison.Ordinal);
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(withString))
            .Message.Should().StartWith($"$.milestones[{n - 1}]");
    }

    [Fact]
    public void Parse_MillionPiecewiseValues_MismatchIsConfigError()
    {
        int n = TestBudget.Count(1_000_000, 10_000);
        string boundaries = string.Join(",", Enumerable.Range(1, n));
        string values = string.Join(",", Enumerable.Repeat("0.1", n));
        Assert.Throws<ScheduleConfigException>(() =>
            ScheduleJson.Parse($"{{\"type\":\"piecewiseConstant\",\"boundaries\":[{boundaries}],\"values\":[{values}]}}"));
        ScheduleJson.Parse($"{{\"type\":\"piecewiseConstant\",\"boundaries\":[{boundaries}],\"values\":[{values},0.2]}}")
            .GetLearningRate(n + 1).Should().Be(0.2);
    }

    public static TheoryData<string> Overflowing() => new(
        """{"type":"scale","factor":2,"schedule":{"type":"constant","lr":1.7976931348623157E+308}}""",
        """{"type":"scale","factor":1E+10,"schedule":{"type":"cosine","initialLr":1E+300,"decaySteps":10}}""",
        """{"type":"scale","factor":1E+300,"schedule":{"type":"scale","factor":1E+300,"schedule":{"type":"constant","lr":1}}}""",
        """{"type":"chain","schedules":[{"type":"constant","lr":1E+300},{"type":"linear","startLr":1E-300,"endLr":1,"totalSteps":10}]}""",
        """{"type":"chain","schedules":[{"type":"constant","lr":1},{"type":"linear","startLr":4.9E-324,"endLr":1,"totalSteps":10}]}""",
        """{"type":"chain","schedules":[{"type":"constant","lr":1},{"type":"cyclic","baseLr":1E-200,"maxLr":1E+200},{"type":"cyclic","baseLr":1E-200,"maxLr":1E+200}]}""",
        """{"type":"oneCycle","maxLr":1E+300,"totalSteps":10,"divFactor":1E-10}""");

    [Theory]
    [MemberData(nameof(Overflowing))]
    public void Parse_ConfigThatWouldOverflow_IsConfigError(string json)
    {
        ScheduleConfigException error = Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(json));
        error.Message.Should().StartWith("$");
    }

    [Fact]
    public void Ctor_ScaleOrChainThatWouldOverflow_ThrowsNamingTheParameter()
    {
        Assert.Throws<ArgumentOutOfRangeException>("factor", () => new ScaleSchedule(new ConstantSchedule(double.MaxValue), 2.0));
        Assert.Throws<ArgumentException>(
            "schedules",
            () => new ChainSchedule([new ConstantSchedule(1e300), new LinearSchedule(1e-300, 1.0, 10)]));

        // At the edge the product still fits, and a schedule type from outside the library is not second-guessed.
        new ScaleSchedule(new ConstantSchedule(double.MaxValue), 1.0).GetLearningRate(0).Should().Be(double.MaxValue);
        new ScaleSchedule(new Outside(), 1e300).GetLearningRate(0).Should().Be(1e300);
    }

    [Fact]
    public void ParseState_HostileInputs_GiveStateOrConfigError()
    {
        string[] inputs =
        [
            "", "null", "[]", "{}", "{\"best\":\"NaN\"}", "{\"best\":1,\"scale\":2}", "{\"best\":1,\"scale\":-0.5}", "{\"badEpochs\":-1}",
            "{\"best\":1e999}", "{\"best\":\"Infinity\",\"scale\":1}", "{\"best\":1,\"extra\":1}", "{\"best\":\"1\"}",
            "{\"epochs\":9223372036854775808}", "{\"scale\":\"NaN\"}", "{\"best\":1,\"best\":2}", "{\"reductions\":1.5}", "{",
        ];
        foreach (string input in inputs)
        {
            try
            {
                ScheduleJson.ParseState(input);
            }
            catch (ScheduleConfigException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"ParseState({input}) threw {ex.GetType().Name}: {ex.Message}");
            }
        }

        const string NaNBest = "{\"best\":\"NaN\",\"badEpochs\":0,\"cooldownCounter\":0,\"reductions\":0,\"scale\":1,\"epochs\":0}";
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.ParseState(NaNBest)).Message.Should().StartWith("$.best");
    }

    private static string Outcome(string text) => OutcomeOf(() => ScheduleJson.Parse(text), text);

    private static string OutcomeOf(Func<ILearningRateSchedule> parse, string text)
    {
        var watch = Stopwatch.StartNew();
        ILearningRateSchedule schedule;
        try
        {
            schedule = parse();
        }
        catch (ScheduleConfigException ex)
        {
            ex.Message.Should().StartWith("$", text);
            return "error";
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.GetType().Name} escaped for {text}: {ex.Message}", ex);
        }

        foreach (long step in ExtremeStepTests.ExtremeSteps)
        {
            double lr = schedule.GetLearningRate(step);
            Assert.True(double.IsFinite(lr) && lr >= 0.0, $"lr({step}) = {lr} for accepted config {text}");
        }

        ILearningRateSchedule again = ScheduleJson.Parse(ScheduleJson.Serialize(schedule));
        again.GetLearningRate(12345).Should().Be(schedule.GetLearningRate(12345), text);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), text);
        return "schedule";
    }

    private static void Mutate(Random r, JsonObject root, List<string> raws)
    {
        List<JsonObject> objects = [];
        Collect(root, objects);
        JsonObject target = objects[r.Next(objects.Count)];
        string[] names = target.Select(p => p.Key).ToArray();
        string name = names.Length > 0 && r.Next(6) > 0 ? names[r.Next(names.Length)] : "x" + r.Next(3);
        switch (r.Next(10))
        {
            case 0:
                target.Remove(name);
                break;
            case 1:
                target[name] = Marker;
                raws.Add(RawValues[r.Next(RawValues.Length)]);
                break;
            case 2:
                target[name] = target[name] is JsonValue v && v.TryGetValue(out double d) ? -d : (JsonNode?)JsonValue.Create(-1);
                break;
            case 3:
                target[name] = target[name] is JsonValue s ? s.ToJsonString() : "1";
                break;
            case 4:
                target[name] = null;
                break;
            case 5:
                target["type"] = TypeNames[r.Next(TypeNames.Length)];
                break;
            case 6:
                target[new[] { "extra", "Lr", "initiallr", "schedule", "schedules", "milestones", "$type" }[r.Next(7)]] = 1;
                break;
            case 7:
                target[name] = new[] { 1e308, 1e-308, double.Epsilon, double.MaxValue, 1e20, 1e-20 }[r.Next(6)];
                break;
            case 8:
                target[name] = new JsonArray(JsonValue.Create(r.Next(-2, 3)), JsonValue.Create(1e300));
                break;
            default:
                if (target[name] is JsonArray array && array.Count > 0)
                {
                    array.RemoveAt(r.Next(array.Count));
                }
                else
                {
                    target[name] = (long)r.NextInt64(long.MinValue, long.MaxValue);
                }

                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonObject> into)
    {
        if (node is JsonObject o)
        {
            into.Add(o);
            foreach (KeyValuePair<string, JsonNode?> p in o)
            {
                Collect(p.Value, into);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (JsonNode? item in a)
            {
                Collect(item, into);
            }
        }
    }

    private static string Nest(string open, string close, int depth)
    {
        var text = new StringBuilder((open.Length + close.Length + 2) * depth + 40);
        for (int i = 0; i < depth; i++)
        {
            text.Append(open);
        }

        text.Append("{\"type\":\"constant\",\"lr\":0.1}");
        for (int i = 0; i < depth; i++)
        {
            text.Append(close);
        }

        return text.ToString();
    }

    /// <summary>
    /// Runs on a thread with a 1 MiB stack (an eighth of the Linux default main stack), so any unbounded recursion would show. A mutation
    /// run's instrumented code takes far bigger frames, so there it gets 64 MiB.
    /// </summary>
    private static Exception? OnSmallStack(Action action)
    {
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
                }
                catch (Exception ex)
                {
                    error = ex;
                }
            },
            TestBudget.Reduced ? 64 << 20 : 1 << 20);
        thread.Start();
        thread.Join();
        return error;
    }

    private static Exception? OnSmallStack(Func<object> func) => OnSmallStack(() => { _ = func(); });

    private sealed class Outside : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => 1.0;
    }
}
