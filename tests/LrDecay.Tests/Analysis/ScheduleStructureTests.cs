using LrDecay.Analysis;

namespace LrDecay.Tests.Analysis;

/// <summary>The facts of a schedule's structure, as the catalog entries state them.</summary>
public sealed class ScheduleStructureTests
{
    [Theory]
    [InlineData("""{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":100,"tMul":1,"cycleLimit":3}""", 300L)]
    [InlineData("""{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":100,"tMul":2,"cycleLimit":3}""", 700L)]
    [InlineData("""{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":10,"tMul":1.5,"cycleLimit":2,"minLr":0.01}""", 25L)]
    public void CosineRestarts_WithACycleLimit_HoldsMinLrFromTheStartOfTheLimitPeriod(string json, long start)
    {
        ILearningRateSchedule schedule = ScheduleJson.Parse(json);

        long? holds = ScheduleStructure.HoldsFrom(schedule);

        holds.Should().Be(start);
        schedule.GetLearningRate(start - 1).Should().BeGreaterThan(schedule.GetLearningRate(start));
        for (long t = start; t < start + 1000; t++)
        {
            schedule.GetLearningRate(t).Should().Be(schedule.GetLearningRate(start));
        }
    }

    [Theory]
    [InlineData("""{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":1000000000000000000,"tMul":1,"cycleLimit":10}""")]
    [InlineData("""{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":1000,"tMul":2,"cycleLimit":100}""")]
    [InlineData("""{"type":"cosineRestarts","initialLr":1,"firstDecaySteps":1000,"tMul":1.5,"cycleLimit":1000}""")]
    public void CosineRestarts_WhoseLimitPeriodStartsPastALong_HasNoEnd(string json) =>
        ScheduleStructure.HoldsFrom(ScheduleJson.Parse(json)).Should().BeNull();

    [Fact]
    public void CosineRestarts_WithoutACycleLimit_HasNoEnd() =>
        ScheduleStructure.HoldsFrom(Schedules.CosineRestarts(1.0, 100)).Should().BeNull();

    [Theory]
    [InlineData("""{"type":"cosine","initialLr":1,"decaySteps":500}""", 500L)]
    [InlineData("""{"type":"warmup","warmupSteps":100,"schedule":{"type":"cosine","initialLr":1,"decaySteps":500}}""", 600L)]
    [InlineData("""{"type":"perEpoch","stepsPerEpoch":10,"schedule":{"type":"linear","startLr":1,"endLr":0,"totalSteps":7}}""", 70L)]
    [InlineData("""{"type":"sequence","boundaries":[50],"schedules":[{"type":"constant","lr":1},{"type":"cosine","initialLr":1,"decaySteps":30}]}""", 80L)]
    [InlineData("""{"type":"exponential","initialLr":1,"decayRate":0.5}""", null)]
    public void HoldsFrom_WalksTheComposites(string json, long? expected) =>
        ScheduleStructure.HoldsFrom(ScheduleJson.Parse(json)).Should().Be(expected);

    [Fact]
    public void DependsOnMetric_FindsAPlateauInsideAComposite()
    {
        ILearningRateSchedule plateau = ScheduleJson.Parse("""{"type":"plateau","initialLr":0.1}""");

        ScheduleStructure.DependsOnMetric(plateau).Should().BeTrue();
        ScheduleStructure.DependsOnMetric(new ScaleSchedule(plateau, 2.0)).Should().BeTrue();
        ScheduleStructure.DependsOnMetric(new SequenceSchedule([Schedules.Constant(0.1), plateau], [10])).Should().BeTrue();
        ScheduleStructure.DependsOnMetric(Schedules.Cosine(0.1, 100)).Should().BeFalse();
    }

    [Fact]
    public void AScheduleFromOutsideTheLibrary_HasNoFacts()
    {
        var outside = new Outside();

        ScheduleStructure.HoldsFrom(outside).Should().BeNull();
        ScheduleStructure.DependsOnMetric(outside).Should().BeFalse();
    }

    private sealed class Outside : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => 0.5;
    }
}
