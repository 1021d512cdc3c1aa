using LrDecay.Tests.Support;

namespace LrDecay.Tests.Plateau;

public sealed partial class PlateauScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new PlateauSchedule(0.1, patience: 2);

    private static double[] Run(PlateauSchedule plateau, params double[] metrics)
    {
        PlateauState state = plateau.InitialState;
        var lrs = new double[metrics.Length];
        for (int i = 0; i < metrics.Length; i++)
        {
            state = plateau.Observe(state, metrics[i]);
            lrs[i] = plateau.GetLearningRate(state, i + 1);
        }

        return lrs;
    }

    [Fact]
    public void PyTorch_ReducesWhenBadEpochsExceedPatience()
    {
        // Bad epochs 0, 1, 2 (> 1: halve, reset), 1, then 4 improves: 0, 1, 2 (halve).
        var plateau = new PlateauSchedule(1.0, factor: 0.5, patience: 1, threshold: 0, thresholdMode: PlateauThresholdMode.Absolute);
        Run(plateau, 5, 5, 5, 5, 4, 4, 4).Should().Equal(1, 1, 0.5, 0.5, 0.5, 0.5, 0.25);
    }

    [Fact]
    public void Keras_ReducesWhenWaitReachesPatience()
    {
        // The wait reaches 1 at every epoch without improvement: a halving at each but the first 5 and the first 4.
        var plateau = new PlateauSchedule(1.0, factor: 0.5, patience: 1, threshold: 0, compat: PlateauCompat.Keras);
        Run(plateau, 5, 5, 5, 5, 4, 4, 4).Should().Equal(1, 0.5, 0.25, 0.125, 0.125, 0.0625, 0.03125);
    }

    [Fact]
    public void PyTorch_RelativeThreshold()
    {
        // rel min: better only when below best * (1 - 0.1). 9.5 is not below 9 (halve), 8.9 is (new best), 8.1 is not below
        // 8.01 (halve).
        var plateau = new PlateauSchedule(1.0, factor: 0.5, patience: 0, threshold: 0.1);
        Run(plateau, 10, 9.5, 8.9, 8.1).Should().Equal(1, 0.5, 0.5, 0.25);
    }

    [Fact]
    public void PyTorch_CooldownIgnoresBadEpochs()
    {
        // Halve at the first bad epoch, then two epochs of cooldown whose bad epochs do not count, then halve again.
        var plateau = new PlateauSchedule(1.0, factor: 0.5, patience: 0, cooldown: 2, threshold: 0, thresholdMode: PlateauThresholdMode.Absolute);
        Run(plateau, 1, 1, 1, 1, 1, 1).Should().Equal(1, 0.5, 0.5, 0.5, 0.25, 0.25);
    }

    [Fact]
    public void PyTorch_MinLrFloorsAndEpsStopsReductions()
    {
        var plateau = new PlateauSchedule(0.004, factor: 0.25, patience: 0, minLr: 0.0002);
        double[] lrs = Run(plateau, 1, 1, 1, 1, 1);
        lrs.Should().Equal(0.004, 0.001, 0.00025, 0.0002, 0.0002); // 0.004 * 0.25^k, floored at 0.0002
    }

    [Fact]
    public void Keras_MinLrComparedAsFloat32()
    {
        // float32(0.7) < 0.7, so Keras still "reduces" at the floor (lr unchanged, cooldown restarted);
        // float32(0.3) > 0.3, so at that floor it stops reducing and the wait count keeps growing.
        var below = new PlateauSchedule(1.4, factor: 0.5, patience: 1, cooldown: 2, minLr: 0.7, threshold: 0, compat: PlateauCompat.Keras);
        PlateauState s = below.InitialState;
        foreach (double m in new[] { 1.0, 1.0, 1.0, 1.0 })
        {
            s = below.Observe(s, m);
        }

        below.GetLearningRate(s, 0).Should().Be(0.7);
        s.CooldownCounter.Should().Be(2);
        s.Reductions.Should().Be(2);

        var above = new PlateauSchedule(0.6, factor: 0.5, patience: 1, cooldown: 2, minLr: 0.3, threshold: 0, compat: PlateauCompat.Keras);
        s = above.InitialState;
        foreach (double m in new[] { 1.0, 1.0, 1.0, 1.0 })
        {
            s = above.Observe(s, m);
        }

        above.GetLearningRate(s, 0).Should().Be(0.3);
        s.CooldownCounter.Should().Be(0);
        s.Reductions.Should().Be(1);
        s.BadEpochs.Should().Be(1);
    }

    [Theory]
    [InlineData(PlateauMode.Minimize, 0.1, -0.28, 0.38)]
    [InlineData(PlateauMode.Maximize, 0.9, 1.33, 0.43)]
    public void Keras_MinDelta_RoundsAsKerasWritesIt(PlateauMode mode, double first, double second, double minDelta)
    {
        // keras.callbacks.MonitorCallback: monitor_op(current - min_delta, best), min_delta negated in min mode, so an
        // improvement is current + min_delta < best (max: current - min_delta > best). In double these differ from
        // current < best - min_delta for the values here: Keras counts them as improvements.
        var plateau = new PlateauSchedule(1.0, mode: mode, patience: 5, threshold: minDelta, compat: PlateauCompat.Keras);
        PlateauState s = plateau.Observe(plateau.Observe(plateau.InitialState, first), second);
        s.Best.Should().Be(second);
        s.BadEpochs.Should().Be(0);
    }

    [Theory]
    [InlineData(PlateauCompat.PyTorch)]
    [InlineData(PlateauCompat.Keras)]
    public void NaN_NeverImproves_EvenFirst(PlateauCompat compat)
    {
        var plateau = new PlateauSchedule(0.2, factor: 0.5, patience: 0, threshold: 0.01, thresholdMode: PlateauThresholdMode.Absolute, compat: compat);
        PlateauState s = plateau.Observe(plateau.InitialState, double.NaN);
        s.Best.Should().Be(double.PositiveInfinity);
        s = plateau.Observe(s, 1.0);
        s.Best.Should().Be(1.0);
        s = plateau.Observe(s, double.NaN);
        s.Best.Should().Be(1.0);
    }

    [Fact]
    public void Max_HigherIsBetter()
    {
        var plateau = new PlateauSchedule(1.0, mode: PlateauMode.Maximize, factor: 0.1, patience: 0, threshold: 0, thresholdMode: PlateauThresholdMode.Absolute);
        double[] lrs = Run(plateau, 0.5, 0.6, 0.6, 0.7);
        lrs[0].Should().Be(1);
        lrs[1].Should().Be(1);
        LrAssert.Close(0.1, lrs[2]);
        LrAssert.Close(0.1, lrs[3]);
    }

    [Fact]
    public void ScheduleBase_ReductionIsAFactorOnTheBase()
    {
        var plateau = new PlateauSchedule(new CosineSchedule(1.0, 100), factor: 0.5, patience: 0, minLr: 0.01);
        PlateauState s = plateau.Observe(plateau.Observe(plateau.InitialState, 1.0), 1.0);
        s.Reductions.Should().Be(1);
        LrAssert.Close(0.5 * new CosineSchedule(1.0, 100).GetLearningRate(50), plateau.GetLearningRate(s, 50));
        plateau.GetLearningRate(s, 100).Should().Be(0.01);
    }

    [Theory]
    [InlineData(PlateauCompat.PyTorch)]
    [InlineData(PlateauCompat.Keras)]
    public void InitialLrBelowMinLr_StaysAsPyTorchAndKerasLeaveIt(PlateauCompat compat)
    {
        // PyTorch would "reduce" to max(lr * factor, min_lr) = min_lr, a rise, which its eps check refuses; Keras reduces only
        // while lr > min_lr. Both keep the initial rate.
        var plateau = new PlateauSchedule(0.001, factor: 0.5, patience: 0, minLr: 0.01, threshold: 0, thresholdMode: PlateauThresholdMode.Absolute, compat: compat);
        PlateauState s = plateau.InitialState;
        plateau.GetLearningRate(s, 0).Should().Be(0.001);
        foreach (double m in new[] { 1.0, 1.0, 1.0, 1.0 })
        {
            s = plateau.Observe(s, m);
            plateau.GetLearningRate(s, 1).Should().Be(0.001);
        }

        s.Reductions.Should().Be(0);
    }

    [Fact]
    public void Observe_IsPure()
    {
        var plateau = new PlateauSchedule(1.0, patience: 0);
        PlateauState start = plateau.Observe(plateau.InitialState, 3.0);
        PlateauState a = plateau.Observe(start, 3.0);
        PlateauState b = plateau.Observe(start, 3.0);
        a.Should().Be(b);
        start.Reductions.Should().Be(0);
        start.Epochs.Should().Be(1);
    }

    [Fact]
    public void State_JsonRoundTrip()
    {
        var plateau = new PlateauSchedule(1.0, factor: 0.3, patience: 1, cooldown: 3);
        PlateauState s = plateau.InitialState;
        ScheduleJson.ParseState(ScheduleJson.SerializeState(s)).Should().Be(s);
        foreach (double m in new[] { 3.0, 2.0, 2.5, 2.5, 2.5, 1.0 })
        {
            s = plateau.Observe(s, m);
            string json = ScheduleJson.SerializeState(s);
            ScheduleJson.ParseState(json).Should().Be(s);
        }
    }

    [Fact]
    public void State_BadJson_IsConfigError()
    {
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.ParseState("{\"best\":1,\"badEpochs\":-1,\"cooldownCounter\":0,\"reductions\":0,\"scale\":1,\"epochs\":0}"))
            .Message.Should().Contain("badEpochs");
        Assert.Throws<ScheduleConfigException>(() => ScheduleJson.ParseState("{\"best\":1,"));
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(1.0)]
    [InlineData(0.0)]
    public void Ctor_FactorOutsideOpenUnitInterval_Throws(double factor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlateauSchedule(0.1, factor: factor)).ParamName.Should().Be("factor");

    [Fact]
    public void Ctor_KerasRelThreshold_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new PlateauSchedule(0.1, thresholdMode: PlateauThresholdMode.Relative, compat: PlateauCompat.Keras));
        ex.ParamName.Should().Be("thresholdMode");
        ex.Message.Should().Contain("Keras");
    }

    [Fact]
    public void Ctor_ThresholdModeDefaultsPerCompat()
    {
        new PlateauSchedule(0.1).ThresholdMode.Should().Be(PlateauThresholdMode.Relative);
        new PlateauSchedule(0.1, compat: PlateauCompat.Keras).ThresholdMode.Should().Be(PlateauThresholdMode.Absolute);
    }
}
