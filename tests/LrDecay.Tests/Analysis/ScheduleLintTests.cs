using LrDecay.Analysis;

namespace LrDecay.Tests.Analysis;

/// <summary><see cref="ScheduleLint.Check"/>: the findings with their kinds, steps and JSON paths.</summary>
public sealed class ScheduleLintTests
{
    [Fact]
    public void Check_AScheduleThatFitsTheRun_FindsNothing() =>
        ScheduleLint.Check(Schedules.Cosine(0.1, 10_000).WithWarmup(500), 10_500).Should().BeEmpty();

    [Fact]
    public void Check_AJumpWhereASequenceHandsOver_NamesTheScheduleThatTakesOver()
    {
        ILearningRateSchedule schedule = ScheduleJson.Parse(
            """{"type":"sequence","boundaries":[100],"schedules":[{"type":"constant","lr":0.01},{"type":"constant","lr":0.1}]}""");

        LintFinding finding = ScheduleLint.Check(schedule, 1000).Should().ContainSingle().Subject;

        finding.Kind.Should().Be(LintFindingKind.Jump);
        finding.Code.Should().Be("jump");
        (finding.Start, finding.End).Should().Be((100L, 101L));
        finding.Path.Should().Be("$.schedules[1]");
        finding.ToString().Should().Be("jump step 100: the rate rises 10x from 0.01 to 0.1 where $.schedules[1] takes over");
    }

    [Fact]
    public void Check_AHorizonInEpochsOnARunInSteps_FindsZeroAndFlat()
    {
        ILearningRateSchedule schedule = Schedules.Cosine(0.1, 90).WithWarmup(5);

        IReadOnlyList<LintFinding> findings = ScheduleLint.Check(schedule, 100_000);

        findings.Select(f => (f.Kind, f.Start, f.End, f.Path)).Should().Equal(
            (LintFindingKind.Zero, 0L, 100_000L, "$"),
            (LintFindingKind.Flat, 95L, 100_000L, "$"));
    }

    [Fact]
    public void Check_CosineRestartsWithACycleLimit_IsUnfinishedBeforeItsLastPeriodEnds()
    {
        ILearningRateSchedule schedule = ScheduleJson.Parse("""{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":100,"tMul":1,"cycleLimit":2}""");

        LintFinding finding = ScheduleLint.Check(schedule, 150).Should().ContainSingle().Subject;

        finding.Kind.Should().Be(LintFindingKind.Unfinished);
        (finding.Start, finding.End).Should().Be((149L, 150L));
        finding.Message.Should().EndWith("the schedule gets there at step 200");
    }

    [Fact]
    public void Check_ALateWarmup_IsReportedButACycleIsNot()
    {
        ScheduleLint.Check(Schedules.Constant(0.1).WithWarmup(600), 1000).Should().ContainSingle()
            .Which.Kind.Should().Be(LintFindingKind.Warmup);
        ScheduleLint.Check(ScheduleJson.Parse("""{"type":"oneCycle","maxLr":0.1,"totalSteps":1000,"pctStart":0.5}"""), 1000)
            .Should().NotContain(f => f.Kind == LintFindingKind.Warmup, "oneCycle rises by design");
    }

    [Fact]
    public void Check_TheOptionsSwitchAFindingOff()
    {
        ILearningRateSchedule schedule = Schedules.Cosine(0.1, 90).WithWarmup(5);

        ScheduleLint.Check(schedule, 100_000, new LintOptions { FlatFraction = 1, ZeroFraction = 1 }).Should().BeEmpty();
    }

    [Fact]
    public void Check_TellsTheProgress()
    {
        var seen = new List<long>();

        ScheduleLint.Check(Schedules.Constant(0.1), 300_000, progress: new Recorder(seen));

        seen.Should().NotBeEmpty().And.BeInAscendingOrder();
        seen[^1].Should().Be(300_000);
    }

    [Fact]
    public void Check_RefusesAPlateauAndBadArguments()
    {
        ILearningRateSchedule plateau = ScheduleJson.Parse("""{"type":"plateau","initialLr":0.1}""");

        FluentActions.Invoking(() => ScheduleLint.Check(plateau.WithWarmup(10), 100)).Should().Throw<ArgumentException>().WithMessage("*plateau*metrics*");
        FluentActions.Invoking(() => ScheduleLint.Check(Schedules.Constant(0.1), 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("totalSteps");
        FluentActions.Invoking(() => ScheduleLint.Check(Schedules.Constant(0.1), 10, new LintOptions { Jump = 0.5 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Jump*");
        FluentActions.Invoking(() => ScheduleLint.Check(null!, 10)).Should().Throw<ArgumentNullException>();
    }

    private sealed class Recorder(List<long> seen) : IProgress<long>
    {
        public void Report(long value) => seen.Add(value);
    }
}
