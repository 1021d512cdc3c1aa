namespace LrDecay.Cli.Tests;

/// <summary>
/// <c>lrdecay import</c>: every import vector (tests/vectors/import, ../shared/conformance/import, LRDECAY_CONFORMANCE_DIRS) is its own
/// test, run through the CLI entry point; cases in tests/vectors/import/pending.txt are listed and must still fail.
/// </summary>
public sealed class ImportCommandTests
{
    public static TheoryData<string> Cases() => new(ImportVectors.Ids.Where(id => !ImportVectors.Pending.ContainsKey(id)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector_Passes(string id)
    {
        string? failure = ImportVectors.Run(id);

        failure.Should().BeNull();
    }

    [Fact]
    public void PendingCases_AreListed_AndStillFail()
    {
        foreach ((string id, string reason) in ImportVectors.Pending)
        {
            TestContext.Current.SendDiagnosticMessage($"pending import vector {id}: {reason}");
            TestContext.Current.TestOutputHelper?.WriteLine($"pending import vector {id}: {reason}");
            reason.Should().NotBeEmpty($"pending.txt gives a reason for {id}");
            ImportVectors.Ids.Should().Contain(id, $"pending.txt names {id}, which no import vector set has");
            ImportVectors.Run(id).Should().NotBeNull($"{id} passes now: take it off tests/vectors/import/pending.txt");
        }
    }

    [Fact]
    public void TheRepositorysVectors_AreThere() =>
        ImportVectors.Ids.Should().Contain(["torch-step-pt", "keras-exponential-envelope", "timm-poly-updates", "hf-v5-cosine-float-ratio"]);

    [Fact]
    public void Import_StdoutIsTheConfigAlone_AndEvalReadsIt()
    {
        string source = Path.Combine(Repo.Root, "tests", "vectors", "import", "files", "torch-step-pt.pt");
        CliResult imported = Cli.Run("import", source);

        imported.ExitCode.Should().Be(0, imported.Err);
        imported.Err.Should().Contain("resume from step: 45");
        using var folder = new TempFolder();
        string config = folder.File("cfg.json", imported.Out);
        CliResult eval = Cli.Run("eval", config, "--steps", "29:31");
        eval.ExitCode.Should().Be(0, eval.Err);
        eval.OutLines.Should().Equal("step,lr", "29,0.1", "30,0.05");
    }

    [Fact]
    public void Import_MissingFile_IsBadInput() =>
        Cli.Run("import", "no-such-file.json").ShouldBeBadInput("no-such-file.json", "no such file");

    [Fact]
    public void Import_UnknownFrom_IsBadInput() =>
        Cli.Run("import", "x.json", "--from", "caffe").ShouldBeBadInput("caffe");

    [Fact]
    public void Import_PrecisionForPyTorch_IsBadInput()
    {
        string source = Path.Combine(Repo.Root, "tests", "vectors", "import", "files", "torch-step-pt.pt");
        Cli.Run("import", source, "--precision", "float64").ShouldBeBadInput("--precision", "Keras");
    }
}

/// <summary><c>lrdecay import --state-out</c>: a plateau scheduler's live state, in the form ScheduleJson.SerializeState writes.</summary>
public sealed class ImportStateOutTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PlateauState_IsWritten_AndReadsBack()
    {
        string state = _temp.File("plateau.json", """{"factor":0.1,"min_lrs":[0],"patience":2,"cooldown":0,"cooldown_counter":0,"mode":"min","threshold":0.0001,"threshold_mode":"rel","best":0.42,"num_bad_epochs":1,"mode_worse":Infinity,"eps":1e-08,"last_epoch":9}""");
        string optimizer = _temp.File("optimizer.json", """{"state":{},"param_groups":[{"lr":0.001,"initial_lr":0.1,"params":[0]}]}""");
        string stateOut = _temp.Name("state.json");

        CliResult result = Cli.Run("import", state, "--from", "pytorch", "--optimizer", optimizer, "--state-out", stateOut);

        result.ExitCode.Should().Be(0, result.Err);
        ScheduleJson.Parse(result.Out).Should().BeOfType<PlateauSchedule>();
        PlateauState live = ScheduleJson.ParseState(File.ReadAllText(stateOut));
        live.Reductions.Should().Be(2);
        live.Best.Should().Be(0.42);
        result.Err.Should().Contain("2 reductions");
    }

    [Fact]
    public void StateOut_ForAClosedForm_IsBadInput()
    {
        string source = Path.Combine(Repo.Root, "tests", "vectors", "import", "files", "torch-step-pt.pt");

        Cli.Run("import", source, "--state-out", _temp.Name("s.json")).ShouldBeBadInput("--state-out");
    }
}
