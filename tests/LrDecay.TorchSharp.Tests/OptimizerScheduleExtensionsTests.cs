using TorchSharp;
using TorchSharp.Modules;

namespace LrDecay.TorchSharp.Tests;

public sealed class OptimizerScheduleExtensionsTests
{
    private static readonly ILearningRateSchedule Cosine = Schedules.Cosine(initialLr: 0.1, decaySteps: 1_000);

    [Fact]
    public void SetLearningRate_SetsEveryGroupToTheScheduleAtTheStep()
    {
        using var model = new TinyModel();
        (IEnumerable<Parameter> first, IEnumerable<Parameter> second) = model.Layers();
        torch.optim.Optimizer sgd = torch.optim.SGD([new SGD.ParamGroup(first, lr: 0.5), new SGD.ParamGroup(second, lr: 0.05)], learningRate: 0.5);

        double applied = sgd.SetLearningRate(Cosine, step: 250);

        // 0.1 * (1 + cos(pi/4)) / 2 at step 250 of 1000.
        applied.Should().Be(Cosine.GetLearningRate(250));
        applied.Should().BeApproximately(0.1 * (1 + Math.Cos(Math.PI / 4)) / 2, 1e-15);
        sgd.ParamGroups.Select(g => g.LearningRate).Should().Equal(applied, applied);
    }

    [Fact]
    public void SetLearningRate_KeepInitialRatios_ScalesEachGroupByItsInitialRateOverTheFirst()
    {
        using var model = new TinyModel();
        (IEnumerable<Parameter> first, IEnumerable<Parameter> second) = model.Layers();
        torch.optim.Optimizer sgd = torch.optim.SGD([new SGD.ParamGroup(first, lr: 0.1), new SGD.ParamGroup(second, lr: 0.025)], learningRate: 0.1);

        sgd.SetLearningRate(Cosine, 500, mode: GroupRateMode.KeepInitialRatios);

        // cos(pi/2) = 0: the first group gets 0.1 / 2 = 0.05, the second 0.05 * 0.025 / 0.1.
        double lr = Cosine.GetLearningRate(500);
        sgd.ParamGroups.Select(g => g.LearningRate).Should().Equal(lr, lr * (0.025 / 0.1));
    }

    [Fact]
    public void SetLearningRates_OneSchedulePerGroup()
    {
        using var model = new TinyModel();
        (IEnumerable<Parameter> first, IEnumerable<Parameter> second) = model.Layers();
        torch.optim.Optimizer adam = torch.optim.Adam([new Adam.ParamGroup(first), new Adam.ParamGroup(second)], lr: 1e-3);
        ILearningRateSchedule head = Schedules.Constant(3e-3);

        adam.SetLearningRates([Cosine, head], 100);

        adam.ParamGroups.Select(g => g.LearningRate).Should().Equal(Cosine.GetLearningRate(100), 3e-3);
    }

    [Fact]
    public void SetLearningRates_CountOtherThanTheGroups_ThrowsNamingSchedules()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.1);

        var act = () => sgd.SetLearningRates([Cosine, Cosine], 0);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "schedules")
            .WithMessage("schedules has 2 schedules for 1 parameter groups*");
    }

    [Fact]
    public void SetLearningRate_WithMomentum_SetsSgdMomentum()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.1, momentum: 0.9);
        ILearningRateSchedule momentum = Schedules.Linear(0.95, 0.85, totalSteps: 100);

        sgd.SetLearningRate(Cosine, 50, momentum);

        // 0.95 + (0.85 - 0.95) * 50 / 100 = 0.9 (as the linear schedule rounds it).
        sgd.ParamGroups.Cast<torch.optim.IMomentum>().Select(g => g.Momentum).Should().Equal(momentum.GetLearningRate(50));
        momentum.GetLearningRate(50).Should().BeApproximately(0.9, 1e-15);
    }

    [Fact]
    public void SetMomentum_OnAdam_SetsBeta1AndKeepsBeta2()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer adam = torch.optim.Adam(model.Parameters, lr: 1e-3, beta1: 0.9, beta2: 0.98);
        ILearningRateSchedule beta1 = Schedules.Constant(0.85);

        double set = adam.SetMomentum(beta1, 7);

        set.Should().Be(0.85);
        adam.ParamGroups.Cast<torch.optim.IBetas>().Select(g => g.Betas).Should().Equal((0.85, 0.98));
    }

    [Fact]
    public void SetMomentum_OnAnOptimizerWithoutMomentum_ThrowsNamingMomentum()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer adagrad = torch.optim.Adagrad(model.Parameters, lr: 0.01);

        var act = () => adagrad.SetLearningRate(Cosine, 0, momentum: Schedules.Constant(0.9));

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "momentum").WithMessage("*neither a momentum*nor betas*");
    }

    [Fact]
    public void SetLearningRate_BadArguments_ThrowNamingTheParameter()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.1);

        FluentActions.Invoking(() => ((torch.optim.Optimizer)null!).SetLearningRate(Cosine, 0))
            .Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "optimizer");
        FluentActions.Invoking(() => sgd.SetLearningRate(null!, 0))
            .Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "schedule");
        FluentActions.Invoking(() => sgd.SetLearningRate(Cosine, -1))
            .Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "step").WithMessage("step ('-1') must be a non-negative value.*");
    }
}
