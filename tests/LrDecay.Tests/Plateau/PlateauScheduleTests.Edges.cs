namespace LrDecay.Tests.Plateau;

/// <summary>
/// The plateau rules at their edges, as the upstream code compares: a reduction by exactly <c>eps</c> (PyTorch), a rate exactly at
/// <c>minLr</c> (Keras), an absolute threshold in min mode (PyTorch), a change of exactly <c>min_delta</c> (Keras, max mode); and an
/// enum value out of range.
/// </summary>
public sealed partial class PlateauScheduleTests
{
    [Fact]
    public void PyTorch_AReductionOfExactlyEps_IsNotApplied()
    {
        // old 1.0, new 0.5: the change is 0.5, not more than eps = 0.5 (torch: `if old_lr - new_lr > self.eps`).
        var plateau = Schedules.Plateau(1.0, factor: 0.5, patience: 0, eps: 0.5);
        PlateauState state = plateau.Observe(plateau.Observe(plateau.InitialState, 1.0), 1.0);
        state.Reductions.Should().Be(0);
        plateau.GetLearningRate(state, 0).Should().Be(1.0);

        var below = Schedules.Plateau(1.0, factor: 0.5, patience: 0, eps: 0.4999);
        below.Observe(below.Observe(below.InitialState, 1.0), 1.0).Reductions.Should().Be(1);
    }

    [Fact]
    public void Keras_ARateExactlyAtMinLr_IsNotReduced()
    {
        // Keras reduces only while old_lr > float32(min_lr); 0.5 is exact in float32, so a rate of 0.5 stays unreduced.
        var plateau = Schedules.Plateau(0.5, factor: 0.5, patience: 1, minLr: 0.5, compat: PlateauCompat.Keras);
        PlateauState state = plateau.Observe(plateau.Observe(plateau.InitialState, 1.0), 1.0);
        state.Reductions.Should().Be(0);
        state.BadEpochs.Should().Be(1);
    }

    [Fact]
    public void PyTorch_AbsThresholdInMinMode_NeedsADropOfMoreThanTheThreshold()
    {
        var plateau = Schedules.Plateau(0.1, mode: PlateauMode.Minimize, patience: 5, threshold: 0.1, thresholdMode: PlateauThresholdMode.Absolute);
        PlateauState first = plateau.Observe(plateau.InitialState, 1.0);
        plateau.Observe(first, 0.95).BadEpochs.Should().Be(1, "0.95 is not below 1.0 - 0.1");
        plateau.Observe(first, 0.95).Best.Should().Be(1.0);
        plateau.Observe(first, 0.85).BadEpochs.Should().Be(0, "0.85 is below 1.0 - 0.1");
    }

    [Fact]
    public void Keras_MaxMode_AChangeOfExactlyMinDelta_IsNotAnImprovement()
    {
        // keras: np.greater(current - min_delta, best); 1.5 - 0.5 == 1.0 is not greater.
        var plateau = Schedules.Plateau(0.1, mode: PlateauMode.Maximize, patience: 5, threshold: 0.5, compat: PlateauCompat.Keras);
        PlateauState first = plateau.Observe(plateau.InitialState, 1.0);
        PlateauState equal = plateau.Observe(first, 1.5);
        equal.BadEpochs.Should().Be(1);
        equal.Best.Should().Be(1.0);
        plateau.Observe(first, 1.5000001).BadEpochs.Should().Be(0);
    }

    [Fact]
    public void AnUndefinedMode_IsRejectedWithItsValue()
    {
        Action act = () => Schedules.Plateau(0.1, mode: (PlateauMode)7);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("mode")
            .Which.Message.Should().StartWith("mode ('7') must be 'Minimize' or 'Maximize'.");
    }
}
