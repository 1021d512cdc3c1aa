using LrDecay.Conformance;

namespace LrDecay.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private const string Passing = """
        {"source": "test", "cases": [
          {"name": "step-every-30", "schedule": {"type": "step", "initialLr": 0.1, "stepSize": 30, "gamma": 0.1},
           "steps": [0, 29, 30], "expected": [0.1, 0.1, 0.01]},
          {"name": "bad-step-size", "schedule": {"type": "step", "initialLr": 0.1, "stepSize": 0, "gamma": 0.5}, "error": true}
        ]}
        """;

    private const string Failing = """
        {"source": "test", "cases": [
          {"name": "good", "schedule": {"type": "constant", "lr": 0.5}, "steps": [0, 1], "expected": [0.5, 0.5]},
          {"name": "wrong-at-30", "schedule": {"type": "step", "initialLr": 0.1, "stepSize": 30, "gamma": 0.1},
           "steps": [0, 29, 30, 31], "expected": [0.1, 0.1, 0.02, 0.02]},
          {"name": "not-an-error", "schedule": {"type": "constant", "lr": 0.5}, "error": true},
          {"name": "plateau-wrong", "schedule": {"type": "plateau", "initialLr": 0.1, "patience": 1},
           "metrics": [1.0, 1.0, 1.0, 0.5], "expected": [0.1, 0.1, 0.1, 0.01]}
        ]}
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Check_RepositoryVectors_AllPassWithALinePerCaseAndTheCount()
    {
        IReadOnlyList<string> files = VectorFile.FindFiles([Repo.Conformance, Path.Combine(Repo.Conformance, "v2")]);
        int cases = files.Sum(f => VectorFile.Load(f).Cases.Count);

        CliResult result = Cli.Run(["check", .. files]);

        result.ExitCode.Should().Be(0, result.Out);
        result.Err.Should().BeEmpty();
        string[] lines = result.OutLines;
        cases.Should().BeGreaterThanOrEqualTo(152, "the repository holds the 62 version 1 and 90 version 2 cases");
        lines.Should().HaveCount(cases + 1);
        lines[..^1].Should().OnlyContain(l => l.StartsWith("PASS ", StringComparison.Ordinal));
        lines[^1].Should().Be($"{cases} passed, 0 failed");
    }

    [Fact]
    public void Check_Folder_RunsEveryJsonFileInIt()
    {
        IReadOnlyList<string> files = VectorFile.FindFiles([Repo.Conformance]);
        int cases = files.Sum(f => VectorFile.Load(f).Cases.Count);

        CliResult result = Cli.Run("check", Repo.Conformance);

        result.ExitCode.Should().Be(0);
        result.OutLines[^1].Should().Be($"{cases} passed, 0 failed");
    }

    [Fact]
    public void Check_PassingFile_NamesEachCaseByFileAndName()
    {
        string path = _temp.File("mine.json", Passing);

        CliResult result = Cli.Run("check", path);

        result.ExitCode.Should().Be(0);
        result.OutLines.Should().HaveCount(3);
        result.OutLines[0].Should().Be("PASS mine.json/step-every-30 (3 steps)");
        result.OutLines[1].Should().StartWith("PASS mine.json/bad-step-size (rejected: $.stepSize");
        result.OutLines[2].Should().Be("2 passed, 0 failed");
    }

    [Fact]
    public void Check_FailingCases_PrintFirstDifferingStepWithBothValuesAndExitOne()
    {
        string path = _temp.File("wrong.json", Failing);

        CliResult result = Cli.Run("check", path);

        result.ExitCode.Should().Be(1);
        result.Err.Should().BeEmpty();
        result.OutLines.Should().Equal(
            "PASS wrong.json/good (2 steps)",
            "FAIL wrong.json/wrong-at-30: at step 30: expected 0.02, got 0.010000000000000002",
            "FAIL wrong.json/not-an-error: expected a config error, but the schedule was built",
            "FAIL wrong.json/plateau-wrong: at metric #2 (1), step 3: expected 0.1, got 0.010000000000000002",
            "1 passed, 3 failed");
    }

    [Fact]
    public void Check_SameVerdictsAsTheConformanceRunner()
    {
        string path = _temp.File("wrong.json", Failing);
        CaseResult[] expected = VectorFile.Load(path).Cases.Select(ConformanceRunner.Run).ToArray();

        CliResult result = Cli.Run("check", path);

        result.OutLines[..^1].Select(l => l.StartsWith("PASS", StringComparison.Ordinal)).Should().Equal(expected.Select(r => r.Passed));
    }

    [Fact]
    public void Check_SeveralFiles_CountsOverAll()
    {
        string a = _temp.File("a.json", Passing);
        string b = _temp.File("b.json", Failing);

        CliResult result = Cli.Run("check", a, b);

        result.ExitCode.Should().Be(1);
        result.OutLines[^1].Should().Be("3 passed, 3 failed");
    }

    [Fact]
    public void Check_MissingFile_IsBadInputBeforeAnyCaseRuns()
    {
        string a = _temp.File("a.json", Passing);

        CliResult result = Cli.Run("check", a, _temp.Name("missing.json"));

        result.ShouldBeBadInput("vector file not found", "missing.json");
        result.Out.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"cases": [""", "malformed JSON")]
    [InlineData("""{"source": "x"}""", "no \"cases\" array")]
    [InlineData("""{"source": "x", "cases": []}""", "\"cases\" array is empty")]
    [InlineData("""{"cases": [{"name": "n", "steps": [0], "expected": [1]}]}""", "no \"schedule\"")]
    [InlineData("""{"cases": [{"name": "n", "schedule": {"type": "constant", "lr": 1}, "steps": [0, 1], "expected": [1]}]}""", "1 expected values for 2")]
    [InlineData("""{"cases": [{"name": "n", "schedule": {"type": "constant", "lr": 1}, "steps": ["zero"], "expected": [1]}]}""", "bad.json")]
    [InlineData("""{"cases": [{"name": "n", "schedule": {"type": "constant", "lr": 1}, "steps": [0.5], "expected": [1]}]}""", "bad.json")]
    public void Check_NotAVectorFile_IsBadInputNamingTheFile(string contents, string mention)
    {
        string path = _temp.File("bad.json", contents);

        Cli.Run("check", path).ShouldBeBadInput(path, mention);
    }

    [Theory]
    [InlineData("", "$: the vector file is empty.")]
    [InlineData("""{"cases": [""", "$.cases: malformed JSON (line 1, column 12): the JSON ends before this array is closed (and 1 more around it).")]
    [InlineData("""{"cases": [{"name": "n"},]}""", "$.cases: malformed JSON (line 1, column 25): trailing comma before ']'.")]
    public void Check_MalformedVectorFile_SaysWhatAndWhereInLrDecaysWords(string contents, string problem)
    {
        string path = _temp.File("bad.json", contents);

        CliResult result = Cli.Run("check", path);

        result.ShouldBeBadInput();
        result.Err.Should().Be($"lrdecay: {path}: {problem}\n");
    }

    [Fact]
    public void Check_EmptyFolder_IsBadInput()
    {
        Cli.Run("check", _temp.Path).ShouldBeBadInput("no *.json", _temp.Path);
    }

    [Fact]
    public void Check_NoFiles_IsBadInput()
    {
        Cli.Run("check").ShouldBeBadInput();
    }
}
