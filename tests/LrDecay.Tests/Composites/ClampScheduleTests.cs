using LrDecay.Tests.Support;

namespace LrDecay.Tests.Composites;

public sealed class ClampScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new ClampSchedule(new ExponentialSchedule(0.02, 0.9, 10), 0.002, 0.015);

    [Theory]
    [InlineData(0L, 0.015)] // 0.02 held at the ceiling
    [InlineData(100L, 0.02 * 0.3486784401)] // 0.02 * 0.9^(100 / 10), within the bounds
    [InlineData(1_000L, 0.002)] // 0.02 * 0.9^100 = 5.3e-7, held at the floor
    public void GetLearningRate_HeldWithinBounds(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void Clamped_NoUpperBound_ByDefault()
    {
        ClampSchedule schedule = new ConstantSchedule(5.0).Clamped(minLr: 1.0);
        schedule.MaxLr.Should().Be(double.PositiveInfinity);
        schedule.GetLearningRate(0).Should().Be(5.0);
    }

    [Fact]
    public void Ctor_MaxBelowMin_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ClampSchedule(new ConstantSchedule(1), 0.5, 0.1));
        ex.ParamName.Should().Be("maxLr");
        ex.Message.Should().Contain("maxLr ('0.1') must be greater than or equal to minLr ('0.5')");
    }
}
