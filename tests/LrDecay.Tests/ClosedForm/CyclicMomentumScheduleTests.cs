using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class CyclicMomentumScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new CyclicMomentumSchedule(0.8, 0.9, 20, mode: CyclicMode.Triangular2);

    [Fact]
    public void Defaults_ArePyTorchs()
    {
        var schedule = new CyclicMomentumSchedule();
        schedule.BaseMomentum.Should().Be(0.8);
        schedule.MaxMomentum.Should().Be(0.9);
        schedule.StepSizeUp.Should().Be(2000);
        schedule.StepSizeDown.Should().Be(2000);
        schedule.Mode.Should().Be(CyclicMode.Triangular);
        schedule.Gamma.Should().Be(1.0);
        schedule.GetLearningRate(2000).Should().Be(0.8);
    }

    [Theory]
    [InlineData(0L, 0.9)]
    [InlineData(10L, 0.85)] // 0.9 - (0.9 - 0.8) * 10/20
    [InlineData(20L, 0.8)]
    [InlineData(30L, 0.85)] // 0.9 - 0.1 * (40 - 30)/20
    [InlineData(40L, 0.9)]
    [InlineData(80L, 0.9)]
    public void GetLearningRate_Triangular(long step, double expected) =>
        LrAssert.At(new CyclicMomentumSchedule(0.8, 0.9, 20), step, expected);

    [Theory]
    [InlineData(20L, 0.8)] // the dip of cycle 1: 0.9 - 0.1
    [InlineData(60L, 0.85)] // cycle 2: 0.9 - 0.1 * 0.5
    [InlineData(100L, 0.875)] // cycle 3: 0.9 - 0.1 * 0.25
    public void GetLearningRate_Triangular2_HalvesTheDipEachCycle(long step, double expected) => LrAssert.At(Create(), step, expected);

    [Fact]
    public void GetLearningRate_ExpRange_ScalesTheDipByGammaPowT()
    {
        var schedule = new CyclicMomentumSchedule(0.8, 0.9, 15, mode: CyclicMode.ExponentialRange, gamma: 0.99);
        LrAssert.At(schedule, 15, 0.9 - (0.1 * Math.Pow(0.99, 15)));
        LrAssert.At(schedule, 45, 0.9 - (0.1 * Math.Pow(0.99, 45)));
    }

    [Fact]
    public void GetLearningRate_Asymmetric()
    {
        // Up 2 steps, down 6: step 1 is 1/2 way down, step 5 is (8 - 5)/6 of the dip, step 8 starts the next cycle.
        var schedule = new CyclicMomentumSchedule(0.5, 1.0, 2, 6);
        LrAssert.At(schedule, 1, 0.75); // 1 - 0.5 * 1/2
        LrAssert.At(schedule, 2, 0.5);
        LrAssert.At(schedule, 5, 0.75); // 1 - 0.5 * 3/6
        LrAssert.At(schedule, 8, 1.0);
    }

    [Theory]
    [InlineData(CyclicMode.Triangular, 1.0)]
    [InlineData(CyclicMode.Triangular2, 1.0)]
    [InlineData(CyclicMode.ExponentialRange, 0.997)]
    public void GetLearningRate_MirrorsCyclicOfTheSameWave(CyclicMode mode, double gamma)
    {
        // lr = base + (max - base) * h * scale and m = max - (max - base) * h * scale, so lr + m = base + max at every step.
        var lr = Schedules.Cyclic(0.75, 0.95, 7, 4, mode, gamma);
        var momentum = Schedules.CyclicMomentum(0.75, 0.95, 7, 4, mode, gamma);
        for (long t = 0; t < 200; t++)
        {
            LrAssert.Close(0.75 + 0.95, lr.GetLearningRate(t) + momentum.GetLearningRate(t), 0, 1e-15, t);
        }
    }

    [Fact]
    public void GetLearningRate_EqualMomenta_IsConstant()
    {
        var schedule = new CyclicMomentumSchedule(0.9, 0.9, 3, mode: CyclicMode.Triangular2);
        for (long t = 0; t < 20; t++)
        {
            schedule.GetLearningRate(t).Should().Be(0.9);
        }
    }

    [Fact]
    public void Ctor_MaxBelowBase_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CyclicMomentumSchedule(0.95, 0.9, 10));
        ex.ParamName.Should().Be("maxMomentum");
        ex.Message.Should().Contain("0.9").And.Contain("baseMomentum ('0.95')");
    }

    [Theory]
    [InlineData(-0.1, 0.9, "baseMomentum")]
    [InlineData(0.5, double.PositiveInfinity, "maxMomentum")]
    [InlineData(double.NaN, 0.9, "baseMomentum")]
    public void Ctor_BadMomentum_Throws(double baseMomentum, double maxMomentum, string param) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CyclicMomentumSchedule(baseMomentum, maxMomentum))
            .ParamName.Should().Be(param);

    [Fact]
    public void Ctor_BadWave_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CyclicMomentumSchedule(stepSizeUp: 0)).ParamName.Should().Be("stepSizeUp");
        Assert.Throws<ArgumentOutOfRangeException>(() => new CyclicMomentumSchedule(stepSizeDown: 0)).ParamName.Should().Be("stepSizeDown");
        Assert.Throws<ArgumentOutOfRangeException>(() => new CyclicMomentumSchedule(mode: CyclicMode.ExponentialRange, gamma: 1.01))
            .ParamName.Should().Be("gamma");
        Assert.Throws<ArgumentOutOfRangeException>(() => new CyclicMomentumSchedule(mode: (CyclicMode)9)).ParamName.Should().Be("mode");
    }

    [Fact]
    public void GetLearningRate_HugeSteps_FollowTheTriangle()
    {
        const long up = (1L << 53) + 1;
        var schedule = new CyclicMomentumSchedule(0.0, 1.0, up);
        schedule.GetLearningRate(up).Should().Be(0.0);
        schedule.GetLearningRate(2 * up).Should().Be(1.0);
    }
}
