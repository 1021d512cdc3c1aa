using System.Globalization;
using System.Text.Json;

namespace LrDecay.Cli.Tests;

public sealed class EvalCommandTests : IDisposable
{
    private const string Step = """{"type":"step","initialLr":0.1,"stepSize":3,"gamma":0.1}""";
    private const string Plateau = """{"type":"plateau","initialLr":0.1,"patience":1}""";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Eval_InlineConfig_PrintsCsvHeaderAndOneRowPerStepWithBExclusive()
    {
        CliResult result = Cli.Run("eval", Step, "--steps", "2:5");

        result.ExitCode.Should().Be(0);
        result.Err.Should().BeEmpty();
        result.Out.Should().Be("step,lr\n2,0.1\n3,0.010000000000000002\n4,0.010000000000000002\n");
    }

    [Fact]
    public void Eval_Stride_PrintsEveryStrideStepsBelowB()
    {
        CliResult result = Cli.Run("eval", Step, "--steps", "0:10:3");

        result.OutLines.Skip(1).Select(l => l.Split(',')[0]).Should().Equal("0", "3", "6", "9");
    }

    [Fact]
    public void Eval_Stride_EndInsideStride_StopsBeforeB()
    {
        CliResult result = Cli.Run("eval", Step, "--steps", "1:9:4");

        result.OutLines.Skip(1).Select(l => l.Split(',')[0]).Should().Equal("1", "5");
    }

    [Theory]
    [InlineData("""{"type":"cosine","initialLr":0.1,"decaySteps":997,"minLr":1e-7}""", "0:1200")]
    [InlineData("""{"type":"oneCycle","maxLr":0.37,"totalSteps":1000}""", "0:1100:7")]
    [InlineData("""{"type":"warmup","warmupSteps":50,"schedule":{"type":"exponential","initialLr":3e-4,"decayRate":0.93,"decaySteps":13}}""", "0:3000")]
    public void Eval_Csv_RoundTripsEveryLearningRateBitForBit(string config, string steps)
    {
        ILearningRateSchedule schedule = ScheduleJson.Parse(config);

        CliResult result = Cli.Run("eval", config, "--steps", steps);

        result.ExitCode.Should().Be(0);
        string[] rows = result.OutLines;
        rows[0].Should().Be("step,lr");
        foreach (string row in rows.Skip(1))
        {
            string[] cells = row.Split(',');
            long step = long.Parse(cells[0], CultureInfo.InvariantCulture);
            double lr = double.Parse(cells[1], CultureInfo.InvariantCulture);
            BitConverter.DoubleToInt64Bits(lr).Should().Be(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(step)), $"step {step}: {row}");
        }
    }

    [Fact]
    public void Eval_FormatJson_PrintsArrayOfStepAndLrObjects()
    {
        CliResult result = Cli.Run("eval", Step, "--steps", "0:5", "--format", "json");

        result.ExitCode.Should().Be(0);
        using JsonDocument document = JsonDocument.Parse(result.Out);
        JsonElement[] rows = document.RootElement.EnumerateArray().ToArray();
        rows.Select(r => r.GetProperty("step").GetInt64()).Should().Equal(0, 1, 2, 3, 4);
        rows.Select(r => r.GetProperty("lr").GetDouble()).Should().Equal(0.1, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002);
    }

    [Fact]
    public void Eval_ConfigFile_ReadsTheFile()
    {
        string path = _temp.File("step.json", Step);

        CliResult result = Cli.Run("eval", path, "--steps", "3:4");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Be("step,lr\n3,0.010000000000000002\n");
    }

    [Fact]
    public void Eval_DashConfig_ReadsStdin()
    {
        CliResult result = Cli.Run(errorIsTerminal: false, stdin: Step, "eval", "-", "--steps", "0:1");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Be("step,lr\n0,0.1\n");
    }

    [Fact]
    public void Eval_PlateauWithMetrics_StepTSeesTheFirstTMetrics()
    {
        // The spec's example: after metrics 1, 1, 1, 0.5 (patience 1) the lr is 0.1, 0.1, 0.01, 0.01, read at t = 1..4.
        string metrics = _temp.File("metrics.txt", "1.0\n1.0\n\n# a comment\n1.0\n0.5\n");

        CliResult result = Cli.Run("eval", Plateau, "--steps", "0:5", "--metrics", metrics);

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Be("step,lr\n0,0.1\n1,0.1\n2,0.1\n3,0.010000000000000002\n4,0.010000000000000002\n");
    }

    [Fact]
    public void Eval_PlateauWithMetrics_MatchesObserveThenGetLearningRate()
    {
        var plateau = (PlateauSchedule)ScheduleJson.Parse("""{"type":"plateau","schedule":{"type":"cosine","initialLr":0.1,"decaySteps":40},"patience":2,"factor":0.5}""");
        double[] values = [5, 4, 4, 4, 4, double.NaN, 3, 3, 3, 3, 3, double.PositiveInfinity, 1];
        string metrics = _temp.File("m.txt", string.Join('\n', values.Select(v => v switch
        {
            double.NaN => "nan",
            double.PositiveInfinity => "inf",
            _ => v.ToString("R", CultureInfo.InvariantCulture),
        })));

        CliResult result = Cli.Run("eval", ScheduleJson.Serialize(plateau), "--steps", "0:20:3", "--metrics", metrics);

        result.ExitCode.Should().Be(0, result.Err);
        PlateauState state = plateau.InitialState;
        int observed = 0;
        var expected = new List<string> { "step,lr" };
        for (long t = 0; t < 20; t += 3)
        {
            while (observed < Math.Min(t, values.Length))
            {
                state = plateau.Observe(state, values[observed++]);
            }

            expected.Add($"{t},{plateau.GetLearningRate(state, t).ToString("R", CultureInfo.InvariantCulture)}");
        }

        result.OutLines.Should().Equal(expected);
    }

    [Fact]
    public void Eval_PlateauWithoutMetrics_UsesTheFreshState()
    {
        CliResult result = Cli.Run("eval", Plateau, "--steps", "0:3");

        result.Out.Should().Be("step,lr\n0,0.1\n1,0.1\n2,0.1\n");
    }

    [Fact]
    public void Eval_OverThresholdWithTerminalStderr_ShowsProgressAndErasesIt()
    {
        var error = new StringWriter();
        var console = new CliConsole(TextWriter.Null, error, new StringReader(string.Empty), errorIsTerminal: true, terminalWidth: null);

        int exitCode = LrDecayCli.Run(["eval", Step, "--steps", $"0:{ProgressReporter.Threshold + 1}"], console);

        exitCode.Should().Be(0);
        string progress = error.ToString();
        progress.Should().Contain("lrdecay eval:").And.Contain("100%").And.Contain("2,000,001 steps");
        progress.Should().EndWith("\r", "the progress line is erased at the end");
        progress.Should().NotContain("\n");
    }

    [Fact]
    public void Eval_OverThresholdWithRedirectedStderr_WritesNothingExtra()
    {
        var error = new StringWriter();
        var console = new CliConsole(TextWriter.Null, error, new StringReader(string.Empty), errorIsTerminal: false, terminalWidth: null);

        int exitCode = LrDecayCli.Run(["eval", Step, "--steps", $"0:{ProgressReporter.Threshold + 1}"], console);

        exitCode.Should().Be(0);
        error.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Eval_ShortRunWithTerminalStderr_ShowsNoProgress()
    {
        CliResult result = Cli.Run(errorIsTerminal: true, stdin: string.Empty, "eval", Step, "--steps", "0:1000");

        result.ExitCode.Should().Be(0);
        result.Err.Should().BeEmpty();
    }

    [Fact]
    public void Eval_MissingFile_IsBadInputNamingTheFile()
    {
        Cli.Run("eval", _temp.Name("nope.json"), "--steps", "0:3").ShouldBeBadInput("config file not found", "nope.json");
    }

    [Fact]
    public void Eval_FolderAsConfig_IsBadInputNamingTheFolder()
    {
        Cli.Run("eval", _temp.Path, "--steps", "0:3").ShouldBeBadInput("is a folder", _temp.Path);
    }

    [Fact]
    public void Eval_MalformedJsonFile_IsBadInputNamingFileAndProblem()
    {
        string path = _temp.File("broken.json", """{"type":"step", """);

        Cli.Run("eval", path, "--steps", "0:3").ShouldBeBadInput("broken.json", "malformed JSON");
    }

    [Fact]
    public void Eval_InvalidConfig_IsBadInputNamingThePropertyPath()
    {
        string path = _temp.File("bad.json", """{"type":"sequence","schedules":[{"type":"constant","lr":0.1},{"type":"step","initialLr":0.1,"stepSize":3,"gamma":1.5}],"boundaries":[10]}""");

        Cli.Run("eval", path, "--steps", "0:3").ShouldBeBadInput("bad.json", "$.schedules[1].gamma", "1.5");
    }

    [Fact]
    public void Eval_InlineConfigMissingProperty_IsBadInputNamingIt()
    {
        Cli.Run("eval", """{"type":"cosine","initialLr":0.1}""", "--steps", "0:3").ShouldBeBadInput("inline config", "decaySteps");
    }

    [Theory]
    [InlineData("10")]
    [InlineData("a:b")]
    [InlineData("0:")]
    [InlineData("5:5")]
    [InlineData("9:3")]
    [InlineData("-1:3")]
    [InlineData("0:10:0")]
    [InlineData("0:10:-2")]
    [InlineData("0:10:2:1")]
    [InlineData("0.5:10")]
    [InlineData("0:99999999999999999999")]
    public void Eval_BadSteps_IsBadInputNamingSteps(string steps)
    {
        Cli.Run("eval", Step, "--steps", steps).ShouldBeBadInput("--steps");
    }

    [Fact]
    public void Eval_GroupedDigits_AreAccepted()
    {
        CliResult result = Cli.Run("eval", Step, "--steps", "1_000:1_002");

        result.ExitCode.Should().Be(0);
        result.OutLines.Should().HaveCount(3);
    }

    [Fact]
    public void Eval_NoSteps_IsBadInputNamingTheOption()
    {
        Cli.Run("eval", Step).ShouldBeBadInput("--steps");
    }

    [Fact]
    public void Eval_NoConfig_IsBadInput()
    {
        Cli.Run("eval", "--steps", "0:3").ShouldBeBadInput();
    }

    [Fact]
    public void Eval_UnknownFormat_IsBadInputNamingTheValue()
    {
        Cli.Run("eval", Step, "--steps", "0:3", "--format", "xml").ShouldBeBadInput("--format", "xml");
    }

    [Fact]
    public void Eval_UnknownOption_IsBadInputNamingTheOption()
    {
        Cli.Run("eval", Step, "--steps", "0:3", "--stride", "2").ShouldBeBadInput("--stride");
    }

    [Fact]
    public void Eval_MetricsForNonPlateau_IsBadInput()
    {
        string metrics = _temp.File("m.txt", "1\n");

        Cli.Run("eval", Step, "--steps", "0:3", "--metrics", metrics).ShouldBeBadInput("--metrics", "plateau", "step");
    }

    [Fact]
    public void Eval_MissingMetricsFile_IsBadInputNamingIt()
    {
        Cli.Run("eval", Plateau, "--steps", "0:3", "--metrics", _temp.Name("none.txt")).ShouldBeBadInput("--metrics", "none.txt");
    }

    [Fact]
    public void Eval_MetricsLineNotANumber_IsBadInputNamingFileAndLine()
    {
        string metrics = _temp.File("m.txt", "1.0\n0.5\nlow\n");

        Cli.Run("eval", Plateau, "--steps", "0:3", "--metrics", metrics).ShouldBeBadInput("m.txt line 3", "'low'");
    }

    [Fact]
    public void Eval_EmptyMetricsFile_IsBadInput()
    {
        string metrics = _temp.File("m.txt", "\n# nothing\n");

        Cli.Run("eval", Plateau, "--steps", "0:3", "--metrics", metrics).ShouldBeBadInput("--metrics", "no metrics");
    }
}
