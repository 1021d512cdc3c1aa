using LrDecay.Tests.Support;

namespace LrDecay.Tests.ClosedForm;

/// <summary>
/// The properties that make the schedule timm's <c>CosineLRScheduler</c>: <c>kDecay</c> (<c>k_decay</c>), <c>cycleLimit</c>
/// (<c>cycle_limit</c>) and <c>mMulMode</c> "peak" (<c>cycle_decay</c>).
/// </summary>
public sealed partial class CosineRestartsScheduleTests
{
    [Fact]
    public void Peak_ScalesThePeakNotTheRange()
    {
        var peak = new CosineRestartsSchedule(0.1, 10, 1.0, 0.5, 0.005, mMulMode: MMulMode.Peak);
        var range = new CosineRestartsSchedule(0.1, 10, 1.0, 0.5, 0.005);
        LrAssert.At(peak, 10, 0.05); // period 1: 0.005 + (0.1 * 0.5 - 0.005) * 1
        LrAssert.At(peak, 15, 0.0275); // 0.005 + (0.05 - 0.005) * (1 + cos(pi/2))/2
        LrAssert.At(peak, 20, 0.025); // period 2: 0.1 * 0.5^2
        LrAssert.At(range, 10, 0.0525); // Keras: 0.005 + (0.1 - 0.005) * 0.5
        LrAssert.At(range, 20, 0.02875); // 0.005 + 0.095 * 0.25
    }

    [Fact]
    public void Peak_BelowMinLr_RisesToMinLrAsTimmDoes()
    {
        // Period 2's peak 0.1 * 0.5^2 = 0.025 is below minLr 0.03: lr = 0.03 + (0.025 - 0.03) * h climbs from 0.025 to 0.03.
        var schedule = new CosineRestartsSchedule(0.1, 10, 1.0, 0.5, 0.03, mMulMode: MMulMode.Peak);
        LrAssert.At(schedule, 20, 0.025);
        LrAssert.At(schedule, 25, 0.0275); // 0.03 - 0.005 * (1 + cos(pi/2))/2
        LrAssert.At(schedule, 29, 0.03 - (0.005 * (1 + Math.Cos(Math.PI * 0.9)) / 2));
    }

    [Fact]
    public void Peak_WithMMulOne_IsBitIdenticalToRange()
    {
        foreach (double tMul in new[] { 1.0, 1.5, 2.0 })
        {
            var peak = new CosineRestartsSchedule(0.1, 7, tMul, 1.0, 0.003, mMulMode: MMulMode.Peak);
            var range = new CosineRestartsSchedule(0.1, 7, tMul, 1.0, 0.003);
            for (long t = 0; t < 3_000; t++)
            {
                peak.GetLearningRate(t).Should().Be(range.GetLearningRate(t), $"tMul {tMul} step {t}");
            }
        }
    }

    [Fact]
    public void CycleLimit_HoldsMinLrFromThatPeriodOn()
    {
        // Periods of 10: period 2 ends at step 29, period 3 (the limit) starts at 30.
        var schedule = new CosineRestartsSchedule(0.1, 10, 1.0, 0.5, 0.005, cycleLimit: 3, mMulMode: MMulMode.Peak);
        LrAssert.At(schedule, 29, 0.005 + (0.02 * (1 + Math.Cos(Math.PI * 0.9)) / 2)); // 0.1 * 0.5^2 - 0.005 = 0.02, f = 9/10
        schedule.GetLearningRate(30).Should().Be(0.005);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.005);
    }

    [Fact]
    public void CycleLimit_WholeTMul()
    {
        // Periods 10, 20, 40, 80, 160 start at 0, 10, 30, 70, 150; the sixth (index 5) at 310.
        var schedule = new CosineRestartsSchedule(0.2, 10, 2.0, 0.9, 0.01, kDecay: 1.5, cycleLimit: 5, mMulMode: MMulMode.Peak);
        LrAssert.At(schedule, 50, 0.01 + ((0.2 * 0.81 - 0.01) * (1 + Math.Cos(Math.PI * Math.Pow(0.5, 1.5))) / 2)); // period 2, f = 20/40
        LrAssert.At(schedule, 309, 0.01 + ((0.2 * Math.Pow(0.9, 4) - 0.01) * (1 + Math.Cos(Math.PI * Math.Pow(159.0 / 160, 1.5))) / 2));
        schedule.GetLearningRate(310).Should().Be(0.01);
        schedule.GetLearningRate(1L << 62).Should().Be(0.01);
    }

    [Fact]
    public void CycleLimit_FractionalTMul()
    {
        // Periods 4 and 6 start at 0 and 4; the third (the limit) at 10.
        var schedule = new CosineRestartsSchedule(0.1, 4, 1.5, cycleLimit: 2);
        LrAssert.At(schedule, 9, 0.1 * (1 + Math.Cos(Math.PI * 5 / 6)) / 2);
        schedule.GetLearningRate(10).Should().Be(0.0);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.0);
    }

    [Fact]
    public void KDecay_WithinEachPeriod()
    {
        // Periods of 10, kDecay 0.5: step 15 is f = 1/2 into period 1, phase sqrt(1/2).
        var schedule = new CosineRestartsSchedule(0.1, 10, 1.0, 1.0, kDecay: 0.5);
        LrAssert.At(schedule, 15, 0.1 * (1 + Math.Cos(Math.PI * Math.Sqrt(0.5))) / 2);
        schedule.GetLearningRate(20).Should().Be(0.1);
        // tMul 1.5, first 4: step 32 is 13 steps into the period of 13.5 starting at 19.
        var fractional = new CosineRestartsSchedule(1.0, 4, 1.5, kDecay: 2.0);
        LrAssert.At(fractional, 32, (1 + Math.Cos(Math.PI * Math.Pow(13 / 13.5, 2))) / 2, 1e-9);
    }

    [Fact]
    public void TimmsLogarithmicIndex_FallsShortAtARestart_OursIsExact()
    {
        // tMul 3, first 3: period 5 starts at 3 * (3^5 - 1)/2 = 363. timm takes i = floor(log(1 + 363/3 * 2) / log(3)) =
        // floor(4.999999999999999) = 4 and t_curr = t_i = 243 there, so it gives lr_min (0); the exact index gives period 5's peak.
        var schedule = new CosineRestartsSchedule(1.0, 3, 3.0, 0.5, mMulMode: MMulMode.Peak);
        schedule.GetLearningRate(363).Should().Be(0.03125); // 1.0 * 0.5^5
        new CosineRestartsSchedule(1.0, 3, 3.0, 0.5, cycleLimit: 5, mMulMode: MMulMode.Peak).GetLearningRate(363).Should().Be(0.0);
        new CosineRestartsSchedule(1.0, 3, 3.0, 0.5, cycleLimit: 6, mMulMode: MMulMode.Peak).GetLearningRate(363).Should().Be(0.03125);
    }

    [Theory]
    [InlineData(5L, 1.0, 0.8, 1.0, 4L)]
    [InlineData(5L, 1.0, 0.7, 0.6, 0L)]
    [InlineData(3L, 2.0, 0.9, 1.5, 9L)]
    [InlineData(3L, 3.0, 0.8, 0.5, 0L)]
    [InlineData(5L, 1.5, 0.8, 2.0, 12L)]
    [InlineData(2L, 1.0001, 0.99, 0.8, 0L)]
    public void Timm_EveryConfig_MatchesTheReference(long first, double tMul, double mMul, double k, long limit)
    {
        var schedule = new CosineRestartsSchedule(0.1, first, tMul, mMul, 0.001, k, limit, MMulMode.Peak);
        var steps = new List<long>();
        for (long t = 0; t < 5_000; t++)
        {
            steps.Add(t);
        }

        steps.AddRange([17_000_000, 1L << 40, 1L << 53, long.MaxValue]);
        foreach (long t in steps)
        {
            double expected = TimmReference(0.1, first, tMul, mMul, 0.001, k, limit, t);
            schedule.GetLearningRate(t).Should().BeApproximately(expected, (1e-9 * expected) + 1e-15, $"step {t}");
        }
    }

    [Theory]
    [InlineData(5L, 1.0, 0.8, 1.5, 4L)]
    [InlineData(3L, 2.0, 0.9, 0.5, 9L)]
    [InlineData(5L, 1.5, 0.8, 2.0, 0L)]
    [InlineData(5L, 1.5, 0.8, 1.0, 12L)]
    [InlineData(5L, 1.5, 0.8, 0.7, 12L)]
    [InlineData(3_000L, 1.5, 0.8, 0.7, 50L)]
    [InlineData(5L, 1.5, 1e-200, 0.7, 0L)]
    [InlineData(7L, 1.3, 0.9, 1.7, 0L)]
    [InlineData(5L, 1.5, 1.0, 0.7, 0L)]
    [InlineData(5L, 1.5, 1.0, 1.0, 20L)]
    public void Timm_Fill_IsBitIdenticalToCalls(long first, double tMul, double mMul, double k, long limit)
    {
        var schedule = new CosineRestartsSchedule(0.1, first, tMul, mMul, 0.001, k, limit, MMulMode.Peak);
        foreach (long start in new[] { 0L, 1_000L, (1L << 53) - 500, long.MaxValue - 2_000 })
        {
            FillAssert.Matches(schedule, start, 1_031, exact: true);
        }
    }

    [Fact]
    public void NewProperties_AtTheirDefaults_AreTheVersion1Schedule()
    {
        var plain = new CosineRestartsSchedule(0.1, 5, 1.5, 0.8, 0.001);
        var explicitDefaults = new CosineRestartsSchedule(0.1, 5, 1.5, 0.8, 0.001, kDecay: 1.0, cycleLimit: 0, mMulMode: MMulMode.Range);
        foreach (long t in new[] { 0L, 1L, 4L, 5L, 9L, 10L, 12_345L, 1L << 53, long.MaxValue })
        {
            explicitDefaults.GetLearningRate(t).Should().Be(plain.GetLearningRate(t));
        }

        explicitDefaults.ToString().Should().Be("{\"type\":\"cosineRestarts\",\"initialLr\":0.1,\"firstDecaySteps\":5,\"tMul\":1.5,\"mMul\":0.8,\"minLr\":0.001,\"kDecay\":1,\"cycleLimit\":0,\"mMulMode\":\"range\",\"precision\":\"float64\"}");
    }

    [Fact]
    public void Ctor_BadKDecay_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineRestartsSchedule(0.1, 5, kDecay: 0.0)).ParamName.Should().Be("kDecay");

    [Fact]
    public void Ctor_NegativeCycleLimit_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineRestartsSchedule(0.1, 5, cycleLimit: -1)).ParamName.Should().Be("cycleLimit");

    [Fact]
    public void Ctor_UndefinedMMulMode_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineRestartsSchedule(0.1, 5, mMulMode: (MMulMode)7)).ParamName.Should().Be("mMulMode");

    [Fact]
    public void Timm_RoundTripsThroughJson()
    {
        const string Json = "{\"type\":\"cosineRestarts\",\"initialLr\":0.2,\"firstDecaySteps\":10,\"tMul\":2,\"mMul\":0.9,\"minLr\":0.01,"
            + "\"kDecay\":1.5,\"cycleLimit\":5,\"mMulMode\":\"peak\",\"precision\":\"float64\"}";
        var schedule = (CosineRestartsSchedule)ScheduleJson.Parse(Json);
        schedule.KDecay.Should().Be(1.5);
        schedule.CycleLimit.Should().Be(5);
        schedule.MMulMode.Should().Be(MMulMode.Peak);
        schedule.ToString().Should().Be(Json);
        var act = () => ScheduleJson.Parse("{\"type\":\"cosineRestarts\",\"initialLr\":0.1,\"firstDecaySteps\":10,\"mMulMode\":\"x\"}");
        act.Should().Throw<ScheduleConfigException>().Which.Message.Should().Contain("$.mMulMode");
    }

    /// <summary>timm's <c>_get_lr</c> (no warm-up), with the exact period index in place of its logarithm.</summary>
    private static double TimmReference(double lr, long first, double tMul, double mMul, double minLr, double k, long limit, long step)
    {
        long i;
        double tCurr;
        double tI;
        if (tMul == 1.0)
        {
            i = step / first;
            tCurr = step - (i * first);
            tI = first;
        }
        else
        {
            i = 0;
            double start = 0.0;
            while (true)
            {
                double next = first * ((Math.Pow(tMul, i + 1) - 1.0) / (tMul - 1.0));
                if (next > step)
                {
                    break;
                }

                i++;
                start = next;
            }

            tCurr = step - start;
            tI = first * Math.Pow(tMul, i);
        }

        if (limit > 0 && i >= limit)
        {
            return minLr;
        }

        return minLr + (0.5 * ((lr * Math.Pow(mMul, i)) - minLr) * (1 + Math.Cos(Math.PI * Math.Pow(tCurr, k) / Math.Pow(tI, k))));
    }
}
