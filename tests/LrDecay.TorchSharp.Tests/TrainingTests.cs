using TorchSharp;

namespace LrDecay.TorchSharp.Tests;

/// <summary>
/// Real TorchSharp optimizers train a small model under a schedule: at every step the learning rate and momentum that reached the
/// optimizer are the schedules' values at that step, and the loss falls.
/// </summary>
public sealed class TrainingTests
{
    private const int Steps = 40;

    [Fact]
    public void SgdWithMomentum_UnderOneCycle_GetsTheScheduledRateAndMomentumEveryStep_AndLearns()
    {
        using var model = new TinyModel(seed: 11);
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.01, momentum: 0.9);
        ILearningRateSchedule lr = Schedules.OneCycle(maxLr: 0.05, totalSteps: Steps);

        // PyTorch OneCycleLR's cycle_momentum: max_momentum 0.95 down to base_momentum 0.85 while the rate rises, then back.
        long up = (long)(0.3 * Steps) - 1;
        ILearningRateSchedule momentum = Schedules.Linear(0.95, 0.85, up).Then(up, Schedules.Linear(0.85, 0.95, Steps - 1 - up));
        var scheduler = new LrDecayScheduler(sgd, lr, momentum: momentum);

        var losses = new List<double>();
        for (long t = 0; t < Steps; t++)
        {
            var group = (torch.optim.IMomentum)sgd.ParamGroups.Single();
            sgd.ParamGroups.Single().LearningRate.Should().Be(lr.GetLearningRate(t), "the rate of step {0}", t);
            group.Momentum.Should().Be(momentum.GetLearningRate(t), "the momentum of step {0}", t);
            losses.Add(model.TrainStep(sgd));
            scheduler.step();
        }

        losses[^1].Should().BeLessThan(losses[0] * 0.5, "the model learns: {0}", string.Join(", ", losses.Select(l => l.ToString("G3"))));
    }

    [Fact]
    public void SgdWithMomentum_UnderOneCycleWithOneCycleMomentum_GetsTheScheduledMomentumEveryStep_AndLearns()
    {
        using var model = new TinyModel(seed: 17);
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.01, momentum: 0.9);
        ILearningRateSchedule lr = Schedules.OneCycle(maxLr: 0.05, totalSteps: Steps, pctStart: 0.25);
        ILearningRateSchedule momentum = Schedules.OneCycleMomentum(totalSteps: Steps, pctStart: 0.25);
        var scheduler = new LrDecayScheduler(sgd, lr, momentum: momentum);

        var losses = new List<double>();
        var seen = new List<double>();
        for (long t = 0; t < Steps; t++)
        {
            var group = (torch.optim.IMomentum)sgd.ParamGroups.Single();
            sgd.ParamGroups.Single().LearningRate.Should().Be(lr.GetLearningRate(t), "the rate of step {0}", t);
            group.Momentum.Should().Be(momentum.GetLearningRate(t), "the momentum of step {0}", t);
            seen.Add(group.Momentum);
            losses.Add(model.TrainStep(sgd));
            scheduler.step();
        }

        // PyTorch's defaults: max_momentum 0.95 at step 0, base_momentum 0.85 at the lr's peak 0.25 * 40 - 1 = 9, 0.95 again at 39.
        seen[0].Should().Be(0.95);
        seen[9].Should().BeApproximately(0.85, 1e-15);
        seen[^1].Should().BeApproximately(0.95, 1e-15);
        losses[^1].Should().BeLessThan(losses[0] * 0.5, "the model learns: {0}", string.Join(", ", losses.Select(l => l.ToString("G3"))));
    }

    [Fact]
    public void Adam_WithWarmupCosineSetDirectly_GetsTheScheduledRateAndBeta1EveryStep_AndLearns()
    {
        using var model = new TinyModel(seed: 5);
        torch.optim.Optimizer adam = torch.optim.Adam(model.Parameters, lr: 1e-3, beta1: 0.9, beta2: 0.999);
        ILearningRateSchedule lr = Schedules.Cosine(initialLr: 0.05, decaySteps: Steps - 5, minLr: 0.005).WithWarmup(5);
        ILearningRateSchedule beta1 = Schedules.Linear(0.85, 0.95, totalSteps: Steps);

        var losses = new List<double>();
        for (long t = 0; t < Steps; t++)
        {
            adam.SetLearningRate(lr, t, momentum: beta1);
            var group = (torch.optim.IBetas)adam.ParamGroups.Single();
            adam.ParamGroups.Single().LearningRate.Should().Be(lr.GetLearningRate(t));
            group.Betas.Should().Be((beta1.GetLearningRate(t), 0.999));
            losses.Add(model.TrainStep(adam));
        }

        losses[^1].Should().BeLessThan(losses[0] * 0.5, "the model learns: {0}", string.Join(", ", losses.Select(l => l.ToString("G3"))));
    }
}
