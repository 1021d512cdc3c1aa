using LrDecay.Analysis;

namespace LrDecay.Tests.Analysis;

/// <summary><see cref="MetricReplay"/>: a run's metrics fed to a plateau, bit-identical to its own transitions.</summary>
public sealed class MetricReplayTests
{
    [Fact]
    public void Replay_GivesThePlateausOwnRates()
    {
        PlateauSchedule plateau = Schedules.Plateau(0.1, patience: 1, factor: 0.5);
        var replay = new MetricReplay(plateau);
        PlateauState state = plateau.InitialState;
        double[] metrics = [1.0, 0.9, 0.95, 0.96, 0.97, 0.5];

        foreach (double metric in metrics)
        {
            replay.Observe(metric);
            state = plateau.Observe(state, metric);
            replay.GetLearningRate(replay.Observed).Should().Be(plateau.GetLearningRate(state, replay.Observed));
        }

        replay.Observed.Should().Be(metrics.Length);
        replay.GetLearningRate(10).Should().BeLessThan(0.1, "the flat metrics reduced the rate");
    }

    [Fact]
    public void CanReplay_IsTrueForAPlateauOnly()
    {
        MetricReplay.CanReplay(ScheduleJson.Parse("""{"type":"plateau","initialLr":0.1}""")).Should().BeTrue();
        MetricReplay.CanReplay(Schedules.Constant(0.1)).Should().BeFalse();
        FluentActions.Invoking(() => new MetricReplay(Schedules.Constant(0.1)))
            .Should().Throw<ArgumentException>().WithParameterName("schedule").WithMessage("*'constant'*");
    }
}
