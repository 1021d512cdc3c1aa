using LrDecay.Internal;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Internal;

/// <summary>
/// <see cref="Bounds.Max"/>, the largest rate a schedule can produce, which the multiplying composites check for overflow:
/// each type with its larger setting first and last, so a swapped max or min shows.
/// </summary>
public sealed class BoundsTests
{
    public static TheoryData<string, ILearningRateSchedule, double> Cases() => new()
    {
        { "constant", Schedules.Constant(0.3), 0.3 },
        { "step", Schedules.Step(0.2, 10, 0.5), 0.2 },
        { "multiStep", Schedules.MultiStep(0.2, [10], 0.5), 0.2 },
        { "piecewise, largest in the middle", Schedules.PiecewiseConstant([10, 20], [0.1, 0.5, 0.2]), 0.5 },
        { "piecewise, largest last", Schedules.PiecewiseConstant([10], [0.1, 0.7]), 0.7 },
        { "exponential", Schedules.Exponential(0.4, 0.5, 10), 0.4 },
        { "inverseTime", Schedules.InverseTime(0.4, 0.5, 10), 0.4 },
        { "polynomial, decaying", Schedules.Polynomial(0.5, 100, endLr: 0.1), 0.5 },
        { "polynomial, rising", Schedules.Polynomial(0.1, 100, endLr: 0.5), 0.5 },
        { "cosine", Schedules.Cosine(0.5, 100, minLr: 0.1), 0.5 },
        { "cosine, floor above the start", Schedules.Cosine(0.1, 100, minLr: 0.5), 0.5 },
        { "cosineRestarts", Schedules.CosineRestarts(0.5, 100, minLr: 0.1), 0.5 },
        { "cosineRestarts, floor above the start", Schedules.CosineRestarts(0.1, 100, minLr: 0.5), 0.5 },
        { "linear, decaying", Schedules.Linear(0.5, 0.1, 100), 0.5 },
        { "linear, rising", Schedules.Linear(0.1, 0.5, 100), 0.5 },
        { "oneCycle", Schedules.OneCycle(0.5, 100), 0.5 },
        { "oneCycle, start above the peak", Schedules.OneCycle(0.5, 100, divFactor: 0.5, finalDivFactor: 1e4), 1.0 },
        { "oneCycle, end above the peak", Schedules.OneCycle(0.5, 100, divFactor: 1.0, finalDivFactor: 0.25), 2.0 },
        { "cyclic", Schedules.Cyclic(0.1, 0.5), 0.5 },
        { "cyclic, base above max", Schedules.Cyclic(0.5, 0.1), 0.5 },
        { "inverseSqrt", Schedules.InverseSqrt(0.3, 10), 0.3 },
        { "warmupStableDecay", Schedules.WarmupStableDecay(0.3, 10, 10, 10), 0.3 },
        { "warmup from above", new WarmupSchedule(Schedules.Constant(0.1), 10, startLr: 0.5), 0.5 },
        { "warmup from below", new WarmupSchedule(Schedules.Constant(0.5), 10, startLr: 0.1), 0.5 },
        { "sequence, largest first", Schedules.Sequence([Schedules.Constant(0.5), Schedules.Constant(0.1)], [10]), 0.5 },
        { "sequence, largest last", Schedules.Sequence([Schedules.Constant(0.1), Schedules.Constant(0.5)], [10]), 0.5 },
        { "chain", Schedules.Chain(Schedules.Constant(0.5), Schedules.Linear(0.5, 2.0, 10)), 2.0 },
        { "chain of three", Schedules.Chain(Schedules.Constant(0.5), Schedules.Linear(0.5, 1.0, 10), Schedules.Linear(0.25, 1.0, 10)), 4.0 },
        { "scale", new ScaleSchedule(Schedules.Constant(0.25), 3.0), 0.75 },
        { "clamp, inner above the ceiling", new ClampSchedule(Schedules.Constant(0.5), 0.1, 0.3), 0.3 },
        { "clamp, inner below the floor", new ClampSchedule(Schedules.Constant(0.05), 0.1, 0.3), 0.1 },
        { "clamp, inner inside", new ClampSchedule(Schedules.Constant(0.2), 0.1, 0.3), 0.2 },
        { "perEpoch", new PerEpochSchedule(Schedules.Constant(0.4), 10), 0.4 },
        { "plateau", Schedules.Plateau(0.3, minLr: 0.1), 0.3 },
        { "plateau, floor above the start", Schedules.Plateau(0.1, minLr: 0.3), 0.3 },
        { "piecewiseLinear, largest in the middle", Schedules.PiecewiseLinear([10, 20, 30], [0.1, 0.6, 0.2]), 0.6 },
        { "piecewiseLinear, largest last", Schedules.PiecewiseLinear([10, 20], [0.1, 0.7]), 0.7 },
        { "rex", Schedules.Rex(0.4, 100, minLr: 0.1), 0.4 },
        { "tanh", Schedules.Tanh(0.4, 100, minLr: 0.1), 0.4 },
        { "tanh, warm-up from above", Schedules.Tanh(0.4, 100, minLr: 0.1, warmupSteps: 10, warmupStartLr: 0.9), 0.9 },
        { "rangeTest", Schedules.RangeTest(1e-6, 2.0, 100), 2.0 },
        { "oneCycleMomentum", Schedules.OneCycleMomentum(100, baseMomentum: 0.8, maxMomentum: 0.9), 0.9 },
        { "cyclicMomentum", Schedules.CyclicMomentum(0.7, 0.95), 0.95 },
        { "cooldown, end below the base", Schedules.Constant(0.5).CooldownFrom(10, 10, endLr: 0.1), 0.5 },
        { "cooldown, end above the base", Schedules.Constant(0.1).CooldownFrom(10, 10, endLr: 0.5), 0.5 },
        { "plateau over a base", new PlateauSchedule(Schedules.Constant(0.4), minLr: 0.1), 0.4 },
        { "plateau over a rising base", new PlateauSchedule(Schedules.Linear(0.1, 0.5, 10), minLr: 0.01), 0.5 },
        { "plateau over a base below its floor", new PlateauSchedule(Schedules.Constant(0.05), minLr: 0.1), 0.1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Max_IsTheLargestSetting(string name, ILearningRateSchedule schedule, double expected) =>
        Bounds.Max(schedule).Should().Be(expected, name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Max_BoundsEveryRate(string name, ILearningRateSchedule schedule, double expected)
    {
        for (long step = 0; step <= 120; step++)
        {
            double lr = ScheduleCatalog.Rate(schedule, step);
            lr.Should().BeLessThanOrEqualTo(expected * (1 + 1e-15), $"{name} at step {step}");
        }
    }

    [Fact]
    public void Max_OfAScheduleFromOutside_IsUnknown() => Bounds.Max(new Outside(0.2)).Should().Be(double.NaN);

    [Fact]
    public void Max_OfAClampOverAnUnknownSchedule_IsTheCeiling()
    {
        Bounds.Max(new ClampSchedule(new Outside(0.2), 0.1, 0.3)).Should().Be(0.3);
        Bounds.Max(new ClampSchedule(new Outside(0.2), 0.1)).Should().Be(double.NaN);
    }

    [Fact]
    public void Max_OfCompositesOverAnUnknownSchedule_IsUnknown()
    {
        Bounds.Max(new ScaleSchedule(new Outside(0.2), 2.0)).Should().Be(double.NaN);
        Bounds.Max(Schedules.Chain(Schedules.Constant(0.1), new Outside(0.2))).Should().Be(double.NaN);
    }

    private sealed class Outside(double lr) : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => lr;
    }
}
