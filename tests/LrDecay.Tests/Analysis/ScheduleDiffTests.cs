using LrDecay.Analysis;

namespace LrDecay.Tests.Analysis;

/// <summary><see cref="ScheduleDiff.Compare"/>: bit-for-bit comparison over a range of steps.</summary>
public sealed class ScheduleDiffTests
{
    [Fact]
    public void Compare_TheSameScheduleWrittenTwoWays_IsIdentical()
    {
        ILearningRateSchedule a = Schedules.Cosine(0.1, 1000);
        ILearningRateSchedule b = ScheduleJson.Parse(ScheduleJson.Serialize(a));

        DiffResult result = ScheduleDiff.Compare(a, b, 0, 2000);

        result.Identical.Should().BeTrue();
        result.Differing.Should().Be(0);
        result.First.Should().BeNull();
        result.Largest.Should().BeNull();
    }

    [Fact]
    public void Compare_GivesTheFirstAndTheLargestDifference()
    {
        ILearningRateSchedule a = Schedules.Constant(0.1);
        ILearningRateSchedule b = ScheduleJson.Parse(
            """{"type":"sequence","boundaries":[300000,300010],"schedules":[{"type":"constant","lr":0.1},{"type":"constant","lr":0.05},{"type":"constant","lr":0.09}]}""");

        DiffResult result = ScheduleDiff.Compare(a, b, 100, 400_000);

        result.Identical.Should().BeFalse();
        result.Differing.Should().Be(100_000);
        result.First!.Step.Should().Be(300_000);
        (result.First.A, result.First.B).Should().Be((0.1, 0.05));
        result.Largest!.Step.Should().Be(300_000);
        result.Largest.Relative.Should().Be(0.5);
    }

    [Fact]
    public void Relative_IsZeroForZeroAgainstMinusZero()
    {
        ScheduleDiff.Relative(0.0, -0.0).Should().Be(0.0);
        ScheduleDiff.Relative(1.0, 0.5).Should().Be(0.5);
    }

    [Fact]
    public void Compare_RefusesAPlateauAndAnEmptyRange()
    {
        ILearningRateSchedule plateau = ScheduleJson.Parse("""{"type":"plateau","initialLr":0.1}""");

        FluentActions.Invoking(() => ScheduleDiff.Compare(Schedules.Constant(0.1), plateau, 0, 10)).Should().Throw<ArgumentException>().WithParameterName("b");
        FluentActions.Invoking(() => ScheduleDiff.Compare(Schedules.Constant(0.1), Schedules.Constant(0.1), 10, 10))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("to");
    }
}
