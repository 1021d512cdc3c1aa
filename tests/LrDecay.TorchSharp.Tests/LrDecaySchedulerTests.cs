using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch.optim.lr_scheduler;

namespace LrDecay.TorchSharp.Tests;

public sealed class LrDecaySchedulerTests
{
    private static readonly ILearningRateSchedule Warmup = Schedules.Cosine(initialLr: 0.1, decaySteps: 100).WithWarmup(10);

    [Fact]
    public void Constructor_AppliesStepZero_ThenEachStepAdvancesOne()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.5);

        var scheduler = new LrDecayScheduler(sgd, Warmup);

        scheduler.CurrentStep.Should().Be(0);
        LrOf(sgd).Should().Be(0.0); // a warm-up from 0: 0 * 0.1 / 10
        for (long t = 1; t <= 30; t++)
        {
            scheduler.step();
            scheduler.CurrentStep.Should().Be(t);
            LrOf(sgd).Should().Be(Warmup.GetLearningRate(t), "step {0}", t);
            scheduler.get_last_lr().Should().Equal(Warmup.GetLearningRate(t));
        }
    }

    [Fact]
    public void StepWithEpoch_JumpsThere()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.5);
        var scheduler = new LrDecayScheduler(sgd, Warmup);

        scheduler.step(60);

        scheduler.CurrentStep.Should().Be(60);
        // 0.1 * (1 + cos(pi * 50 / 100)) / 2 = 0.05: 50 steps into the cosine after the 10 of warm-up.
        LrOf(sgd).Should().Be(Warmup.GetLearningRate(60));
        LrOf(sgd).Should().BeApproximately(0.05, 1e-16);
    }

    [Fact]
    public void Steps_PastIntMaxValue_KeepFollowingTheLongStep()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.5);
        ILearningRateSchedule linear = Schedules.Linear(0.0, 1.0, totalSteps: 1L << 40);
        var scheduler = new LrDecayScheduler(sgd, linear);

        scheduler.SetStep(int.MaxValue);
        LrOf(sgd).Should().Be(linear.GetLearningRate(int.MaxValue));
        scheduler.step();
        scheduler.step();

        // TorchSharp's int epoch wraps here; the scheduler's long step does not: (2^31 + 1) / 2^40.
        scheduler.CurrentStep.Should().Be(int.MaxValue + 2L);
        LrOf(sgd).Should().Be(linear.GetLearningRate(int.MaxValue + 2L));
        LrOf(sgd).Should().Be(((1L << 31) + 1) / (double)(1L << 40));
        scheduler.SetStep(1L << 39);
        LrOf(sgd).Should().Be(0.5); // half way: 2^39 / 2^40
    }

    [Fact]
    public void LastStep_ResumesAfterIt()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.5);

        var scheduler = new LrDecayScheduler(sgd, Warmup, lastStep: 41);

        scheduler.CurrentStep.Should().Be(42);
        LrOf(sgd).Should().Be(Warmup.GetLearningRate(42));
    }

    [Fact]
    public void InsideSequentialLR_EachPartStartsAtItsOwnStepZero()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.1);
        ILearningRateSchedule ramp = Schedules.Linear(0.02, 0.1, totalSteps: 4);
        var first = new LrDecayScheduler(sgd, ramp);
        var second = new LrDecayScheduler(sgd, Schedules.Step(0.1, stepSize: 2, gamma: 0.5));

        LRScheduler sequence = SequentialLR(sgd, [first, second], [4]);
        var seen = new List<double> { LrOf(sgd) };
        for (int i = 0; i < 7; i++)
        {
            sequence.step();
            seen.Add(LrOf(sgd));
        }

        // Steps 0..3 of the ramp (0.02 + 0.08 t / 4), then the step decay from its own step 0: 0.1, 0.1, 0.05, 0.05.
        double[] expected = [ramp.GetLearningRate(0), ramp.GetLearningRate(1), ramp.GetLearningRate(2), ramp.GetLearningRate(3), 0.1, 0.1, 0.05, 0.05];
        seen.Should().Equal(expected);
    }

    [Fact]
    public void InsideChainedLR_ATorchSharpFactorMultipliesTheScheduleRate()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.1);
        ILearningRateSchedule constant = Schedules.Constant(0.2);
        var ours = new LrDecayScheduler(sgd, constant);
        LRScheduler exponential = ExponentialLR(sgd, gamma: 0.5);

        LRScheduler chain = ChainedLR([ours, exponential]);
        chain.step();

        // Ours sets 0.2; ExponentialLR then multiplies the current rate by gamma, as PyTorch's ChainedScheduler does: 0.2 * 0.5.
        LrOf(sgd).Should().Be(0.1);
    }

    [Fact]
    public void Plateau_StepWithMetric_ReducesAndTheStateRoundTripsThroughJson()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.5);
        PlateauSchedule plateau = Schedules.Plateau(initialLr: 0.1, factor: 0.5, patience: 1);
        var scheduler = new LrDecayScheduler(sgd, plateau);

        double[] losses = [1.0, 0.9, 0.95, 0.95, 0.96];
        var rates = new List<double>();
        foreach (double loss in losses)
        {
            scheduler.step(loss);
            rates.Add(LrOf(sgd));
        }

        // Two epochs without improvement after 0.9 exceed patience 1: 0.1 * 0.5 from the fourth metric on; then one more bad epoch.
        rates.Should().Equal(0.1, 0.1, 0.1, 0.05, 0.05);
        string json = ScheduleJson.SerializeState(scheduler.State);

        var resumed = new LrDecayScheduler(sgd, plateau, lastStep: scheduler.CurrentStep, state: ScheduleJson.ParseState(json));
        resumed.State.Should().Be(scheduler.State);
        resumed.step(0.97);
        scheduler.step(0.97);
        resumed.State.Should().Be(scheduler.State);
        resumed.State.Reductions.Should().Be(2); // the second reduction: 0.1 * 0.5^2
        LrOf(sgd).Should().Be(0.025);
    }

    [Fact]
    public void Plateau_ObserveWithoutStepping_AppliesTheReductionAtTheCurrentStep()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.5);
        var plateau = new PlateauSchedule(Schedules.Cosine(0.1, decaySteps: 1_000), factor: 0.1, patience: 0);
        var scheduler = new LrDecayScheduler(sgd, plateau);
        for (int i = 0; i < 100; i++)
        {
            scheduler.step();
        }

        scheduler.Observe(1.0);
        scheduler.Observe(2.0);

        // The second metric is no improvement and patience is 0: one reduction, at step 100 still.
        scheduler.CurrentStep.Should().Be(100);
        LrOf(sgd).Should().Be(plateau.GetLearningRate(scheduler.State, 100));
        scheduler.State.Reductions.Should().Be(1);
    }

    [Fact]
    public void Momentum_FollowsItsScheduleEveryStep()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.1, momentum: 0.9);
        ILearningRateSchedule momentum = Schedules.Linear(0.95, 0.85, totalSteps: 10);
        var scheduler = new LrDecayScheduler(sgd, Warmup, momentum: momentum);

        for (long t = 0; t < 12; t++)
        {
            ((torch.optim.IMomentum)sgd.ParamGroups.Single()).Momentum.Should().Be(momentum.GetLearningRate(t));
            scheduler.step();
        }
    }

    [Fact]
    public void PerGroup_GivesEachGroupItsSchedule_AndACountMismatchIsAnError()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = TwoGroups(model);
        ILearningRateSchedule head = Schedules.Constant(0.3);

        var scheduler = LrDecayScheduler.PerGroup(sgd, [Warmup, head]);
        scheduler.step(20);

        sgd.ParamGroups.Select(g => g.LearningRate).Should().Equal(Warmup.GetLearningRate(20), 0.3);
        FluentActions.Invoking(() => LrDecayScheduler.PerGroup(sgd, [Warmup]))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "schedules");
    }

    [Fact]
    public void BadArguments_ThrowNamingTheParameter()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = torch.optim.SGD(model.Parameters, learningRate: 0.1);

        FluentActions.Invoking(() => new LrDecayScheduler(null!, Warmup))
            .Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "optimizer");
        FluentActions.Invoking(() => new LrDecayScheduler(sgd, null!))
            .Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "schedule");
        FluentActions.Invoking(() => new LrDecayScheduler(sgd, Warmup, lastStep: -2))
            .Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "lastStep");
        var scheduler = new LrDecayScheduler(sgd, Warmup);
        FluentActions.Invoking(() => scheduler.step(-1))
            .Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "epoch");
        FluentActions.Invoking(() => scheduler.SetStep(-1))
            .Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "step");
        FluentActions.Invoking(() => scheduler.Observe(1.0))
            .Should().Throw<InvalidOperationException>().WithMessage("Observe needs a plateau schedule*");
    }

    [Fact]
    public void TorchSharpsScheduler_HasTheEpochFieldThisSchedulerMoves()
    {
        // The scheduler moves TorchSharp's internal epoch counter, LRScheduler._last_epoch: an upgrade that renames it fails here.
        LrDecayScheduler.TorchSharpEpochField.Should().Be("_last_epoch");
        System.Reflection.FieldInfo? field = typeof(LRScheduler).GetField(
            "_last_epoch", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);
        field.Should().NotBeNull();
        field!.FieldType.Should().Be<int>();
        LrDecayScheduler.EpochField.Value.Should().BeSameAs(field);
        typeof(LRScheduler).Assembly.GetName().Version!.ToString(2).Should().Be("0.107", "the package allows TorchSharp [0.107.0, 0.108.0)");
    }

    [Fact]
    public void ATorchSharpWithoutTheEpochField_IsRefusedNamingItsVersion()
    {
        Action resolve = () => LrDecayScheduler.EpochField.Resolve(typeof(SchedulerWithoutEpochField));

        string version = typeof(SchedulerWithoutEpochField).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        resolve.Should().Throw<NotSupportedException>().WithMessage(
            $"LrDecay.TorchSharp cannot drive TorchSharp {version}: its LRScheduler has no int field '_last_epoch' (the epoch counter this "
            + "scheduler moves). This LrDecay.TorchSharp supports TorchSharp 0.107; use OptimizerScheduleExtensions.SetLearningRate, "
            + "which needs no scheduler, or a TorchSharp it supports.");
    }

    [Fact]
    public void PerGroup_WithPlateaus_EachGroupObservesTheMetricInItsOwnState()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = TwoGroups(model);
        PlateauSchedule backbone = Schedules.Plateau(0.1, factor: 0.5, patience: 1);
        PlateauSchedule head = Schedules.Plateau(0.4, factor: 0.1, patience: 2);

        var scheduler = LrDecayScheduler.PerGroup(sgd, [backbone, head]);
        scheduler.Plateau.Should().BeSameAs(backbone);
        foreach (double loss in new[] { 1.0, 1.0, 1.0, 1.0 })
        {
            scheduler.step(loss);
        }

        // backbone (patience 1): a reduction after the 3rd epoch; head (patience 2): after the 4th.
        scheduler.States.Select(s => s.Reductions).Should().Equal(1L, 1L);
        sgd.ParamGroups.Select(g => g.LearningRate).Should().Equal(0.05, 0.4 * 0.1);
        scheduler.State.Should().Be(scheduler.States[0]);

        // Resume: a new scheduler from the step and the states gives the same rates.
        IReadOnlyList<PlateauState> saved = scheduler.States.Select(s => ScheduleJson.ParseState(ScheduleJson.SerializeState(s))).ToArray();
        var resumed = LrDecayScheduler.PerGroup(sgd, [backbone, head], lastStep: scheduler.CurrentStep - 1, states: saved);
        resumed.States.Should().Equal(scheduler.States);
        sgd.ParamGroups.Select(g => g.LearningRate).Should().Equal(0.05, 0.4 * 0.1);
        FluentActions.Invoking(() => resumed.SetStates([backbone.InitialState]))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "states");
        resumed.SetStates([backbone.InitialState, head.InitialState]);
        sgd.ParamGroups.Select(g => g.LearningRate).Should().Equal(0.1, 0.4);
    }

    [Fact]
    public void PerGroup_WithOnePlateau_OtherGroupsIgnoreTheMetric()
    {
        using var model = new TinyModel();
        torch.optim.Optimizer sgd = TwoGroups(model);
        PlateauSchedule head = Schedules.Plateau(0.4, factor: 0.5, patience: 0);

        var scheduler = LrDecayScheduler.PerGroup(sgd, [Schedules.Constant(0.2), head]);
        scheduler.Plateau.Should().BeSameAs(head);
        scheduler.step(1.0);
        scheduler.step(1.0);

        sgd.ParamGroups.Select(g => g.LearningRate).Should().Equal(0.2, 0.2);
        scheduler.State.Reductions.Should().Be(1);
        scheduler.States[0].Should().Be(default(PlateauState));
        scheduler.Observe(1.0);
        sgd.ParamGroups.Select(g => g.LearningRate).Should().Equal(0.2, 0.1);
    }

    private static double LrOf(torch.optim.Optimizer optimizer) => optimizer.ParamGroups.First().LearningRate;

    /// <summary>SGD with one parameter group per layer of <paramref name="model"/>, each at 0.1.</summary>
    private static torch.optim.Optimizer TwoGroups(TinyModel model)
    {
        (IEnumerable<Parameter> first, IEnumerable<Parameter> second) = model.Layers();
        return torch.optim.SGD([new SGD.ParamGroup(first, lr: 0.1), new SGD.ParamGroup(second, lr: 0.1)], learningRate: 0.1);
    }

    /// <summary>A stand-in for a TorchSharp whose scheduler lacks the epoch field.</summary>
    private sealed class SchedulerWithoutEpochField
    {
    }
}
