using LrDecay.Internal;

namespace LrDecay.Tests.Internal;

/// <summary>
/// <see cref="PowerRamp"/>, the cosine ramp of a power <c>(1 + cos(pi f^k)) / 2</c> as one tabulated polynomial, against the 320-bit
/// reference of the exact <c>f^k</c> and its ramp.
/// </summary>
public sealed class PowerRampTests
{
    /// <summary>The bound the tests hold the kernel to, in ulps of the exact ramp (measured: below 2.5).</summary>
    private const double MaxUlps = 3.0;

    public static TheoryData<double> Exponents => new() { 0.0625, 0.3, 0.7, 0.8, 1.3, 1.7, 1.99 };

    [Theory]
    [MemberData(nameof(Exponents))]
    public void Of_WithinThreeUlpsOfTheExactRamp(double k)
    {
        // Fractions spread evenly, by binade down to 2^-17 (every rising cell and the composed path below it), and towards 1 down
        // to 2^-45 from it (where the falling half must keep its relative accuracy).
        var ramp = new PowerRamp(k);
        var random = new Random(20261208);
        int samples = 1_500 * SampleFactor();
        double worst = 0.0;
        double sum = 0.0;
        for (int i = 0; i < samples; i++)
        {
            double f = (i % 3) switch
            {
                0 => random.NextDouble(),
                1 => Math.Pow(2.0, -17.0 * random.NextDouble()),
                _ => 1.0 - Math.Pow(2.0, -45.0 * random.NextDouble()),
            };
            if (f <= 0.0)
            {
                continue;
            }

            double error = ReferenceMath.UlpError(ramp.Of(f), ReferenceMath.PowerRamp(f, k));
            error.Should().BeLessThanOrEqualTo(MaxUlps, $"f = {f:R}, k = {k:R}");
            worst = Math.Max(worst, error);
            sum += error;
        }

        (sum / samples).Should().BeLessThan(0.5, $"the mean error for k = {k:R} (largest {worst:R})");
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(1.7)]
    public void Of_AtEveryCellEdge_WithinThreeUlpsOfTheExactRamp(double k)
    {
        var ramp = new PowerRamp(k);
        var edges = new List<double>();

        // The rising cells: 32 per binade from 2^-16 to 1/2, each edge and the double below it.
        for (int e = -16; e <= -1; e++)
        {
            for (int j = 0; j < 32; j++)
            {
                double edge = Math.ScaleB(1.0 + (j / 32.0), e);
                edges.Add(edge);
                edges.Add(Math.BitDecrement(edge));
            }
        }

        // The falling cells: u = j / 64 for j = 0 to 32, f = 1 - u and its neighbours.
        for (int j = 0; j <= 32; j++)
        {
            double f = 1.0 - (j / 64.0);
            edges.Add(f);
            edges.Add(Math.BitIncrement(f));
            edges.Add(Math.BitDecrement(f));
        }

        foreach (double f in edges.Where(f => f > 0.0 && f <= 1.0))
        {
            ReferenceMath.UlpError(ramp.Of(f), ReferenceMath.PowerRamp(f, k)).Should().BeLessThanOrEqualTo(MaxUlps, $"f = {f:R}, k = {k:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Exponents))]
    public void Ends_AreExact(double k)
    {
        var ramp = new PowerRamp(k);
        ramp.Of(0.0).Should().Be(1.0);
        ramp.Rising(0.0).Should().Be(1.0);
        ramp.Of(1.0).Should().Be(0.0);
        ramp.Falling(0.0).Should().Be(0.0);
    }

    [Theory]
    [InlineData(1.0000000000000002)]
    [InlineData(1.5)]
    [InlineData(-0.25)]
    [InlineData(double.NaN)]
    public void Of_OutsideTheRamp_TakesThePowerThenTheRamp(double f)
    {
        var ramp = new PowerRamp(0.7);
        double composed = HalfCosine.Of(new FixedExponentPower(0.7).Of(f));
        ramp.Of(f).Should().Be(composed);
    }

    [Theory]
    [InlineData(0.7, true)]
    [InlineData(0.0625, true)]
    [InlineData(1.99, true)]
    [InlineData(1.3, true)]
    [InlineData(0.06, false)]
    [InlineData(0.5, false)]
    [InlineData(1.0, false)]
    [InlineData(1.5, false)]
    [InlineData(2.0, false)]
    [InlineData(2.3, false)]
    [InlineData(double.NaN, false)]
    public void Serves_TheExponentsBetweenASixteenthAndTwo_ButHalfIntegers(double k, bool served)
    {
        PowerRamp.Serves(k).Should().Be(served);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(1.3)]
    public void CosineWithKDecay_EveryRate_WithinFourUlpsOfTheExactRamp_EvenAtTheLastSteps(double k)
    {
        // The fraction t / T and 1 - t / T are each one rounded quotient of whole numbers; the rate is the ramp, exactly (range 1,
        // minLr 0). Near the end the rate keeps its relative accuracy: the ramp of the rounded power would be off by thousands of ulps.
        const long decaySteps = 1_000_000;
        var schedule = Schedules.Cosine(1.0, decaySteps, minLr: 0.0, kDecay: k);
        long[] steps = [1, 2, 17, 999, 65_536, 250_000, 499_999, 500_000, 500_001, 777_777, 999_000, 999_990, 999_998, 999_999];
        foreach (long t in steps)
        {
            double exact = ReferenceMath.ToDouble(ReferenceMath.PowerRampOfQuotient(t, decaySteps, k));
            ReferenceMath.UlpError(schedule.GetLearningRate(t), ReferenceMath.PowerRampOfQuotient(t, decaySteps, k))
                .Should().BeLessThanOrEqualTo(4.0, $"step {t}, kDecay {k}, exact {exact:R}");
        }
    }

    [Fact]
    public void CosineRestartsWithKDecay_WholePeriods_KeepTheirRelativeAccuracyAtTheEndOfEachPeriod()
    {
        // tMul 2: periods of 1000, 2000, 4000 steps; the last step of each is 1 - 1/length of the way through.
        var schedule = Schedules.CosineRestarts(1.0, firstDecaySteps: 1_000, tMul: 2.0, kDecay: 0.7);
        (long Step, long Within, long Length)[] cases = [(999, 999, 1_000), (2_999, 1_999, 2_000), (6_999, 3_999, 4_000), (1_500, 500, 2_000)];
        foreach ((long step, long within, long length) in cases)
        {
            ReferenceMath.UlpError(schedule.GetLearningRate(step), ReferenceMath.PowerRampOfQuotient(within, length, 0.7))
                .Should().BeLessThanOrEqualTo(4.0, $"step {step}");
        }
    }

    private static int SampleFactor() =>
        int.TryParse(Environment.GetEnvironmentVariable("LRDECAY_ELEMENTARY_SAMPLES_X"), out int factor) ? factor : 1;
}
