using LrDecay.Internal;
using LrDecay.Tests.Config;

namespace LrDecay.Tests.ClosedForm;

/// <summary>
/// <see cref="Precision.Float32"/>: Keras 3's float32 arithmetic on the five closed forms that come from Keras. The expected numbers
/// were checked with numpy float32 following Keras's order of operations (casts with <c>astype(float32)</c>, <c>np.power</c>,
/// <c>np.cos</c>); the conformance set <c>v2-keras-float32.json</c> holds many more.
/// </summary>
public sealed class PrecisionTests
{
    [Fact]
    public void KerasMnistExample_Float32_IsKerasNumberExactly()
    {
        var schedule = new ExponentialSchedule(0.1, 0.96, 1000, staircase: true, precision: Precision.Float32);

        // float32(0.1) * float32(float32(0.96)^floor(float32(28125) / float32(1000))) = 0.1f * 0.96f^28, as Keras prints it.
        schedule.GetLearningRate(28_125).Should().Be(0.031885575503110886);
        // float32(0.1).
        schedule.GetLearningRate(0).Should().Be(0.10000000149011612);
        // In double: 0.1 * 0.96^28.
        new ExponentialSchedule(0.1, 0.96, 1000, staircase: true).GetLearningRate(28_125).Should().Be(0.031885594968609536);
    }

    [Fact]
    public void KerasMnistExample_FromJson_IsKerasNumberExactly() =>
        ScheduleJson.Parse("""{"type":"exponential","initialLr":0.1,"decayRate":0.96,"decaySteps":1000,"staircase":true,"precision":"float32"}""")
            .GetLearningRate(28_125).Should().Be(0.031885575503110886); // as above

    public static TheoryData<string, ILearningRateSchedule, ILearningRateSchedule> DefaultAndExplicitFloat64() => new()
    {
        { "exponential", new ExponentialSchedule(0.1, 0.96, 7), new ExponentialSchedule(0.1, 0.96, 7, precision: Precision.Float64) },
        { "exponential-staircase", new ExponentialSchedule(0.1, 0.96, 7, true), new ExponentialSchedule(0.1, 0.96, 7, true, precision: Precision.Float64) },
        { "inverseTime", new InverseTimeSchedule(0.1, 0.5, 7), new InverseTimeSchedule(0.1, 0.5, 7, precision: Precision.Float64) },
        { "polynomial", new PolynomialSchedule(0.1, 50, 0.001, 1.7, true), new PolynomialSchedule(0.1, 50, 0.001, 1.7, true, precision: Precision.Float64) },
        { "cosine", new CosineSchedule(0.1, 50, 0.001), new CosineSchedule(0.1, 50, 0.001, precision: Precision.Float64) },
        { "cosineRestarts", new CosineRestartsSchedule(0.1, 5, 1.5, 0.8, 0.001), new CosineRestartsSchedule(0.1, 5, 1.5, 0.8, 0.001, precision: Precision.Float64) },
    };

    [Theory]
    [MemberData(nameof(DefaultAndExplicitFloat64))]
    public void Float64_IsTheDefault_AndTheVersion1Numbers(string name, ILearningRateSchedule byDefault, ILearningRateSchedule explicitly)
    {
        PrecisionOf(byDefault).Should().Be(Precision.Float64, name);
        for (long t = 0; t < 300; t++)
        {
            explicitly.GetLearningRate(t).Should().Be(byDefault.GetLearningRate(t), $"{name} at {t}");
        }
    }

    [Fact]
    public void Float32_Results_AreFloat32Values()
    {
        ILearningRateSchedule[] schedules =
        [
            new ExponentialSchedule(0.1, 0.96, 7, precision: Precision.Float32),
            new InverseTimeSchedule(0.1, 0.5, 7, precision: Precision.Float32),
            new PolynomialSchedule(0.1, 50, 0.001, 1.7, true, Precision.Float32),
            new CosineSchedule(0.1, 50, 0.001, precision: Precision.Float32),
            new CosineRestartsSchedule(0.1, 5, 1.5, 0.8, 0.001, precision: Precision.Float32),
        ];
        foreach (ILearningRateSchedule schedule in schedules)
        {
            PrecisionOf(schedule).Should().Be(Precision.Float32);
            for (long t = 0; t < 300; t++)
            {
                double lr = schedule.GetLearningRate(t);
                lr.Should().Be((float)lr, $"{schedule} at {t}");
            }
        }
    }

    [Fact]
    public void Float32_RoundTripsThroughJson()
    {
        var schedule = new CosineRestartsSchedule(0.2, 30, 2.0, 0.9, 0.0, precision: Precision.Float32);

        string json = ScheduleJson.Serialize(schedule);

        json.Should().Be("""{"type":"cosineRestarts","initialLr":0.2,"firstDecaySteps":30,"tMul":2,"mMul":0.9,"minLr":0,"kDecay":1,"cycleLimit":0,"mMulMode":"range","precision":"float32"}""");
        ((CosineRestartsSchedule)ScheduleJson.Parse(json)).Precision.Should().Be(Precision.Float32);
    }

    [Fact]
    public void UnknownPrecision_IsAConfigErrorAtItsPath()
    {
        ScheduleConfigException ex = ScheduleJsonTests.Rejects(
            """{"type":"exponential","initialLr":0.1,"decayRate":0.96,"decaySteps":1000,"precision":"float16"}""");

        ex.Path.Should().Be("$.precision");
        ex.Problem.Should().Contain("float16");
    }

    [Fact]
    public void UndefinedPrecisionMember_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CosineSchedule(0.1, 10, 0.0, precision: (Precision)7));

        ex.ParamName.Should().Be("precision");
        ex.Message.Should().StartWith("precision ('7') must be 'Float64' or 'Float32'.");
    }

    [Fact]
    public void Float32_RateBeyondFloat32Range_Throws()
    {
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSchedule(1e39, 0.5, precision: Precision.Float32));
        rate.ParamName.Should().Be("initialLr");
        rate.Message.Should().StartWith("initialLr ('1E+39') must be at most float32's largest value ('3.4028234663852886E+38') with precision 'Float32'.");
        Assert.Throws<ArgumentOutOfRangeException>(() => new InverseTimeSchedule(0.1, 1e300, precision: Precision.Float32))
            .ParamName.Should().Be("decayRate");
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolynomialSchedule(0.1, 10, 0.0, 1e300, precision: Precision.Float32))
            .ParamName.Should().Be("power");
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineRestartsSchedule(0.1, 10, 1e300, precision: Precision.Float32))
            .ParamName.Should().Be("tMul");
        ScheduleJsonTests.Rejects("""{"type":"polynomial","initialLr":0.1,"decaySteps":10,"endLr":1e39,"precision":"float32"}""")
            .Path.Should().Be("$.endLr");
        // In double these are fine.
        new ExponentialSchedule(1e39, 0.5).GetLearningRate(1).Should().Be(5e38);
    }

    [Fact]
    public void Float32_MinLrWithoutAlpha_Throws()
    {
        // Keras gives the minimum as alpha = minLr / initialLr: with initialLr 0 only minLr 0 has one; beyond float32 none does.
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => new CosineSchedule(0.0, 10, 0.01, precision: Precision.Float32));
        zero.ParamName.Should().Be("minLr");
        zero.Message.Should().StartWith(
            "minLr ('0.01') must be '0' when initialLr is '0' with precision 'Float32', which takes the minimum as the fraction minLr / initialLr (Keras alpha).");
        var tooLarge = Assert.Throws<ArgumentOutOfRangeException>(() => new CosineRestartsSchedule(1e-30, 10, minLr: 1e10, precision: Precision.Float32));
        tooLarge.ParamName.Should().Be("minLr");
        tooLarge.Message.Should().StartWith(
            "minLr ('10000000000') must be such that minLr / initialLr (initialLr '1E-30') is at most float32's largest value with precision 'Float32'.");
        ScheduleJsonTests.Rejects("""{"type":"cosine","initialLr":0,"decaySteps":10,"minLr":0.01,"precision":"float32"}""")
            .Path.Should().Be("$.minLr");
    }

    [Fact]
    public void Float32_MinLrBeyondFloat32_Throws()
    {
        // minLr / initialLr = 1e39 / 1e30 = 1e9 is a fine alpha, but minLr itself has no float32 value: the rate would reach float32's
        // infinity at the end of the decay.
        var cosine = Assert.Throws<ArgumentOutOfRangeException>(() => new CosineSchedule(1e30, 10, 1e39, precision: Precision.Float32));
        cosine.ParamName.Should().Be("minLr");
        cosine.Message.Should().StartWith("minLr ('1E+39') must be at most float32's largest value");
        var restarts = Assert.Throws<ArgumentOutOfRangeException>(() => new CosineRestartsSchedule(1e30, 10, minLr: 1e39, precision: Precision.Float32));
        restarts.ParamName.Should().Be("minLr");
        restarts.Message.Should().StartWith("minLr ('1E+39') must be at most float32's largest value");
        new CosineSchedule(1e30, 10, 1e39).GetLearningRate(10).Should().Be(1e39); // in double it is fine
    }

    [Fact]
    public void Float32_ZeroRates_AreZero()
    {
        var cosine = new CosineSchedule(0.0, 10, 0.0, precision: Precision.Float32);
        var restarts = new CosineRestartsSchedule(0.0, 10, 2.0, 0.5, 0.0, precision: Precision.Float32);
        for (long t = 0; t < 50; t++)
        {
            cosine.GetLearningRate(t).Should().Be(0.0); // 0 * ((1 - 0) * c + 0)
            restarts.GetLearningRate(t).Should().Be(0.0); // 0 * ((1 - 0) * c + 0)
        }
    }

    [Fact]
    public void Float32_MinLrAboveInitialLr_RisesToMinLr()
    {
        var schedule = new CosineSchedule(0.01, 100, 0.05, precision: Precision.Float32);

        // alpha = 0.05 / 0.01 = 5; 0.01f * ((1 - 5) * 0 + 5) = float32(0.01f * 5), just below 0.05.
        schedule.GetLearningRate(100).Should().Be(0.04999999701976776);
        schedule.GetLearningRate(0).Should().Be(0.009999999776482582); // 0.01f * ((1 - 5) * 1 + 5) = 0.01f
    }

    [Fact]
    public void StepCast_BeyondTwoTo53_IsCorrectlyRounded()
    {
        // 2^60 + 2^36 + 1: float32 keeps 24 bits (ulp 2^37 there); the part dropped, 2^36 + 1, is above half an ulp, so it rounds up
        // to 2^60 + 2^37. Through a double it would round twice: to 2^60 + 2^36 (a tie for float32), then to the even 2^60.
        long step = (1L << 60) + (1L << 36) + 1;

        KerasFloat32.Cast(step).Should().Be((double)((1L << 60) + (1L << 37)));
        ((double)(float)(double)step).Should().Be((double)(1L << 60));
        // Ties go to even: 2^60 + 2^36 is halfway between 2^60 and 2^60 + 2^37.
        KerasFloat32.Cast((1L << 60) + (1L << 36)).Should().Be((double)(1L << 60));
        KerasFloat32.Cast((1L << 60) + (3L << 36)).Should().Be((double)((1L << 60) + (1L << 38)));
        KerasFloat32.Cast(long.MaxValue).Should().Be(9223372036854775808.0);
        KerasFloat32.Cast((1L << 53) - 1).Should().Be((double)(1L << 53));
    }

    [Fact]
    public void PolynomialCycle_FarStepWhereFloat32PassesTheCycleEnd_HoldsEndLr()
    {
        // decaySteps 3, step 2186187177151070461: float32(step) = 2186187144492482560, and 3 * ceil(float32(step) / 3) in float32 rounds
        // below it, to 2186187007053529088, so p = 1.0000001 and 1 - p = -2^-23; Keras's pow of that to 0.5 is NaN. Held at 0: endLr
        // in float32.
        var schedule = new PolynomialSchedule(0.1, 3, 0.001, 0.5, cycle: true, precision: Precision.Float32);

        schedule.GetLearningRate(2_186_187_177_151_070_461).Should().Be(0.0010000000474974513); // float32(0.001)
        new PolynomialSchedule(0.1, 3, 0.0, 1.0, cycle: true, precision: Precision.Float32)
            .GetLearningRate(2_186_187_177_151_070_461).Should().Be(0.0); // Keras: 0.1f * -2^-23, a negative rate
    }

    [Fact]
    public void CosineRestarts_Float32_KeepsTheExactPeriodIndex()
    {
        // tMul 2, first period 1 step: period 15 starts at 2^15 - 1 = 32767. Keras's float32 index floor(log(1 + 32767) / log(2))
        // gives 14 there (numpy float32: log(32768f) / log(2f) = 14.999999), ending period 14 at 0; the exact index restarts:
        // f = (32767 - (2^15 - 1)) / 2^15 = 0, so the rate is 0.1f * ((1 - 0) * 0.5 * 1 * (1 + cos(0)) + 0) = 0.1f.
        var schedule = new CosineRestartsSchedule(0.1, 1, 2.0, 1.0, 0.0, precision: Precision.Float32);

        schedule.GetLearningRate(32_767).Should().Be(0.10000000149011612);
        // The last step of period 14: f = 16383/16384 in float32 (0.99993896), cos(pi f) rounds to -1 in float32, so the rate is 0.
        schedule.GetLearningRate(32_766).Should().Be(0.0);
    }

    [Fact]
    public void CosineRestarts_Float32_TMulRoundingToOne_HasKerasEqualPeriods()
    {
        // float32(1.00000001) = 1: Keras's t_mul == 1 branch, periods of equal length, as with tMul 1.
        var barely = new CosineRestartsSchedule(0.1, 10, 1.00000001, 0.5, 0.001, precision: Precision.Float32);
        var equal = new CosineRestartsSchedule(0.1, 10, 1.0, 0.5, 0.001, precision: Precision.Float32);
        for (long t = 0; t < 200; t++)
        {
            barely.GetLearningRate(t).Should().Be(equal.GetLearningRate(t), $"at {t}");
        }

        // Period 3 starts at 30: 0.1f * ((1 - alpha) * 0.5 * 0.5^3 * (1 + cos(0)) + alpha), alpha = float32(0.001 / 0.1) = 0.01f.
        equal.GetLearningRate(30).Should().Be(0.013375001028180122);
    }

    private static Precision PrecisionOf(ILearningRateSchedule schedule) =>
        (Precision)schedule.GetType().GetProperty(nameof(Precision))!.GetValue(schedule)!;

    [Fact]
    public void Fill_Float32_IsGetLearningRateBitForBit()
    {
        ILearningRateSchedule[] schedules =
        [
            new ExponentialSchedule(0.1, 0.96, 7, precision: Precision.Float32),
            new ExponentialSchedule(0.1, 0.96, 7, true, Precision.Float32),
            new InverseTimeSchedule(0.1, 0.5, 7, true, Precision.Float32),
            new PolynomialSchedule(0.1, 50, 0.001, 1.7, false, Precision.Float32),
            new CosineSchedule(0.1, 50, 0.001, precision: Precision.Float32),
            new CosineRestartsSchedule(0.1, 5, 2.0, 0.8, 0.001, precision: Precision.Float32),
        ];
        var buffer = new double[300];
        foreach (ILearningRateSchedule schedule in schedules)
        {
            foreach (long first in new[] { 0L, 17L, (1L << 53) - 100, long.MaxValue - 299 })
            {
                schedule.Fill(first, buffer);
                for (int i = 0; i < buffer.Length; i++)
                {
                    buffer[i].Should().Be(schedule.GetLearningRate(first + i), $"{schedule} at {first + i}");
                }
            }
        }
    }
}
