using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed partial class CosineRestartsScheduleTests : ScheduleContractTests
{
    private const long TwoTo53 = 1L << 53;

    protected override ILearningRateSchedule Create() => new CosineRestartsSchedule(0.2, 30, 2.0, 0.9);

    [Theory]
    [InlineData(0L, 0)] // periods 30, 60, 120, 240: restarts at 30, 30 + 60, 90 + 120, 210 + 240
    [InlineData(30L, 1)]
    [InlineData(90L, 2)]
    [InlineData(210L, 3)]
    [InlineData(450L, 4)]
    public void GetLearningRate_AtEachRestart_PeakDecaysByMMul(long step, int period) =>
        LrAssert.At(Create(), step, 0.2 * Math.Pow(0.9, period));

    [Fact]
    public void GetLearningRate_JustBeforeRestart_NearMin()
    {
        ILearningRateSchedule schedule = Create();
        LrAssert.At(schedule, 29, 0.2 * (1 + Math.Cos(Math.PI * 29 / 30)) / 2);
        LrAssert.At(schedule, 89, 0.2 * 0.9 * (1 + Math.Cos(Math.PI * 59 / 60)) / 2);
    }

    [Fact]
    public void GetLearningRate_TMul3AtExactRestart_IsExact()
    {
        // Keras estimates the period as floor(log(243)/log(3)) = 4 at t = 363; the exact index is 5.
        var schedule = new CosineRestartsSchedule(1.0, 3, 3.0);
        schedule.GetLearningRate(363).Should().Be(1.0);
        LrAssert.At(schedule, 362, (1 + Math.Cos(Math.PI * 242 / 243)) / 2);
    }

    [Fact]
    public void GetLearningRate_TMulOne_FixedPeriods()
    {
        // Periods of 12: step 24 starts period 2 (peak 0.7^2 = 0.49 of the range 0.08 - 0.008 = 0.072), step 30 is half-way
        // through it, where (1 + cos(pi / 2)) / 2 = 0.5.
        var schedule = new CosineRestartsSchedule(0.08, 12, 1.0, 0.7, 0.008);
        LrAssert.At(schedule, 24, 0.008 + (0.072 * 0.49));
        LrAssert.At(schedule, 30, 0.008 + (0.072 * 0.49 * 0.5));
    }

    [Fact]
    public void GetLearningRate_FractionalTMul_RestartsAtGeometricSums()
    {
        var schedule = new CosineRestartsSchedule(1.0, 4, 1.5);
        // Periods 4, 6, 9, 13.5: restarts at 4, 10, 19, 32.5.
        schedule.GetLearningRate(4).Should().Be(1.0);
        schedule.GetLearningRate(10).Should().Be(1.0);
        schedule.GetLearningRate(19).Should().Be(1.0);
        LrAssert.At(schedule, 32, (1 + Math.Cos(Math.PI * 13 / 13.5)) / 2); // 32 - 19 = 13 steps into the period of 13.5
        LrAssert.At(schedule, 33, (1 + Math.Cos(Math.PI * 0.5 / 20.25)) / 2); // 33 - 32.5 = 0.5 steps into the period of 13.5 * 1.5
    }

    [Fact]
    public void GetLearningRate_HugeSteps_Finite()
    {
        foreach (double tMul in new[] { 1.0, 1.0001, 1.5, 2.0, 3.0, 1e9 })
        {
            var schedule = new CosineRestartsSchedule(0.1, 7, tMul, 0.5);
            foreach (long t in FarSteps)
            {
                double lr = schedule.GetLearningRate(t);
                Assert.True(double.IsFinite(lr) && lr >= 0 && lr <= 0.1, $"tMul {tMul} step {t}: {lr}");
            }
        }
    }

    [Theory]
    [InlineData(0.5, "tMul")]
    [InlineData(double.PositiveInfinity, "tMul")]
    public void Ctor_BadTMul_Throws(double tMul, string param) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineRestartsSchedule(0.1, 5, tMul)).ParamName.Should().Be(param);

    [Fact]
    public void Ctor_NegativeMMul_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineRestartsSchedule(0.01, 5, mMul: -0.5)).ParamName.Should().Be("mMul");

    [Fact]
    public void Ctor_Float32_RefusesACycleLimitAndThePeakMode()
    {
        ArgumentOutOfRangeException limit = Assert.Throws<ArgumentOutOfRangeException>(
            () => new CosineRestartsSchedule(0.01, 5, cycleLimit: 3, precision: Precision.Float32));
        limit.ParamName.Should().Be("cycleLimit");
        limit.Message.Should().StartWith("cycleLimit ('3') must be '0' with precision float32 (Keras has no cycle limit).");
        ArgumentOutOfRangeException mode = Assert.Throws<ArgumentOutOfRangeException>(
            () => new CosineRestartsSchedule(0.01, 5, mMulMode: MMulMode.Peak, precision: Precision.Float32));
        mode.ParamName.Should().Be("mMulMode");
        mode.Message.Should().Contain("must be 'Range' with precision float32 (Keras scales the range).");
    }
}
