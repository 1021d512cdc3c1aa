using LrDecay.Tests.Support;

namespace LrDecay.Tests.Plateau;

/// <summary>Plateau settings as one checked value, and plateau over any base schedule in C# as in JSON.</summary>
public sealed class PlateauOptionsTests
{
    private static readonly double[] Metrics = [1.0, 0.8, 0.8, 0.81, 0.79, 0.8, 0.8, 0.8, 0.8, 0.7, 0.7, 0.7, 0.7, 0.7];

    [Fact]
    public void Default_IsPyTorchsReduceLROnPlateau()
    {
        PlateauOptions d = PlateauOptions.Default;

        (d.Mode, d.Factor, d.Patience, d.Threshold, d.ThresholdMode, d.Cooldown, d.MinLr, d.Eps, d.Compat).Should().Be(
            (PlateauMode.Minimize, 0.1, 10L, 1e-4, PlateauThresholdMode.Relative, 0L, 0.0, 1e-8, PlateauCompat.PyTorch));
        new PlateauOptions(compat: PlateauCompat.Keras).ThresholdMode.Should().Be(PlateauThresholdMode.Absolute);
    }

    [Theory]
    [InlineData("factor")]
    [InlineData("patience")]
    [InlineData("threshold")]
    [InlineData("thresholdMode")]
    [InlineData("cooldown")]
    [InlineData("minLr")]
    [InlineData("eps")]
    [InlineData("mode")]
    [InlineData("compat")]
    public void ASettingOutOfRange_IsRefusedNamingIt(string name)
    {
        Action create = name switch
        {
            "factor" => () => _ = new PlateauOptions(factor: 1.0),
            "patience" => () => _ = new PlateauOptions(patience: -1),
            "threshold" => () => _ = new PlateauOptions(threshold: double.NaN),
            "thresholdMode" => () => _ = new PlateauOptions(thresholdMode: PlateauThresholdMode.Relative, compat: PlateauCompat.Keras),
            "cooldown" => () => _ = new PlateauOptions(cooldown: -2),
            "minLr" => () => _ = new PlateauOptions(minLr: -1e-3),
            "eps" => () => _ = new PlateauOptions(eps: double.PositiveInfinity),
            "mode" => () => _ = new PlateauOptions(mode: (PlateauMode)7),
            _ => () => _ = new PlateauOptions(compat: (PlateauCompat)9),
        };

        create.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(name);
    }

    [Fact]
    public void ReduceOnPlateau_IsTheJsonPlateauOverTheSameBase()
    {
        ILearningRateSchedule cosine = Schedules.Cosine(0.1, 2000, 1e-4);
        var options = new PlateauOptions(factor: 0.5, patience: 2, cooldown: 1, minLr: 1e-3);

        PlateauSchedule verb = cosine.ReduceOnPlateau(options);
        var json = (PlateauSchedule)ScheduleJson.Parse(
            """{"type":"plateau","factor":0.5,"patience":2,"cooldown":1,"minLr":0.001,"schedule":{"type":"cosine","initialLr":0.1,"decaySteps":2000,"minLr":0.0001}}""");

        ScheduleJson.Serialize(verb).Should().Be(ScheduleJson.Serialize(json));
        verb.Options.Should().BeSameAs(options);
        verb.Schedule.Should().BeSameAs(cosine);
        SameTrajectory(verb, json);
    }

    [Fact]
    public void TheFactoryAndTheVerb_WithoutOptions_TakeTheDefaults()
    {
        ILearningRateSchedule step = Schedules.Step(0.1, stepSize: 30, gamma: 0.5);

        string expected = ScheduleJson.Serialize(new PlateauSchedule(step));
        ScheduleJson.Serialize(Schedules.Plateau(step)).Should().Be(expected);
        ScheduleJson.Serialize(step.ReduceOnPlateau()).Should().Be(expected);
        ScheduleJson.Serialize(Schedules.Plateau(step, PlateauOptions.Default)).Should().Be(expected);
        Schedules.Plateau(step).Options.Should().BeSameAs(PlateauOptions.Default);
    }

    [Fact]
    public void TheOptionsConstructor_BuildsWhatTheParameterListBuilds()
    {
        var options = new PlateauOptions(PlateauMode.Maximize, 0.3, 1, 0.01, PlateauThresholdMode.Absolute, 2, 0.001, 0.0, PlateauCompat.Keras);

        var fromOptions = new PlateauSchedule(0.2, options);
        var fromList = new PlateauSchedule(0.2, PlateauMode.Maximize, 0.3, 1, 0.01, PlateauThresholdMode.Absolute, 2, 0.001, 0.0, PlateauCompat.Keras);

        ScheduleJson.Serialize(fromOptions).Should().Be(ScheduleJson.Serialize(fromList));
        (fromList.Mode, fromList.Factor, fromList.Patience, fromList.Threshold, fromList.ThresholdMode, fromList.Cooldown, fromList.MinLr, fromList.Eps, fromList.Compat)
            .Should().Be((options.Mode, options.Factor, options.Patience, options.Threshold, options.ThresholdMode, options.Cooldown, options.MinLr, options.Eps, options.Compat));
        SameTrajectory(fromOptions, fromList);
    }

    [Fact]
    public void NullArguments_AreRefusedNamingThem()
    {
        FluentActions.Invoking(() => Schedules.Plateau(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("schedule");
        FluentActions.Invoking(() => Schedules.Plateau(Schedules.Constant(0.1), null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("options");
        FluentActions.Invoking(() => new PlateauSchedule(0.1, (PlateauOptions)null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("options");
        FluentActions.Invoking(() => ((ILearningRateSchedule)null!).ReduceOnPlateau())
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("schedule");
    }

    [Fact]
    public void OverABaseThatWarmsUpFrom0_ReductionsStillApply()
    {
        // The eps check looks at the base's peak (0.1), not at its rate at step 0 (0): a warm-up in front does not stop reductions.
        PlateauSchedule plateau = Schedules.Cosine(0.1, 10_000).WithWarmup(500).ReduceOnPlateau(new PlateauOptions(factor: 0.5, patience: 1));
        PlateauState state = plateau.InitialState;
        foreach (double loss in new[] { 1.0, 1.0, 1.0 })
        {
            state = plateau.Observe(state, loss);
        }

        state.Reductions.Should().Be(1);
        plateau.GetLearningRate(state, 500).Should().Be(0.05);
        plateau.GetLearningRate(state, 250).Should().Be(0.025);
        plateau.InitialLr.Should().Be(0.0, "InitialLr stays the base's rate at step 0");
    }

    [Fact]
    public void StartEpoch_TheMetricsBeforeItAreOnlyCounted()
    {
        // timm's plateau hands its reducer no metric during its warm-up: with startEpoch 3, the first three observations move
        // nothing but the epoch count, and patience 1 counts from epoch 3 on.
        var plateau = (PlateauSchedule)ScheduleJson.Parse(
            """{"type":"plateau","initialLr":0.1,"factor":0.5,"patience":1,"startEpoch":3}""");
        List<long> reductions = PlateauRun.Reductions(plateau, [5.0, 5.0, 5.0, 1.0, 1.0, 1.0, 1.0], out PlateauState state);
        reductions.Should().Equal(0L, 0L, 0L, 0L, 0L, 1L, 1L);
        state.Epochs.Should().Be(7);
        plateau.StartEpoch.Should().Be(3);
        ScheduleJson.Serialize(plateau).Should().Contain("\"startEpoch\":3");
        ScheduleJson.Serialize(Schedules.Plateau(0.1)).Should().NotContain("startEpoch", "the default is not written");
        FluentActions.Invoking(() => new PlateauOptions(startEpoch: -1))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("startEpoch");
    }

    private static void SameTrajectory(PlateauSchedule a, PlateauSchedule b)
    {
        PlateauState sa = a.InitialState;
        PlateauState sb = b.InitialState;
        for (int epoch = 0; epoch < Metrics.Length; epoch++)
        {
            sa = a.Observe(sa, Metrics[epoch]);
            sb = b.Observe(sb, Metrics[epoch]);
            sa.Should().Be(sb);
            for (long step = epoch * 100L; step < (epoch + 1) * 100L; step += 7)
            {
                a.GetLearningRate(sa, step).Should().Be(b.GetLearningRate(sb, step));
            }
        }

        sa.Reductions.Should().BeGreaterThan(0, "the metrics stall, so the trajectory reduces the rate");
    }
}
