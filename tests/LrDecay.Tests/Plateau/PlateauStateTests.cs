namespace LrDecay.Tests.Plateau;

/// <summary>The value semantics of <see cref="PlateauState"/>: equality part by part, hashing, and its text.</summary>
public sealed class PlateauStateTests
{
    private static readonly PlateauState Sample = new(0.25, 3, 2, 1, 0.5, 9);

    public static TheoryData<string, PlateauState> OnePartDiffers() => new()
    {
        { "best", new PlateauState(0.5, 3, 2, 1, 0.5, 9) },
        { "badEpochs", new PlateauState(0.25, 4, 2, 1, 0.5, 9) },
        { "cooldownCounter", new PlateauState(0.25, 3, 1, 1, 0.5, 9) },
        { "reductions", new PlateauState(0.25, 3, 2, 2, 0.5, 9) },
        { "scale", new PlateauState(0.25, 3, 2, 1, 0.25, 9) },
        { "epochs", new PlateauState(0.25, 3, 2, 1, 0.5, 10) },
    };

    [Theory]
    [MemberData(nameof(OnePartDiffers))]
    public void States_DifferingInOnePart_AreNotEqual(string part, PlateauState other)
    {
        Sample.Equals(other).Should().BeFalse(part);
        Sample.Equals((object)other).Should().BeFalse(part);
        (Sample == other).Should().BeFalse(part);
        (Sample != other).Should().BeTrue(part);
        Sample.GetHashCode().Should().NotBe(other.GetHashCode(), part);
    }

    [Fact]
    public void States_WithEqualParts_AreEqual_WithEqualHashes()
    {
        var same = new PlateauState(0.25, 3, 2, 1, 0.5, 9);
        Sample.Equals(same).Should().BeTrue();
        Sample.Equals((object)same).Should().BeTrue();
        (Sample == same).Should().BeTrue();
        (Sample != same).Should().BeFalse();
        Sample.GetHashCode().Should().Be(same.GetHashCode());
    }

    [Fact]
    public void Equals_OtherTypesAndNull_AreNotEqual()
    {
        Sample.Equals(null).Should().BeFalse();
        Sample.Equals("best=0.25").Should().BeFalse();
        Sample.Equals((object)0.25).Should().BeFalse();
    }

    [Fact]
    public void Equals_InfiniteBest_EqualsItself()
    {
        PlateauState fresh = Schedules.Plateau(0.1).InitialState;
        fresh.Should().Be(Schedules.Plateau(0.2).InitialState);
        fresh.Best.Should().Be(double.PositiveInfinity);
        Schedules.Plateau(0.1, mode: PlateauMode.Maximize).InitialState.Best.Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void ToString_NamesEveryPart_RoundTripFormat() =>
        new PlateauState(0.1, 3, 2, 1, 0.30000000000000004, 9).ToString()
            .Should().Be("best=0.1 badEpochs=3 cooldown=2 reductions=1 scale=0.30000000000000004 epochs=9");

    [Fact]
    public void InCooldown_IsTrueOnlyWhileTheCounterRuns()
    {
        new PlateauState(0, 0, 1, 0, 1, 0).InCooldown.Should().BeTrue();
        new PlateauState(0, 0, 0, 0, 1, 0).InCooldown.Should().BeFalse();
    }

    [Fact]
    public void Ctor_TakesEveryPartAsGiven()
    {
        var state = new PlateauState(-0.5, 4, 3, 2, 0.25, 11);
        state.Best.Should().Be(-0.5);
        state.BadEpochs.Should().Be(4);
        state.CooldownCounter.Should().Be(3);
        state.Reductions.Should().Be(2);
        state.Scale.Should().Be(0.25);
        state.Epochs.Should().Be(11);
        new PlateauState(double.NegativeInfinity, 0, 0, 0, 0.0, 0).Scale.Should().Be(0.0);
    }
}
