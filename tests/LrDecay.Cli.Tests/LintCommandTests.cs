using LrDecay.Analysis;

namespace LrDecay.Cli.Tests;

public sealed class LintCommandTests : IDisposable
{
    private const string Hint = " (a horizon in epochs while the run counts batches?)";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Lint_WarmupCosineThatFitsTheRun_IsCleanWithExitZero()
    {
        CliResult result = Cli.Run(
            "lint", """{"type":"warmup","warmupSteps":500,"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":9500}}""", "--total-steps", "10000");

        result.ExitCode.Should().Be(0);
        result.Err.Should().BeEmpty();
        result.Out.Should().Be("ok: no findings over 10000 steps\n");
    }

    [Fact]
    public void Lint_StepCountsInUnits_ResolveAgainstTheRun()
    {
        // {"fraction": 0.05} of 10000 steps is a 500-step warm-up; {"epochs": 19} of 500 steps per epoch is a 9500-step cosine:
        // the run above, written in units, and just as clean.
        const string Config = """{"type":"warmup","warmupSteps":{"fraction":0.05},"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":{"epochs":19}}}""";

        CliResult result = Cli.Run("lint", Config, "--total-steps", "10000", "--steps-per-epoch", "500");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Be("ok: no findings over 10000 steps\n");
        CliResult missing = Cli.Run("lint", Config, "--total-steps", "10000");
        missing.ExitCode.Should().Be(2);
        missing.Err.Should().Contain("'epochs' needs stepsPerEpoch").And.Contain("--steps-per-epoch");
    }

    // --- flat ---

    [Fact]
    public void Flat_HorizonFarShorterThanTheRun_IsReportedFromTheLastChange()
    {
        // cosine reaches minLr at t = decaySteps = 100 and holds it: flat on [100, 10000), 9900/10000 = 99% of the run.
        CliResult result = Cli.Run("lint", """{"type":"cosine","initialLr":0.1,"decaySteps":100,"minLr":0.001}""", "--total-steps", "10000");

        result.ExitCode.Should().Be(1);
        result.OutLines.Should().Equal(
            "flat steps [100, 10000): the rate stops changing at 0.001 after decaying from 0.1, for 99% of the run" + Hint,
            "1 finding over 10000 steps");
    }

    [Fact]
    public void Flat_DecayThatEndsWithTheRun_IsNotReported()
    {
        // cosine over the whole run changes up to its last step 9999: the flat tail is 1 step.
        Lint("""{"type":"cosine","initialLr":0.1,"decaySteps":10000,"minLr":0.001}""", 10000).Should().BeEmpty();
    }

    [Fact]
    public void Flat_ConstantAfterWarmup_IsNotReportedBecauseItNeverDecayed()
    {
        // flat from step 100 on (99% of the run), but at the peak 0.1: nothing decayed.
        Lint("""{"type":"warmup","warmupSteps":100,"schedule":{"type":"constant","lr":0.1}}""", 10000).Should().BeEmpty();
    }

    [Fact]
    public void Flat_Threshold_DecidesForAStepDecayThatEndsAt60Percent()
    {
        // multiStep's last milestone is 6000: flat on [6000, 10000), 40% of the run; the default 0.5 passes it, 0.3 does not.
        string config = """{"type":"multiStep","initialLr":0.1,"milestones":[3000,6000],"gamma":0.1}""";
        Lint(config, 10000).Should().BeEmpty();

        CliResult result = Cli.Run("lint", config, "--total-steps", "10000", "--flat-fraction", "0.3");

        result.ExitCode.Should().Be(1);
        // 0.1 * 0.1 * 0.1 = 0.0010000000000000002 in doubles, printed with 6 significant digits.
        result.OutLines[0].Should().Be("flat steps [6000, 10000): the rate stops changing at 0.001 after decaying from 0.1, for 40% of the run" + Hint);
    }

    // --- unfinished ---

    [Fact]
    public void Unfinished_HorizonTwiceTheRun_ReportsTheDecayLeft()
    {
        // At t = 9999: (1 + cos(pi * 9999/20000))/2 = 0.50007854, so lr = 0.0500079 and 50.01% of the way from 0 to 0.1 is left.
        CliResult result = Cli.Run("lint", """{"type":"cosine","initialLr":0.1,"decaySteps":20000}""", "--total-steps", "10000");

        result.ExitCode.Should().Be(1);
        result.OutLines.Should().Equal(
            "unfinished step 9999: the run ends at 0.0500079 with 50.01% of the decay from 0.1 to 0 left; the schedule gets there at step 20000",
            "1 finding over 10000 steps");
    }

    [Fact]
    public void Unfinished_HorizonJustPastTheRun_IsNotReported()
    {
        // (1 + cos(pi * 9999/10500))/2 = 0.0056: 0.56% left, below the default 10%.
        Lint("""{"type":"cosine","initialLr":0.1,"decaySteps":10500}""", 10000).Should().BeEmpty();
    }

    [Fact]
    public void Unfinished_ScheduleWithoutAnEnd_IsNotReported()
    {
        // exponential decays forever and names no end: 0.1 * 0.9999^9999 = 0.0368 at the last step, not judged.
        Lint("""{"type":"exponential","initialLr":0.1,"decayRate":0.9999}""", 10000).Should().BeEmpty();
    }

    [Fact]
    public void Unfinished_WarmupAndSequence_EndWhereTheirLastScheduleEnds()
    {
        // warmup 1000 + cosine 19000 ends at 20000; at the last step 9999 the cosine is at 8999/19000: (1 + cos(pi * 0.473632))/2 = 0.541372.
        var findings = Lint("""{"type":"warmup","warmupSteps":1000,"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":19000}}""", 10000);

        findings.Should().ContainSingle().Which.Should().Be(
            "unfinished step 9999: the run ends at 0.0541372 with 54.14% of the decay from 0.1 to 0 left; the schedule gets there at step 20000");
        ScheduleStructure.HoldsFrom(ScheduleJson.Parse(
            """{"type":"sequence","schedules":[{"type":"constant","lr":0.1},{"type":"linear","startLr":0.1,"endLr":0,"totalSteps":500}],"boundaries":[100]}"""))
            .Should().Be(600, "the last schedule starts at 100 and ends 500 steps later");
        ScheduleStructure.HoldsFrom(ScheduleJson.Parse("""{"type":"perEpoch","stepsPerEpoch":50,"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":90}}"""))
            .Should().Be(4500, "90 epochs of 50 steps");
        ScheduleStructure.HoldsFrom(ScheduleJson.Parse("""{"type":"cyclic","baseLr":0.01,"maxLr":0.1}""")).Should().BeNull("a cycle has no end");
    }

    [Fact]
    public void Unfinished_CosineRestartsWithACycleLimit_EndsWhereItsLastPeriodEnds()
    {
        // Two periods of 100 steps, then minLr: at the last step 149 period 1 is at 49/100: (1 + cos(0.49 pi))/2 = 0.515705.
        var findings = Lint("""{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":100,"tMul":1,"cycleLimit":2}""", 150);

        findings.Should().Equal(
            "unfinished step 149: the run ends at 0.515705 with 51.57% of the decay from 1 to 0 left; the schedule gets there at step 200");
        Lint("""{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":100,"tMul":1}""", 150).Should().BeEmpty("without a cycle limit the restarts have no end");
    }

    [Fact]
    public void Unfinished_Threshold_DecidesForAHorizonOf120Percent()
    {
        // (1 + cos(pi * 9999/12000))/2 = 0.067053: 6.71% left; the default 0.1 passes it, 0.05 does not.
        string config = """{"type":"cosine","initialLr":0.1,"decaySteps":12000}""";
        Lint(config, 10000).Should().BeEmpty();

        Cli.Run("lint", config, "--total-steps", "10000", "--decay-left", "0.05").OutLines[0].Should().Be(
            "unfinished step 9999: the run ends at 0.00670528 with 6.71% of the decay from 0.1 to 0 left; the schedule gets there at step 12000");
    }

    // --- zero ---

    [Fact]
    public void Zero_OnTwoPercentOfTheSteps_IsReported()
    {
        // linear 0.1 -> 0 over 9800 steps: 0 on steps 9800..9999, 200 of 10000 = 2% > 1%.
        CliResult result = Cli.Run("lint", """{"type":"linear","startLr":0.1,"endLr":0,"totalSteps":9800}""", "--total-steps", "10000");

        result.ExitCode.Should().Be(1);
        result.OutLines.Should().Equal("zero steps [9800, 10000): the rate is 0 on 200 of 10000 steps (2%)", "1 finding over 10000 steps");
    }

    [Fact]
    public void Zero_OnHalfAPercent_IsNotReportedByDefault_ButIsUnderALowerThreshold()
    {
        // linear over 9950 steps: 0 on steps 9950..9999, 50 of 10000 = 0.5%.
        string config = """{"type":"linear","startLr":0.1,"endLr":0,"totalSteps":9950}""";
        Lint(config, 10000).Should().BeEmpty();

        Lint(config, 10000, "--zero-fraction", "0.001").Should().Equal("zero steps [9950, 10000): the rate is 0 on 50 of 10000 steps (0.5%)");
    }

    [Fact]
    public void Zero_WarmupFromZero_IsOneStepAndNotReported()
    {
        // Only step 0 is 0: 1 of 10000 = 0.01%.
        Lint("""{"type":"warmup","warmupSteps":100,"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":9900,"minLr":0.001}}""", 10000)
            .Should().BeEmpty();
    }

    // --- jump ---

    [Fact]
    public void Jump_AtASequenceBoundary_IsReportedWithBothRatesAndTheSchedule()
    {
        // step 999: linear 0.01 * 999/1000 = 0.00999; step 1000: cosine(0) = 0.1; 0.1/0.00999 = 10.01x.
        CliResult result = Cli.Run(
            "lint",
            """{"type":"sequence","schedules":[{"type":"linear","startLr":0,"endLr":0.01,"totalSteps":1000},{"type":"cosine","initialLr":0.1,"decaySteps":9000,"minLr":0.001}],"boundaries":[1000]}""",
            "--total-steps",
            "10000");

        result.ExitCode.Should().Be(1);
        result.OutLines.Should().Equal(
            "jump step 1000: the rate rises 10.01x from 0.00999 to 0.1 where $.schedules[1] takes over", "1 finding over 10000 steps");
    }

    [Fact]
    public void Jump_ContinuousHandOver_IsNotReported()
    {
        // linear 0 -> 0.1 over 1000 steps, then cosine from 0.1: step 999 is 0.0999, step 1000 is 0.1.
        Lint(
            """{"type":"sequence","schedules":[{"type":"linear","startLr":0,"endLr":0.1,"totalSteps":1000},{"type":"cosine","initialLr":0.1,"decaySteps":9000,"minLr":0.001}],"boundaries":[1000]}""",
            10000).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"type":"cosineRestarts","initialLr":0.1,"firstDecaySteps":1000,"tMul":1,"minLr":0.001}""")] // restarts every 1000 steps: 0.001 -> 0.1
    [InlineData("""{"type":"cyclic","baseLr":0.001,"maxLr":0.1,"stepSizeUp":500}""")] // a triangle, rising from 0.001
    [InlineData("""{"type":"warmup","warmupSteps":100,"schedule":{"type":"cosineRestarts","initialLr":0.1,"firstDecaySteps":1000,"tMul":1,"minLr":0.001}}""")]
    [InlineData("""{"type":"piecewiseConstant","boundaries":[999],"values":[0.001,0.1]}""")] // a rise the config writes: 100x at step 1000
    public void Jump_RestartsCyclesAndWrittenSteps_AreNotReported(string config)
    {
        Lint(config, 10000, "--warmup-fraction", "1").Should().NotContain(line => line.StartsWith("jump", StringComparison.Ordinal));
    }

    [Fact]
    public void Jump_Threshold_AndInfinitySwitchesItOff()
    {
        // From 0.00999 to 0.1 is 10.01x: reported at --jump 10, not at --jump 11.
        string tenfold =
            """{"type":"sequence","schedules":[{"type":"linear","startLr":0,"endLr":0.01,"totalSteps":1000},{"type":"cosine","initialLr":0.1,"decaySteps":9000,"minLr":0.001}],"boundaries":[1000]}""";
        Lint(tenfold, 10000, "--jump", "10").Should().ContainSingle();
        Lint(tenfold, 10000, "--jump", "11").Should().BeEmpty();

        // From 0 to 0.1 at step 50 (0 on 50 of 10000 steps = 0.5%, below --zero-fraction): no factor is large enough, Infinity is.
        string fromZero = """{"type":"sequence","schedules":[{"type":"constant","lr":0},{"type":"constant","lr":0.1}],"boundaries":[50]}""";
        Lint(fromZero, 10000, "--jump", "1000000").Should().Equal("jump step 50: the rate rises from 0 to 0.1 where $.schedules[1] takes over");
        Lint(fromZero, 10000, "--jump", "Infinity").Should().BeEmpty();
    }

    [Fact]
    public void Jump_ManyJunctions_AreListedUpToTenThenCounted()
    {
        // 13 constants alternating 0.01 and 0.1, 100 steps each; the tail holds 0.01 (flat, switched off here).
        var schedules = string.Join(',', Enumerable.Range(0, 13).Select(i => $$"""{"type":"constant","lr":{{(i % 2 == 0 ? "0.01" : "0.1")}}}"""));
        var boundaries = string.Join(',', Enumerable.Range(1, 12).Select(i => (i * 100).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string config = $$"""{"type":"sequence","schedules":[{{schedules}}],"boundaries":[{{boundaries}}]}""";

        // Rises (0.01 -> 0.1, 10x) where the odd schedules take over: steps 100, 300, ..., 1100: 6 of them.
        IReadOnlyList<string> findings = Lint(config, 10000, "--flat-fraction", "1");

        findings.Should().HaveCount(6).And.OnlyContain(f => f.StartsWith("jump step ", StringComparison.Ordinal));
        findings[0].Should().Be("jump step 100: the rate rises 10x from 0.01 to 0.1 where $.schedules[1] takes over");
        findings[5].Should().Be("jump step 1100: the rate rises 10x from 0.01 to 0.1 where $.schedules[11] takes over");

        var options = new LintOptions { MaxJumpLines = 4, FlatFraction = 1 };
        IReadOnlyList<LintFinding> capped = ScheduleLint.Check(ScheduleJson.Parse(config), 10000, options);
        capped.Should().HaveCount(5);
        // The 4th listed rise is at step 700; the other two follow up to step 1100.
        capped[4].ToString().Should().Be("jump steps [701, 1101): 2 more rises of more than 2x where a sequence hands over");
    }

    [Fact]
    public void Jump_InAChainAndThroughPerEpoch_IsFoundInTheFactorOrEpoch()
    {
        // The same 10x junction inside a perEpoch of 10 steps per epoch: epoch 100 starts at step 1000.
        string perEpoch =
            """{"type":"perEpoch","stepsPerEpoch":10,"schedule":{"type":"sequence","schedules":[{"type":"constant","lr":0.01},{"type":"constant","lr":0.1}],"boundaries":[100]}}""";
        Lint(perEpoch, 10000).Should().Equal("jump step 1000: the rate rises 10x from 0.01 to 0.1 where $.schedule.schedules[1] takes over");

        // chain: factor 2 (a restart schedule) rises at its restarts, not reported; factor 1 jumps at 5000.
        string chain =
            """{"type":"chain","schedules":[{"type":"sequence","schedules":[{"type":"constant","lr":0.01},{"type":"constant","lr":0.1}],"boundaries":[5000]},{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":1000,"tMul":1,"minLr":0.5}]}""";
        // Just before 5000 the restart factor is near its floor 0.5 (0.01 * 0.5), at 5000 it restarts at 1 (0.1 * 1): 20x.
        Lint(chain, 10000, "--warmup-fraction", "1").Should().ContainSingle().Which.Should().StartWith("jump step 5000: the rate rises 20x from").And.EndWith("where $.schedules[0].schedules[1] takes over");
    }

    // --- warmup ---

    [Fact]
    public void Warmup_HalfTheRun_IsReported()
    {
        // warmup 5000 then cosine from 0.1: the peak 0.1 is first reached at step 5000, 50% of 10000.
        CliResult result = Cli.Run(
            "lint", """{"type":"warmup","warmupSteps":5000,"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":5000}}""", "--total-steps", "10000");

        result.ExitCode.Should().Be(1);
        result.OutLines.Should().Equal("warmup steps [0, 5000): the rate first reaches its peak 0.1 at step 5000, 50% of the run", "1 finding over 10000 steps");
    }

    [Fact]
    public void Warmup_TenPercent_IsNotReportedByDefault_ButIsUnderALowerThreshold()
    {
        string config = """{"type":"warmup","warmupSteps":1000,"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":9000}}""";
        Lint(config, 10000).Should().BeEmpty();

        Lint(config, 10000, "--warmup-fraction", "0.05").Should().Equal("warmup steps [0, 1000): the rate first reaches its peak 0.1 at step 1000, 10% of the run");
    }

    [Theory]
    [InlineData("""{"type":"oneCycle","maxLr":0.1,"totalSteps":10000,"pctStart":0.4}""")] // rises over 40% by design
    [InlineData("""{"type":"rangeTest","startLr":1e-6,"endLr":1,"steps":10000}""")] // a sweep rises all the way
    public void Warmup_RiseOfACycleType_IsNotReported(string config)
    {
        Lint(config, 10000).Should().NotContain(line => line.StartsWith("warmup", StringComparison.Ordinal));
    }

    [Fact]
    public void Warmup_LinearRampInASequence_CountsAsAWarmup()
    {
        // optax-style warm-up: linear 0 -> 0.1 over 3000 steps, then cosine; peak first at step 3000, 30%.
        Lint(
            """{"type":"sequence","schedules":[{"type":"linear","startLr":0,"endLr":0.1,"totalSteps":3000},{"type":"cosine","initialLr":0.1,"decaySteps":7000}],"boundaries":[3000]}""",
            10000).Should().Equal("warmup steps [0, 3000): the rate first reaches its peak 0.1 at step 3000, 30% of the run");
    }

    // --- several findings, chunks and segments ---

    [Fact]
    public void Lint_EpochHorizonStepsPerBatch_ReportsZeroAndFlatInStepOrder()
    {
        // warmup 5 + cosine of 90 "epochs" on a run of 100000 batches: 0 from step 95 on, 99905 steps = 99.905% (printed 99.91%),
        // and at step 0 where the warm-up starts: 99906 zeros, first at 0.
        string path = _temp.File("epochs.json", """{"type":"warmup","warmupSteps":5,"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":90}}""");

        CliResult result = Cli.Run("lint", path, "--total-steps", "100_000");

        result.ExitCode.Should().Be(1);
        result.OutLines.Should().Equal(
            "zero steps [0, 100000): the rate is 0 on 99906 of 100000 steps (99.91%)",
            "flat steps [95, 100000): the rate stops changing at 0 after decaying from 0.1, for 99.91% of the run" + Hint,
            "2 findings over 100000 steps");
    }

    [Fact]
    public void Lint_FindingsOnChunkAndSegmentBoundaries_AreFoundOnce()
    {
        // 2^20 steps: 16 chunks of 2^16, and on two or more cores a segment boundary at 2^19 = 524288.
        const long n = 1 << 20;
        foreach (long boundary in new long[] { 1 << 16, 1 << 19, (1 << 19) + 1 })
        {
            string config = $$"""{"type":"sequence","schedules":[{"type":"constant","lr":0.01},{"type":"constant","lr":0.1},{"type":"constant","lr":0.05}],"boundaries":[{{boundary}},{{boundary + 1}}]}""";

            // 0.01 -> 0.1 at the boundary (10x), 0.05 from the next step on to the end.
            var findings = ScheduleLint.Check(ScheduleJson.Parse(config), n, new LintOptions { FlatFraction = 0.4 }).Select(f => f.ToString()).ToList();

            findings.Should().Contain($"jump step {boundary}: the rate rises 10x from 0.01 to 0.1 where $.schedules[1] takes over");
            findings.Should().ContainSingle(f => f.StartsWith("jump", StringComparison.Ordinal));

            // The last change is at boundary + 1 (0.1 -> 0.05), below the peak; the tail is at least 524287/1048576 = 0.49999 > 0.4 of the run.
            findings.Should().Contain(f => f.StartsWith($"flat steps [{boundary + 1}, {n}):", StringComparison.Ordinal));
        }
    }

    // --- bad input ---

    [Theory]
    [InlineData("0", "--total-steps", "'0'")]
    [InlineData("-5", "--total-steps", "'-5'")]
    [InlineData("lots", "--total-steps", "'lots'")]
    public void Lint_BadTotalSteps_IsBadInput(string value, params string[] mentions)
    {
        Cli.Run("lint", """{"type":"constant","lr":0.1}""", "--total-steps", value).ShouldBeBadInput(mentions);
    }

    [Theory]
    [InlineData("--flat-fraction", "0")]
    [InlineData("--flat-fraction", "1.5")]
    [InlineData("--decay-left", "-0.1")]
    [InlineData("--zero-fraction", "2")]
    [InlineData("--warmup-fraction", "0")]
    [InlineData("--jump", "0.5")]
    [InlineData("--jump", "NaN")]
    public void Lint_BadThreshold_IsBadInputNamingTheOption(string option, string value)
    {
        Cli.Run("lint", """{"type":"constant","lr":0.1}""", "--total-steps", "100", option, value).ShouldBeBadInput(option, value);
    }

    [Fact]
    public void Lint_MissingTotalSteps_MissingFileAndPlateau_AreBadInput()
    {
        Cli.Run("lint", """{"type":"constant","lr":0.1}""").ShouldBeBadInput("--total-steps");
        Cli.Run("lint", _temp.Name("nope.json"), "--total-steps", "100").ShouldBeBadInput("nope.json", "not found");
        Cli.Run("lint", """{"type":"cosine","initialLr":0.1}""", "--total-steps", "100").ShouldBeBadInput("decaySteps");
        Cli.Run("lint", """{"type":"warmup","warmupSteps":10,"schedule":{"type":"plateau","initialLr":0.1}}""", "--total-steps", "100")
            .ShouldBeBadInput("inline config", "plateau");
    }

    private static IReadOnlyList<string> Lint(string config, long totalSteps, params string[] options)
    {
        CliResult result = Cli.Run(["lint", config, "--total-steps", totalSteps.ToString(System.Globalization.CultureInfo.InvariantCulture), .. options]);
        result.ExitCode.Should().BeOneOf([0, 1], result.Err);
        string[] lines = result.OutLines;
        lines[^1].Should().EndWith($"over {totalSteps} steps");
        result.ExitCode.Should().Be(lines.Length == 1 ? 0 : 1);
        return lines[..^1];
    }
}
