using LrDecay.Tests.Support;

namespace LrDecay.Tests.Internal;

/// <summary>
/// The paths that far steps take (the power table's levels, the exp's underflow cut, the cached peaks of warm restarts, the general
/// power's underflow): the values they gave before, from the formulas those paths replaced, and a batch fill equal bit for bit to
/// one call per step at far first steps.
/// </summary>
public sealed class FarStepValueTests
{
    private static readonly long[] FarStarts = [1_000_000, 1_017_000, 1_000_000_000, 1_000_000_000_000, 1L << 40, 1L << 62, long.MaxValue - 2_000];

    public static TheoryData<string> Schedules() => new(Catalog.Keys);

    private static Dictionary<string, Func<ILearningRateSchedule>> Catalog { get; } = new()
    {
        ["step 0.5 per 1000"] = () => LrDecay.Schedules.Step(0.1, 1_000, 0.5),
        ["step 0.9995 per 3"] = () => LrDecay.Schedules.Step(0.1, 3, 0.9995),
        ["exponential staircase"] = () => LrDecay.Schedules.Exponential(0.1, 0.96, 1_000, staircase: true),
        ["exponential staircase near 1"] = () => LrDecay.Schedules.Exponential(0.1, 0.999999, 1, staircase: true),
        ["exponential"] = () => LrDecay.Schedules.Exponential(0.1, 0.96, 1_000),
        ["cyclic expRange"] = () => LrDecay.Schedules.Cyclic(0.001, 0.006, 2_000, mode: CyclicMode.ExponentialRange, gamma: 0.99994),
        ["restarts tMul 1"] = () => LrDecay.Schedules.CosineRestarts(0.1, 3_000, 1.0, 0.9, 0.001),
        ["restarts tMul 2"] = () => LrDecay.Schedules.CosineRestarts(0.1, 3_000, 2.0, 0.9, 0.001),
        ["restarts tMul 1.5"] = () => LrDecay.Schedules.CosineRestarts(0.1, 3_000, 1.5, 0.8, 0.001),
        ["polynomial cycle power 30"] = () => LrDecay.Schedules.Polynomial(0.1, 30_000, 0.001, 30.0, cycle: true),
        ["chain"] = () => LrDecay.Schedules.Exponential(0.1, 0.96, 1_000).ChainedWith(LrDecay.Schedules.Step(1.0, 1_000, 0.5)),
        ["sequence"] = () => LrDecay.Schedules.Linear(0.0, 0.1, 1_000).Then(1_000, LrDecay.Schedules.Constant(0.1))
            .Then(50_000, LrDecay.Schedules.Exponential(0.1, 0.96, 1_000)),
        ["plateau over exponential"] = () => new PlateauSchedule(LrDecay.Schedules.Exponential(0.1, 0.96, 1_000, staircase: true), factor: 0.5),
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Fill_FarStarts_IsBitIdenticalToGetLearningRate(string name)
    {
        ILearningRateSchedule schedule = Catalog[name]();
        foreach (long first in FarStarts)
        {
            FillAssert.Matches(schedule, first, 1_031, exact: true);
        }
    }

    [Fact]
    public void Step_FarSteps_AreNearInitialLrTimesMathPow()
    {
        // The value before the table grew levels, initialLr * Math.Pow(gamma, floor(t / stepSize)), within 1e-15 relative
        // (a few ulps; the power table's tests bound it in ulps).
        var schedule = LrDecay.Schedules.Step(0.1, 3, 0.9995);
        foreach (long k in new[] { 1_024L, 2_000L, 50_000L, 1_048_575L, 1_048_576L, 1_500_000L })
        {
            double expected = 0.1 * Math.Pow(0.9995, k);
            schedule.GetLearningRate(k * 3).Should().BeApproximately(expected, 1e-15 * expected);
        }
    }

    [Fact]
    public void CosineRestarts_EqualPeriods_PeakIsTheExpOfThePeriod()
    {
        // Period p of 3000 steps at its start (ramp 1): minLr + (initialLr - minLr) * 0.9^p, by Math.Pow below period 64 and by
        // e^(p ln 0.9) from there, as before the longer cache; past
        // p = 7063 the exp's argument (-745.2 and below) gives 0, so the rate is minLr.
        var schedule = LrDecay.Schedules.CosineRestarts(0.1, 3_000, 1.0, 0.9, 0.001);
        double range = 0.1 - 0.001;
        foreach (long p in new long[] { 63, 64, 65, 500, 1_023, 1_024, 1_025, 5_000, 7_000 })
        {
            double peak = p < 64 ? range * Math.Pow(0.9, p) : range * Math.Exp(p * Math.Log(0.9));
            schedule.GetLearningRate(p * 3_000).Should().Be(0.001 + (peak * 1.0), $"period {p}");
        }

        schedule.GetLearningRate(8_000L * 3_000).Should().Be(0.001);
        schedule.GetLearningRate(1L << 62).Should().BeInRange(0.001, 0.001);
    }

    [Fact]
    public void CosineRestarts_LastPeriodPastLongMax_UsesItsLength()
    {
        // tMul 2, first 3000: period i starts at 3000 (2^i - 1); the last start below 2^63 is i = 51 (3000 * (2^51 - 1) = 6.755e18),
        // and that period's length 3000 * 2^51 passes long.MaxValue. At 2^62 + 2^61 the fraction done is
        // (6.917529e18 - 6.755399e18) / 6.755399e18 = 0.024, so the rate is near the peak 0.9^51 above minLr.
        var schedule = LrDecay.Schedules.CosineRestarts(0.1, 3_000, 2.0, 0.9, 0.001);
        long start = 3_000L * ((1L << 51) - 1);
        long step = (1L << 62) + (1L << 61);
        double fraction = (step - start) / (3_000 * Math.Pow(2.0, 51));
        double expected = 0.001 + ((0.1 - 0.001) * Math.Exp(51 * Math.Log(0.9)) * ((1.0 + Math.Cos(Math.PI * fraction)) * 0.5));
        schedule.GetLearningRate(step).Should().BeApproximately(expected, 1e-15);
    }

    [Fact]
    public void Polynomial_GeneralPowerUnderflow_IsZeroAsMathExp()
    {
        // Power 30 with cycle: at step 2^62 the remaining fraction is about 30000 / 2^62 / (2^62 / 30000) ~ 1/1.5e14 (a few 1e-15), and
        // (1e-15)^30 = 1e-450 underflows: the rate is endLr, as e^(30 ln x) = 0 gave before.
        var schedule = LrDecay.Schedules.Polynomial(0.1, 30_000, 0.001, 30.0, cycle: true);
        schedule.GetLearningRate((1L << 62) + 1).Should().Be(0.001);
    }
}
