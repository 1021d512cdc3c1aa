using TorchSharp;

namespace LrDecay.TorchSharp.Tests;

/// <summary>The range-test loop of the README: a rangeTest sweep set through SetLearningRate, recorded and analyzed.</summary>
public sealed class RangeTestSweepTests
{
    [Fact]
    public void Sweep_RecordsEveryRateAndTheFinderStopsAtTheBlowUp()
    {
        using var model = new TinyModel();
        RangeTestSchedule sweep = Schedules.RangeTest(startLr: 1e-4, endLr: 30, steps: 99);
        using var optimizer = torch.optim.SGD(model.Parameters, learningRate: sweep.StartLr, momentum: 0.9);

        var lrs = new List<double>();
        var losses = new List<double>();
        for (long step = 0; step < 100; step++)
        {
            lrs.Add(optimizer.SetLearningRate(sweep, step));
            losses.Add(model.TrainStep(optimizer));
        }

        // The recorded rates are the sweep's: 1e-4 at step 0, 30 at step 99.
        lrs[0].Should().Be(1e-4);
        lrs[99].Should().Be(sweep.GetLearningRate(99));
        lrs[99].Should().BeApproximately(30, 30 * 1e-12);

        // SGD with momentum 0.9 on a regression with lr up to 30 blows up: the usable range ends before the last step
        // (a divergence or a non-finite loss), and the suggestion lies inside the searched steps.
        FinderResult result = LearningRateFinder.Analyze(lrs, losses);
        result.UsableEnd.Should().BeLessThan(100);
        (result.DivergedIndex ?? result.NonFiniteLossIndex).Should().NotBeNull();
        result.SuggestedIndex.Should().BeInRange(result.SearchStart, result.SearchEnd - 1);
        result.SuggestedLearningRate.Should().Be(lrs[result.SuggestedIndex]);
    }
}
