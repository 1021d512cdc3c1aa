using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class InverseSqrtScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new InverseSqrtSchedule(0.002, 100);

    [Theory]
    [InlineData(0L, 0.0)]
    [InlineData(50L, 0.001)]
    [InlineData(99L, 0.00198)]
    [InlineData(100L, 0.002)]
    [InlineData(400L, 0.002 / 2.0)]
    public void GetLearningRate_WarmupThenInverseSqrt(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void Timescale_DefaultsTo10000WithoutWarmup()
    {
        var schedule = new InverseSqrtSchedule(0.01);
        schedule.Timescale.Should().Be(10_000);
        LrAssert.At(schedule, 0, 0.01);
        LrAssert.At(schedule, 30_000, 0.01 / 2.0);
    }

    [Fact]
    public void Timescale_Explicit()
    {
        var schedule = new InverseSqrtSchedule(0.01, 10, 40);
        LrAssert.At(schedule, 10, 0.01);
        LrAssert.At(schedule, 130, 0.01 / 2.0);
    }

    [Fact]
    public void Ctor_ZeroTimescale_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new InverseSqrtSchedule(0.01, 10, 0)).ParamName.Should().Be("timescale");
}
