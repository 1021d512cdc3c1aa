using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class OneCycleMomentumScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new OneCycleMomentumSchedule(60, 0.2);

    [Fact]
    public void Defaults_ArePyTorchs()
    {
        var schedule = new OneCycleMomentumSchedule(100);
        schedule.PctStart.Should().Be(0.3);
        schedule.AnnealStrategy.Should().Be(AnnealStrategy.Cosine);
        schedule.ThreePhase.Should().BeFalse();
        schedule.BaseMomentum.Should().Be(0.85);
        schedule.MaxMomentum.Should().Be(0.95);
    }

    [Fact]
    public void GetLearningRate_Landmarks()
    {
        // maxMomentum at step 0, baseMomentum at the lr's peak pctStart * totalSteps - 1 = 0.2 * 60 - 1 = 11, maxMomentum at 59.
        var schedule = Create();
        LrAssert.At(schedule, 0, 0.95);
        LrAssert.At(schedule, 11, 0.85);
        LrAssert.At(schedule, 59, 0.95);
    }

    [Fact]
    public void GetLearningRate_Linear_FallsThenRises()
    {
        // Phases end at 0.5 * 50 - 1 = 24 and 49.
        var schedule = new OneCycleMomentumSchedule(50, 0.5, AnnealStrategy.Linear, baseMomentum: 0.8, maxMomentum: 0.9);
        LrAssert.At(schedule, 12, 0.85); // 0.9 + (0.8 - 0.9) * 12/24
        LrAssert.At(schedule, 24, 0.8);
        LrAssert.At(schedule, 30, 0.824); // 0.8 + (0.9 - 0.8) * (30 - 24)/(49 - 24)
        LrAssert.At(schedule, 49, 0.9);
    }

    [Fact]
    public void GetLearningRate_Cosine_MidPhase()
    {
        // Phases end at 0.5 * 42 - 1 = 20 and 41; step 10 is half of the first: 0.8 + (0.9 - 0.8) * (1 + cos(pi/2))/2.
        var schedule = new OneCycleMomentumSchedule(42, 0.5, baseMomentum: 0.8, maxMomentum: 0.9);
        LrAssert.At(schedule, 10, 0.85);
        LrAssert.At(schedule, 20, 0.8);
    }

    [Fact]
    public void GetLearningRate_ThreePhase_HoldsMaxMomentumInTheThirdPhase()
    {
        // Phases end at 0.3 * 40 - 1 = 11, 2 * 0.3 * 40 - 2 = 22 and 39: down to 0.85, back up to 0.95 at 22, then 0.95 held.
        var schedule = new OneCycleMomentumSchedule(40, threePhase: true);
        LrAssert.At(schedule, 11, 0.85);
        for (long t = 22; t < 45; t++)
        {
            schedule.GetLearningRate(t).Should().Be(0.95, "step {0} is in the third phase or past it", t);
        }
    }

    [Theory]
    [InlineData(60L)]
    [InlineData(61L)]
    [InlineData(long.MaxValue)]
    public void GetLearningRate_PastTotalSteps_HoldsTheValueAtTotalStepsMinusOne(long step)
    {
        // PyTorch computes step totalSteps by extending the last phase (0.9498929461619301 here, from torch 1.13's OneCycleLR) and
        // raises after it; the spec holds the value at totalSteps - 1, as the one-cycle learning rate does.
        var schedule = Create();
        schedule.GetLearningRate(step).Should().Be(schedule.GetLearningRate(59));
        schedule.GetLearningRate(step).Should().Be(0.95);
    }

    [Theory]
    [InlineData(false, AnnealStrategy.Cosine)]
    [InlineData(false, AnnealStrategy.Linear)]
    [InlineData(true, AnnealStrategy.Cosine)]
    [InlineData(true, AnnealStrategy.Linear)]
    public void GetLearningRate_MovesPhaseForPhaseWithOneCycle(bool threePhase, AnnealStrategy anneal)
    {
        // In each phase both go the same fraction h of their way: the lr from initialLr up to maxLr while the momentum goes from
        // maxMomentum down to baseMomentum, and so on; the third phase's momentum holds maxMomentum.
        const long total = 97;
        const double pct = 0.27;
        var lr = Schedules.OneCycle(0.4, total, pct, anneal, threePhase: threePhase);
        var momentum = Schedules.OneCycleMomentum(total, pct, anneal, threePhase, baseMomentum: 0.7, maxMomentum: 0.98);
        double firstEnd = (pct * total) - 1;
        double secondEnd = threePhase ? (2 * pct * total) - 2 : total - 1;
        for (long t = 0; t < total; t++)
        {
            double m = momentum.GetLearningRate(t);
            double l = lr.GetLearningRate(t);
            if (t <= firstEnd)
            {
                LrAssert.Close((l - lr.InitialLr) / (0.4 - lr.InitialLr), (0.98 - m) / (0.98 - 0.7), 0, 1e-13, t);
            }
            else if (t <= secondEnd)
            {
                double lrEnd = threePhase ? lr.InitialLr : lr.FinalLr;
                LrAssert.Close((0.4 - l) / (0.4 - lrEnd), (m - 0.7) / (0.98 - 0.7), 0, 1e-13, t);
            }
            else
            {
                m.Should().Be(0.98, "step {0} is in the third phase", t);
            }
        }
    }

    [Fact]
    public void GetLearningRate_EqualMomenta_IsConstant()
    {
        var schedule = new OneCycleMomentumSchedule(30, annealStrategy: AnnealStrategy.Linear, baseMomentum: 0.9, maxMomentum: 0.9);
        for (long t = 0; t < 35; t++)
        {
            schedule.GetLearningRate(t).Should().Be(0.9);
        }
    }

    [Fact]
    public void Ctor_MaxBelowBase_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleMomentumSchedule(100, baseMomentum: 0.96, maxMomentum: 0.95));
        ex.ParamName.Should().Be("maxMomentum");
        ex.Message.Should().Contain("0.95").And.Contain("baseMomentum ('0.96')");
    }

    [Theory]
    [InlineData(-0.1, 0.9, "baseMomentum")]
    [InlineData(double.NaN, 0.9, "baseMomentum")]
    [InlineData(0.5, double.PositiveInfinity, "maxMomentum")]
    [InlineData(0.5, double.NaN, "maxMomentum")]
    public void Ctor_BadMomentum_Throws(double baseMomentum, double maxMomentum, string param) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleMomentumSchedule(100, baseMomentum: baseMomentum, maxMomentum: maxMomentum))
            .ParamName.Should().Be(param);

    [Fact]
    public void Ctor_FirstPhaseOfZeroLength_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleMomentumSchedule(10, 0.1));
        ex.ParamName.Should().Be("pctStart");
        ex.Message.Should().Contain("zero length");
    }

    [Fact]
    public void Ctor_BadShape_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleMomentumSchedule(0)).ParamName.Should().Be("totalSteps");
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleMomentumSchedule(100, 1.0)).ParamName.Should().Be("pctStart");
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneCycleMomentumSchedule(100, annealStrategy: (AnnealStrategy)7))
            .ParamName.Should().Be("annealStrategy");
    }
}
