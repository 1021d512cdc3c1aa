using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

public sealed class CosineScheduleTests : ScheduleContractTests
{
    protected override ILearningRateSchedule Create() => new CosineSchedule(0.05, 300, 0.01);

    [Fact]
    public void GetLearningRate_Endpoints()
    {
        ILearningRateSchedule schedule = Create();
        schedule.GetLearningRate(0).Should().Be(0.05);
        LrAssert.At(schedule, 150, 0.03); // 0.01 + (0.05 - 0.01) * (1 + cos(pi / 2)) / 2
        schedule.GetLearningRate(300).Should().Be(0.01);
        schedule.GetLearningRate(301).Should().Be(0.01);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.01);
    }

    [Fact]
    public void GetLearningRate_NonIncreasing()
    {
        ILearningRateSchedule schedule = Create();
        for (long t = 1; t <= 310; t++)
        {
            schedule.GetLearningRate(t).Should().BeLessThanOrEqualTo(schedule.GetLearningRate(t - 1));
        }
    }

    [Fact]
    public void GetLearningRate_MinAboveInitial_RisesLikePyTorch()
    {
        var schedule = new CosineSchedule(0.01, 10, 0.03);
        LrAssert.At(schedule, 5, 0.02); // 0.03 + (0.01 - 0.03) * (1 + cos(pi / 2)) / 2
        schedule.GetLearningRate(10).Should().Be(0.03);
    }

    [Theory]
    [InlineData(9_007_199_254_740_990L)]
    [InlineData(1L << 59)]
    [InlineData((1L << 60) - 1_031)]
    public void Cosine_FillOfADecayLongerThan2To53_IsBitIdenticalToCalls(long first)
    {
        // Past 2^53 steps are not exact as doubles, so the vector path must not take them: the scalar path's D - t is exact.
        var schedule = Schedules.Cosine(1.0, decaySteps: 1L << 60);
        FillAssert.Matches(schedule, first, 1_031, exact: true);
    }

    [Fact]
    public void KDecay_Two_TakesTheSquareOfTheFraction()
    {
        var schedule = new CosineSchedule(0.01, 40, 0.0001, kDecay: 2.0);
        schedule.GetLearningRate(0).Should().Be(0.01);
        LrAssert.At(schedule, 20, 0.0001 + (0.0099 * (1 + (Math.Sqrt(2.0) / 2)) / 2)); // f = 1/2, f^2 = 1/4: (1 + cos(pi/4))/2
        LrAssert.At(schedule, 30, 0.0001 + (0.0099 * (1 + Math.Cos(Math.PI * 9 / 16)) / 2)); // f = 3/4, f^2 = 9/16
        schedule.GetLearningRate(40).Should().Be(0.0001);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.0001);
    }

    [Fact]
    public void KDecay_Half_FallsSooner()
    {
        var schedule = new CosineSchedule(0.05, 100, kDecay: 0.5);
        LrAssert.At(schedule, 1, 0.05 * (1 + Math.Cos(Math.PI * 0.1)) / 2); // f = 1/100, f^0.5 = 1/10
        LrAssert.At(schedule, 25, 0.025); // f = 1/4, f^0.5 = 1/2: 0.05 * (1 + cos(pi/2))/2
        // The plain cosine is still at 0.05 * (1 + cos(pi/4))/2 = 0.0427 there.
        schedule.GetLearningRate(25).Should().BeLessThan(new CosineSchedule(0.05, 100).GetLearningRate(25));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(3.3)]
    public void KDecay_EveryStep_MatchesTimm(double k)
    {
        // timm CosineLRScheduler (cycle_limit 1): lr_min + 0.5 * (lr - lr_min) * (1 + cos(pi * t^k / T^k)).
        var schedule = new CosineSchedule(0.1, 1_000, 0.001, k);
        for (long t = 0; t <= 1_001; t++)
        {
            double expected = t >= 1_000 ? 0.001 : 0.001 + (0.5 * (0.1 - 0.001) * (1 + Math.Cos(Math.PI * Math.Pow(t, k) / Math.Pow(1_000, k))));
            LrAssert.At(schedule, t, expected);
        }
    }

    [Fact]
    public void KDecay_One_IsTheVersion1Cosine()
    {
        var plain = new CosineSchedule(0.1, 1_001, 0.001);
        var explicitOne = new CosineSchedule(0.1, 1_001, 0.001, kDecay: 1.0);
        for (long t = 0; t <= 1_010; t++)
        {
            explicitOne.GetLearningRate(t).Should().Be(plain.GetLearningRate(t));
        }

        ScheduleJson.Serialize(explicitOne).Should().Be("{\"type\":\"cosine\",\"initialLr\":0.1,\"decaySteps\":1001,\"minLr\":0.001,\"kDecay\":1,\"precision\":\"float64\"}");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(997L)]
    public void KDecay_Fill_IsBitIdenticalToCalls(long first)
    {
        FillAssert.Matches(new CosineSchedule(0.1, 1_001, 0.001, kDecay: 2.0), first, 1_031, exact: true);
        FillAssert.Matches(new CosineSchedule(0.1, (1L << 53) + 11, kDecay: 0.5), (1L << 53) - 500 + first, 1_031, exact: true);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Ctor_BadKDecay_Throws(double kDecay) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineSchedule(0.1, 100, kDecay: kDecay)).ParamName.Should().Be("kDecay");

    [Fact]
    public void KDecay_RoundTripsThroughJson()
    {
        ILearningRateSchedule schedule = ScheduleJson.Parse("{\"type\":\"cosine\",\"initialLr\":0.01,\"decaySteps\":40,\"kDecay\":2}");
        schedule.Should().BeOfType<CosineSchedule>().Which.KDecay.Should().Be(2.0);
        schedule.ToString().Should().Be("{\"type\":\"cosine\",\"initialLr\":0.01,\"decaySteps\":40,\"minLr\":0,\"kDecay\":2,\"precision\":\"float64\"}");
        var act = () => ScheduleJson.Parse("{\"type\":\"cosine\",\"initialLr\":0.01,\"decaySteps\":40,\"kDecay\":-2}");
        act.Should().Throw<ScheduleConfigException>().Which.Message.Should().Contain("$.kDecay").And.Contain("-2");
    }

    [Fact]
    public void Ctor_Float32_RefusesAKDecay()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new CosineSchedule(0.1, 100, kDecay: 2.0, precision: Precision.Float32));
        error.ParamName.Should().Be("kDecay");
        error.Message.Should().StartWith("kDecay ('2') must be '1' with precision float32 (Keras has no k-decay).");
    }
}
