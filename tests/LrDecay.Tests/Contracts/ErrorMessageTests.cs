using System.Text;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Contracts;

/// <summary>
/// Every error message a user can meet, word for word, against <c>error-messages.txt</c>: the constructor errors of
/// <see cref="ValidationBoundaryTests.Invalid"/> and the config errors below. A change of wording shows up here as a diff of that
/// file. To accept new wording, run with <c>LRDECAY_WRITE_MESSAGES=1</c>, which rewrites the file, and review the diff.
/// </summary>
public sealed class ErrorMessageTests
{
    private const string FileName = "error-messages.txt";

    /// <summary>Configs that fail in every way the reader knows, each on a different check.</summary>
    public static readonly string[] BadConfigs =
    [
        "[]",
        "\"constant\"",
        "7",
        "true",
        "null",
        "{}",
        "{\"type\":null}",
        "{\"type\":[1]}",
        "{\"type\":{}}",
        "{\"type\":\"constant\"}",
        "{\"type\":\"constant\",\"lr\":true}",
        "{\"type\":\"constant\",\"lr\":\"0.0000000000000000000000000000000000000000001\"}",
        "{\"type\":\"constant\",\"lr\":1e400}",
        "{\"type\":\"constant\",\"lr\":-1e-300}",
        "{\"type\":\"constant\",\"lr\":0.1,\"extra\":1}",
        "{\"type\":\"constant\",\"lr\":0.1,\"lr\":0.1}",
        "{\"type\":\"konstant\",\"lr\":0.1}",
        "{\"type\":\"Constant\",\"lr\":0.1}",
        "{\"type\":\"no-such-type\",\"lr\":0.1}",
        "{\"type\":\"constant\",\"Lr\":0.1}",
        "{\"type\":\"plateau\",\"initialLr\":0.1,\"mode\":\"MIN\"}",
        "{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":\"10\",\"gamma\":0.5}",
        "{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":10.5,\"gamma\":0.5}",
        "{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":1e19,\"gamma\":0.5}",
        "{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":-1e19,\"gamma\":0.5}",
        "{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":123456789012345678901234567890123456789012345,\"gamma\":0.5}",
        "{\"type\":\"step\",\"initialLr\":0.1,\"stepSize\":0,\"gamma\":0.5}",
        "{\"type\":\"multiStep\",\"initialLr\":0.1,\"milestones\":{},\"gamma\":0.5}",
        "{\"type\":\"multiStep\",\"initialLr\":0.1,\"milestones\":[1,null],\"gamma\":0.5}",
        "{\"type\":\"multiStep\",\"initialLr\":0.1,\"milestones\":[3,3],\"gamma\":0.5}",
        "{\"type\":\"multiStep\",\"initialLr\":0.1,\"milestones\":[0],\"gamma\":0.5}",
        "{\"type\":\"piecewiseConstant\",\"boundaries\":[10],\"values\":[0.1,\"x\"]}",
        "{\"type\":\"piecewiseConstant\",\"boundaries\":[10],\"values\":[0.1]}",
        "{\"type\":\"piecewiseConstant\",\"boundaries\":[10],\"values\":[0.1,-0.1]}",
        "{\"type\":\"exponential\",\"initialLr\":0.1,\"decayRate\":0.5,\"staircase\":1}",
        "{\"type\":\"exponential\",\"initialLr\":0.1,\"decayRate\":0}",
        "{\"type\":\"inverseTime\",\"initialLr\":0.1,\"decayRate\":-1}",
        "{\"type\":\"polynomial\",\"initialLr\":0.1,\"decaySteps\":10,\"power\":0}",
        "{\"type\":\"cosine\",\"initialLr\":0.1,\"decaySteps\":0}",
        "{\"type\":\"cosineRestarts\",\"initialLr\":0.1,\"firstDecaySteps\":10,\"tMul\":0.5}",
        "{\"type\":\"cosine\",\"initialLr\":0.1,\"decaySteps\":100,\"kDecay\":0}",
        "{\"type\":\"cosineRestarts\",\"initialLr\":0.1,\"firstDecaySteps\":10,\"cycleLimit\":-1}",
        "{\"type\":\"cosineRestarts\",\"initialLr\":0.1,\"firstDecaySteps\":10,\"cycleLimit\":2.5}",
        "{\"type\":\"cosineRestarts\",\"initialLr\":0.1,\"firstDecaySteps\":10,\"cycleLimit\":1e19}",
        "{\"type\":\"cosineRestarts\",\"initialLr\":0.1,\"firstDecaySteps\":10,\"mMulMode\":\"x\"}",
        "{\"type\":\"inverseSqrt\",\"initialLr\":0.001,\"warmupSteps\":100,\"power\":0}",
        "{\"type\":\"linear\",\"startLr\":0.1,\"endLr\":-0.1,\"totalSteps\":10}",
        "{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":100,\"annealStrategy\":\"cosine\"}",
        "{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":100,\"annealStrategy\":2}",
        "{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":10,\"pctStart\":0.1}",
        "{\"type\":\"cyclic\",\"baseLr\":0.1,\"maxLr\":0.2,\"mode\":\"exp_range\"}",
        "{\"type\":\"cyclic\",\"baseLr\":0.1,\"maxLr\":0.2,\"mode\":\"expRange\",\"gamma\":1.5}",
        "{\"type\":\"inverseSqrt\",\"initialLr\":0.1,\"timescale\":0}",
        "{\"type\":\"warmupStableDecay\",\"initialLr\":0.1,\"warmupSteps\":1,\"stableSteps\":1,\"decaySteps\":1,\"decayShape\":\"sqrt\"}",
        "{\"type\":\"warmupStableDecay\",\"initialLr\":0.1,\"warmupSteps\":1,\"stableSteps\":1,\"decaySteps\":1,\"minLrRatio\":2}",
        "{\"type\":\"warmup\",\"warmupSteps\":10,\"schedule\":7}",
        "{\"type\":\"warmup\",\"warmupSteps\":0,\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}",
        "{\"type\":\"sequence\",\"schedules\":[]}",
        "{\"type\":\"sequence\",\"schedules\":[{\"type\":\"constant\",\"lr\":0.1},{\"type\":\"constant\",\"lr\":0.2}]}",
        "{\"type\":\"sequence\",\"schedules\":[{\"type\":\"constant\",\"lr\":0.1},{\"type\":\"constant\",\"lr\":0.2}],\"boundaries\":[0]}",
        "{\"type\":\"sequence\",\"schedules\":[{\"type\":\"constant\",\"lr\":0.1},{\"lr\":0.2}],\"boundaries\":[5]}",
        "{\"type\":\"chain\",\"schedules\":{}}",
        "{\"type\":\"chain\",\"schedules\":[{\"type\":\"constant\",\"lr\":0.1},{\"type\":\"constant\",\"lr\":0}]}",
        "{\"type\":\"chain\",\"schedules\":[{\"type\":\"constant\",\"lr\":1e300},{\"type\":\"linear\",\"startLr\":1e-300,\"endLr\":1,\"totalSteps\":5}]}",
        "{\"type\":\"scale\",\"factor\":0,\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}",
        "{\"type\":\"scale\",\"factor\":1e300,\"schedule\":{\"type\":\"constant\",\"lr\":1e300}}",
        "{\"type\":\"clamp\",\"minLr\":0.2,\"maxLr\":0.1,\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}",
        "{\"type\":\"perEpoch\",\"stepsPerEpoch\":0,\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}",
        "{\"type\":\"warmup\",\"warmupSteps\":10,\"shape\":\"exp\",\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}",
        "{\"type\":\"cooldown\",\"startStep\":8,\"decaySteps\":2,\"shape\":\"exp\",\"power\":2,\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}",
        "{\"type\":\"cooldown\",\"startStep\":8,\"decaySteps\":2,\"shape\":\"sqrt\",\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}",
        "{\"type\":\"plateau\"}",
        "{\"type\":\"plateau\",\"initialLr\":0.1,\"schedule\":{\"type\":\"constant\",\"lr\":0.1}}",
        "{\"type\":\"plateau\",\"initialLr\":0.1,\"mode\":\"minimum\"}",
        "{\"type\":\"plateau\",\"initialLr\":0.1,\"thresholdMode\":\"relative\"}",
        "{\"type\":\"plateau\",\"initialLr\":0.1,\"compat\":\"tf\"}",
        "{\"type\":\"plateau\",\"initialLr\":0.1,\"compat\":\"keras\",\"thresholdMode\":\"rel\"}",
        "{\"type\":\"plateau\",\"initialLr\":0.1,\"factor\":1}",
        "{\"type\":\"plateau\",\"initialLr\":0.1,\"patience\":-1}",
        "{\"type\":\"plateau\",\"schedule\":{\"type\":\"cosine\",\"initialLr\":0.1,\"decaySteps\":-5}}",
        "{\"type\":\"constant\",\"lr\":0.1",
        "{\"type\":\"constant\",\"lr\":0.1}{}",
        "",
        "   ",
        "{\"type\":\"multiStep\",\"initialLr\":0.1,\"milestones\":[10,20,],\"gamma\":0.5}",
        "{\"type\":\"constant\",\"lr\":0.1,}",
        "{\"type\":\"constant\", /* rate */ \"lr\":0.1}",
        "{\"type\":\"constant\",\"lr\":Infinity}",
        "{\"type\":\"warmup\",\"warmupSteps\":10,\"schedule\":{\"type\":\"constant\" \"lr\":0.1}}",
    ];

    /// <summary>Plateau states that fail to parse, each on a different check.</summary>
    public static readonly string[] BadStates =
    [
        "{}",
        "{\"best\":1,\"badEpochs\":0,\"cooldownCounter\":0,\"reductions\":0,\"scale\":1}",
        "{\"best\":1,\"badEpochs\":0,\"cooldownCounter\":0,\"reductions\":0,\"scale\":1,\"epochs\":0,\"lr\":0.1}",
        "null",
        "[]",
        "{\"best\":1,\"badEpochs\":0,\"cooldownCounter\":0,\"reductions\":0,\"scale\":2,\"epochs\":0}",
        "{\"best\":1,\"badEpochs\":-1,\"cooldownCounter\":0,\"reductions\":0,\"scale\":1,\"epochs\":0}",
        "{\"best\":\"x\",\"badEpochs\":0,\"cooldownCounter\":0,\"reductions\":0,\"scale\":1,\"epochs\":0}",
        "{\"best\":1,",
    ];

    [Fact]
    public void EveryErrorMessage_IsWordForWordTheRecordedOne()
    {
        List<string> actual = Messages();
        string path = Path.Combine(SourceDirectory(), FileName);
        if (Environment.GetEnvironmentVariable("LRDECAY_WRITE_MESSAGES") == "1")
        {
            File.WriteAllText(path, string.Join("\n", actual) + "\n", new UTF8Encoding(false));
            return;
        }

        string[] expected = File.ReadAllText(path).TrimEnd('\n').Split('\n');
        var differences = new StringBuilder();
        for (int i = 0; i < Math.Max(expected.Length, actual.Count); i++)
        {
            string want = i < expected.Length ? expected[i] : "(missing)";
            string got = i < actual.Count ? actual[i] : "(missing)";
            if (want != got)
            {
                differences.Append("line ").Append(i + 1).Append(":\n  recorded: ").Append(want).Append("\n  now:      ").Append(got).Append('\n');
            }
        }

        differences.ToString().Should().BeEmpty($"{FileName} records every message (set LRDECAY_WRITE_MESSAGES=1 to rewrite it)");
    }

    private static List<string> Messages()
    {
        var lines = new List<string>();
        foreach (TheoryDataRow<string, string, Func<object>> row in ValidationBoundaryTests.Invalid())
        {
            (string name, _, Func<object> create) = row.Data;
            ArgumentException error = Assert.ThrowsAny<ArgumentException>(create);
            lines.Add($"ctor {name}\t{error.GetType().Name}\t{error.ParamName}\t{OneLine(error.Message)}");
        }

        foreach (string json in BadConfigs)
        {
            ScheduleConfigException error = Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(json));
            lines.Add($"config {json}\t{error.Path}\t{OneLine(error.Message)}");
        }

        foreach (string json in BadStates)
        {
            ScheduleConfigException error = Assert.Throws<ScheduleConfigException>(() => ScheduleJson.ParseState(json));
            lines.Add($"state {json}\t{error.Path}\t{OneLine(error.Message)}");
        }

        return lines;
    }

    private static string OneLine(string message) => message.Replace("\r", "\\r").Replace("\n", "\\n");

    private static string SourceDirectory() => VectorSets.TestSourceDirectory("Contracts");
}
