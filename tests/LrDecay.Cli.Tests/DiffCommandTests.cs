using System.Globalization;
using LrDecay.Analysis;

namespace LrDecay.Cli.Tests;

public sealed class DiffCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Diff_ReformattedConfigWithDefaultsSpelledOut_IsIdentical()
    {
        string a = _temp.File("a.json", """{"type":"warmup","warmupSteps":100,"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":900}}""");
        string b = _temp.File("b.json", """
            {
              "schedule": { "decaySteps": 900, "minLr": 0, "initialLr": 1e-1, "type": "cosine" },
              "type": "warmup", "startLr": 0.0, "warmupSteps": 100, "shape": "linear", "prefix": true
            }
            """);

        CliResult result = Cli.Run("diff", a, b, "--steps", "0:1000");

        result.ExitCode.Should().Be(0);
        result.Err.Should().BeEmpty();
        result.Out.Should().Be("identical over [0, 1000)\n");
    }

    [Fact]
    public void Diff_FromAStepOn_ComparesOnlyThatRange()
    {
        // constant 0.1 and step (0.1, halved every 500 steps) agree on [0, 500) and differ from 500 on.
        string constant = """{"type":"constant","lr":0.1}""";
        string step = """{"type":"step","initialLr":0.1,"stepSize":500,"gamma":0.5}""";

        Cli.Run("diff", constant, step, "--steps", "100:500").Out.Should().Be("identical over [100, 500)\n");
        Cli.Run("diff", constant, step, "--steps", "100:501").ExitCode.Should().Be(1);
    }

    [Fact]
    public void Diff_Different_ReportsTheFirstStepAndTheLargestRelativeDifference()
    {
        // From step 500 on, step gives 0.1 * 0.5 = 0.05: 500 of 1000 steps differ, each by |0.1 - 0.05| / 0.1 = 0.5; the first of them is the largest.
        CliResult result = Cli.Run("diff", """{"type":"constant","lr":0.1}""", """{"type":"step","initialLr":0.1,"stepSize":500,"gamma":0.5}""", "--steps", "0:1000");

        result.ExitCode.Should().Be(1);
        result.OutLines.Should().Equal(
            "different over [0, 1000): 500 of 1000 steps differ",
            "first difference at step 500: A 0.1, B 0.05",
            "largest relative difference 0.5 at step 500: A 0.1, B 0.05");
    }

    [Fact]
    public void Diff_LargestRelativeDifference_IsNotTheFirstDifference()
    {
        // cosine over 1000 vs 1001 steps: equal at step 0 (both 0.1), different from step 1 on. The relative difference grows towards
        // the end, where the first reaches 0 at step 1000: over [0, 1000) it is largest at step 999, |a - b| / b with
        // a = 0.1 (1 + cos(pi 999/1000))/2 = 2.467e-7 and b = 0.1 (1 + cos(pi 999/1001))/2 = 9.8499e-7: 1 - 0.25050 = 0.74950, printed 0.749.
        ILearningRateSchedule a = ScheduleJson.Parse("""{"type":"cosine","initialLr":0.1,"decaySteps":1000}""");
        ILearningRateSchedule b = ScheduleJson.Parse("""{"type":"cosine","initialLr":0.1,"decaySteps":1001}""");

        CliResult result = Cli.Run("diff", ScheduleJson.Serialize(a), ScheduleJson.Serialize(b), "--steps", "0:1000");

        result.ExitCode.Should().Be(1);
        result.OutLines.Should().Equal(
            "different over [0, 1000): 999 of 1000 steps differ",
            $"first difference at step 1: A {R(a.GetLearningRate(1))}, B {R(b.GetLearningRate(1))}",
            $"largest relative difference 0.749 at step 999: A {R(a.GetLearningRate(999))}, B {R(b.GetLearningRate(999))}");
        ScheduleDiff.Relative(a.GetLearningRate(999), b.GetLearningRate(999)).Should().BeApproximately(0.7495, 1e-4);
    }

    [Fact]
    public void Diff_IsBitForBit_OneUlpAndNegativeZeroDiffer()
    {
        // 0.1 and the next double up, 0.10000000000000002: relative difference 2^-56 / 0.1... = 1.39e-16.
        CliResult ulp = Cli.Run("diff", """{"type":"constant","lr":0.1}""", """{"type":"constant","lr":0.10000000000000002}""", "--steps", "0:10");

        ulp.ExitCode.Should().Be(1);
        ulp.OutLines[0].Should().Be("different over [0, 10): 10 of 10 steps differ");
        ulp.OutLines[2].Should().Be("largest relative difference 1.39E-16 at step 0: A 0.1, B 0.10000000000000002");
    }

    [Fact]
    public void Diff_DifferenceInTheSecondSegment_IsCountedFromThere()
    {
        // 2^20 steps, split across cores: B switches to 0.2 at step 600000, so 1048576 - 600000 = 448576 steps differ, each by 0.5.
        string a = """{"type":"constant","lr":0.1}""";
        string b = """{"type":"sequence","schedules":[{"type":"constant","lr":0.1},{"type":"constant","lr":0.2}],"boundaries":[600000]}""";

        Cli.Run("diff", a, b, "--steps", "0:1_048_576").OutLines.Should().Equal(
            "different over [0, 1048576): 448576 of 1048576 steps differ",
            "first difference at step 600000: A 0.1, B 0.2",
            "largest relative difference 0.5 at step 600000: A 0.1, B 0.2");
    }

    [Fact]
    public void Diff_ConfigFromStdin_IsComparedWithAFile()
    {
        string a = _temp.File("a.json", """{"type":"constant","lr":0.1}""");

        CliResult result = Cli.Run(errorIsTerminal: false, stdin: """{"lr":0.1,"type":"constant"}""", "diff", a, "-", "--steps", "0:5");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Be("identical over [0, 5)\n");
    }

    [Theory]
    [InlineData("5:5", "--steps", "'5:5'")]
    [InlineData("0:10:2", "--steps", "'0:10:2'", "A:B")]
    [InlineData("ten", "--steps", "'ten'")]
    [InlineData("-1:10", "--steps", "'-1:10'")]
    public void Diff_BadSteps_IsBadInput(string steps, params string[] mentions)
    {
        Cli.Run("diff", """{"type":"constant","lr":0.1}""", """{"type":"constant","lr":0.1}""", "--steps", steps).ShouldBeBadInput(mentions);
    }

    [Fact]
    public void Diff_BadConfigs_AreBadInput()
    {
        string good = """{"type":"constant","lr":0.1}""";
        string broken = _temp.File("broken.json", """{"type":"constant","lr":}""");

        Cli.Run("diff", good, broken, "--steps", "0:10").ShouldBeBadInput("broken.json", "malformed JSON");
        Cli.Run("diff", _temp.Name("missing.json"), good, "--steps", "0:10").ShouldBeBadInput("missing.json", "not found");
        Cli.Run("diff", good, """{"type":"cosine","initialLr":0.1}""", "--steps", "0:10").ShouldBeBadInput("decaySteps");
        Cli.Run("diff", good, good).ShouldBeBadInput("--steps");
        Cli.Run("diff", "-", "-", "--steps", "0:10").ShouldBeBadInput("stdin");
        Cli.Run("diff", good, """{"type":"plateau","initialLr":0.1}""", "--steps", "0:10").ShouldBeBadInput("plateau");
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
