using System.Numerics;
using LrDecay.Internal;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Internal;

/// <summary>
/// LrDecay's own exp, log, pow, cos, sin and tanh against <see cref="ReferenceMath"/> (about 320 bits): every sample within
/// <see cref="Bound"/> ulp (faithful, and correctly rounded except within 2^-8 ulp of a rounding boundary); pow within
/// <see cref="PowBound"/>, the power for a fixed exponent within <see cref="FixedExponentBound"/>.
/// </summary>
public sealed class ElementaryTests
{
    /// <summary>The kernels' documented bound: 0.5 ulp for the rounding plus below 2^-8 ulp for the double-double error.</summary>
    private const double Bound = 0.5 + (1.0 / 256);

    /// <summary>
    /// <see cref="Elementary.Pow"/>'s bound: its kernel (<see cref="PowKernel"/>) rounds a single double sum once, after errors of up to
    /// about <c>2^-57</c> of the result (the reduced argument's roundings, and the logarithm's error times <c>|y ln x|</c> up to 746);
    /// measured below 0.515 ulp over 600,000 samples.
    /// </summary>
    private const double PowBound = 0.52;

    /// <summary>
    /// <see cref="FixedExponentPower"/>'s bound: one rounding (0.5 ulp) of a sum whose small part carries the rounding of
    /// <c>r = m inv - 1</c> times <c>|y| &lt;= 2</c> (below 2^-7 ulp), the roundings of that small part (below 2^-7 ulp), and the
    /// tables' and the series' truncation errors (below 2^-7 ulp together): 0.5 + 3 * 2^-7 &lt; 0.53. Measured below 0.510 over
    /// 600,000 samples (0.517 before the series was in fused multiply-adds).
    /// </summary>
    private const double FixedExponentBound = 0.53;

    private static readonly int Samples = TestBudget.Count(6_000, 600) * PowSampleFactor();

    private static int PowSampleFactor() => int.TryParse(Environment.GetEnvironmentVariable("LRDECAY_ELEMENTARY_SAMPLES_X"), out int factor) ? factor : 1;

    [Fact]
    public void Exp_WithinBound() => Check("exp", Elementary.Exp, ReferenceMath.Exp, ExpArguments());

    [Fact]
    public void Log_WithinBound() => Check("log", Elementary.Log, ReferenceMath.Log, LogArguments());

    [Fact]
    public void Cos_WithinBound() => Check("cos", Elementary.Cos, ReferenceMath.Cos, TrigArguments());

    [Fact]
    public void Sin_WithinBound() => Check("sin", Elementary.Sin, ReferenceMath.Sin, TrigArguments());

    [Fact]
    public void Tanh_WithinBound() => Check("tanh", Elementary.Tanh, ReferenceMath.Tanh, TanhArguments());

    [Fact]
    public void Pow_WithinBound()
    {
        var random = new Random(5);
        var pairs = new List<(double X, double Y)>();
        for (int i = 0; i < Samples; i++)
        {
            double x = (i % 6) switch
            {
                0 => random.NextDouble(),
                1 => 1.0 + ((random.NextDouble() - 0.5) * Math.ScaleB(1.0, -random.Next(1, 52))),
                2 => Math.ScaleB(1.0 + random.NextDouble(), random.Next(-1074, 1023)),
                3 => 0.9 + (0.1 * random.NextDouble()),
                4 => random.NextDouble() * 4.0,
                _ => Math.ScaleB(random.NextDouble(), -random.Next(0, 1070)),
            };
            if (!(x > 0) || x == 1.0)
            {
                continue;
            }

            double y = (i % 5) switch
            {
                0 => (random.NextDouble() - 0.5) * 8.0,
                1 => random.Next(-70, 5000),
                2 => (random.NextDouble() - 0.5) * 700.0 / Math.Abs(Math.Log(x)),
                3 => random.NextDouble() * 3.0,
                _ => (random.NextDouble() - 0.5) * 1e-6,
            };
            pairs.Add((x, y));
        }

        // Exact powers, results in the subnormal range and at the edges.
        pairs.AddRange([(0.5, 3.0), (0.96, 1000.0), (2.0, -1074.0), (0.5, 1074.5), (0.5, 1070.25), (10.0, -320.3), (1.0000000000000002, 1e15),
            (0.9999999999999999, -6e18), (3.0, 0.5), (1e-300, 1.02), (1.7976931348623157e308, 0.999), (0.1, 2.0), (9.0, 0.5)]);
        double worst = 0;
        foreach ((double x, double y) in pairs)
        {
            double value = Elementary.Pow(x, y);
            (BigInteger M, int E) exact = ReferenceMath.Pow(x, y);
            if (Overflows(value, exact, $"pow({x:R}, {y:R})"))
            {
                continue;
            }

            double error = ReferenceMath.UlpError(value, exact);
            worst = Math.Max(worst, error);
            error.Should().BeLessThanOrEqualTo(PowBound, $"pow({x:R}, {y:R}) = {value:R}");
        }

        TestContext.Current.SendDiagnosticMessage($"pow: {pairs.Count} samples, max error {worst:F4} ulp");
    }

    [Fact]
    public void FixedBasePower_GivesPowsBits()
    {
        var random = new Random(6);
        foreach (double @base in new[] { 1e8, 1e-8, 0.5, 2.0, 1.0000001, 0.9999999, 1e300, 1e-300, 5e-324 })
        {
            var power = new FixedBasePower(@base);
            var exponents = new List<double> { 0.0, 1.0, -1.0, 0.5, 3.0, 1e5, -1e5, 1e-300 };
            for (int i = 0; i < 500; i++)
            {
                exponents.Add((random.NextDouble() - 0.5) * 8.0);
                exponents.Add(random.NextDouble());
            }

            foreach (double y in exponents)
            {
                BitConverter.DoubleToInt64Bits(power.Of(y)).Should().Be(
                    BitConverter.DoubleToInt64Bits(Elementary.Pow(@base, y)), $"{@base:R}^{y:R}");
            }
        }
    }

    [Fact]
    public void FixedExponentPower_WithinBound()
    {
        var random = new Random(7);
        var exponents = new List<double> { 0.3, 0.7, -0.3, -0.5000001, 1.7, 2.0, -2.0, 1e-3, -1e-9, 0.5, -0.5, 1.0, 2.5, -3.3, 1e-140, 1e-160 };
        for (int i = 0; i < 10; i++)
        {
            exponents.Add((random.NextDouble() - 0.5) * 4.0);
        }

        int perExponent = Math.Max(200, Samples / exponents.Count);
        double worst = 0;
        int count = 0;
        foreach (double y in exponents)
        {
            var power = new FixedExponentPower(y);
            var bases = new List<double> { 0.0, 1.0, 2.0, 0.5, 5e-324, 1e-310, Math.ScaleB(1.0, -64), Math.ScaleB(1.0, 65), Math.ScaleB(1.0, -65),
                Math.BitDecrement(Math.ScaleB(1.0, 65)), 1.0000000000000002, 0.9999999999999999, 1e300, double.MaxValue, double.PositiveInfinity,
                double.NaN, -1.0, -0.0 };
            for (int i = 0; i < perExponent; i++)
            {
                bases.Add((i % 5) switch
                {
                    0 => random.NextDouble(),
                    1 => 1.0 + ((random.NextDouble() - 0.5) * Math.ScaleB(1.0, -random.Next(1, 52))),
                    2 => Math.ScaleB(1.0 + random.NextDouble(), random.Next(-70, 70)),
                    3 => random.Next(1, 10_000_000) / 1000.0,
                    _ => random.Next(0, 1000) / 999.0,
                });
            }

            foreach (double x in bases)
            {
                double value = power.Of(x);
                if (!(x > 0.0) || double.IsInfinity(x) || x == 1.0)
                {
                    BitConverter.DoubleToInt64Bits(value).Should().Be(BitConverter.DoubleToInt64Bits(Elementary.Pow(x, y)), $"{x:R}^{y:R}");
                    continue;
                }

                (BigInteger M, int E) exact = ReferenceMath.Pow(x, y);
                if (Overflows(value, exact, $"{x:R}^{y:R}"))
                {
                    continue;
                }

                double error = ReferenceMath.UlpError(value, exact);
                worst = Math.Max(worst, error);
                count++;
                error.Should().BeLessThanOrEqualTo(FixedExponentBound, $"{x:R}^{y:R} = {value:R}");
            }
        }

        TestContext.Current.SendDiagnosticMessage($"fixed-exponent pow: {count} samples, max error {worst:F4} ulp");
    }

    [Fact]
    public void FixedExponentPower_OfAFraction_IsThePowerOfTheExactQuotient()
    {
        var random = new Random(8);
        double worst = 0;
        foreach (long unit in new long[] { 3, 1000, 12_345, 100_000, 1L << 20, 987_654_321_987 })
        {
            foreach (double y in new[] { 0.7, 0.3, 1.3, -0.45, 1.9 })
            {
                var power = new FixedExponentPower(y, unit);
                BitConverter.DoubleToInt64Bits(power.Of(0)).Should().Be(BitConverter.DoubleToInt64Bits(Elementary.Pow(0.0, y)), $"0^{y:R}");
                var steps = new List<long> { 1, 2, unit - 1, unit, unit / 2 };
                for (int i = 0; i < 60; i++)
                {
                    steps.Add(1 + (long)(random.NextDouble() * (unit - 1)));
                }

                foreach (long k in steps.Where(k => k >= 1 && k <= unit))
                {
                    double value = power.Of(k);
                    double error = ReferenceMath.UlpError(value, ReferenceMath.PowOfQuotient(k, unit, y));
                    worst = Math.Max(worst, error);
                    error.Should().BeLessThanOrEqualTo(FixedExponentBound, $"({k} / {unit})^{y:R} = {value:R}");
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"fixed-exponent pow of a quotient: max error {worst:F4} ulp");
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-745.2, 0.0)]
    [InlineData(-1e300, 0.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(709.7827128933841, double.PositiveInfinity)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(-744.44, 4.94065645841247E-324)]
    public void Exp_SpecialValues(double x, double expected) => Elementary.Exp(x).Should().Be(expected);

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.0, double.NegativeInfinity)]
    [InlineData(-1.0, double.NaN)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(double.NaN, double.NaN)]
    public void Log_SpecialValues(double x, double expected) => Elementary.Log(x).Should().Be(expected);

    [Theory]
    [InlineData(2.0, 0.0, 1.0)]
    [InlineData(double.NaN, 0.0, 1.0)]
    [InlineData(1.0, double.NaN, 1.0)]
    [InlineData(0.0, -1.0, double.PositiveInfinity)]
    [InlineData(-0.0, -3.0, double.NegativeInfinity)]
    [InlineData(-0.0, 3.0, -0.0)]
    [InlineData(0.0, 0.5, 0.0)]
    [InlineData(-2.0, 3.0, -8.0)]
    [InlineData(-2.0, 2.0, 4.0)]
    [InlineData(-2.0, 0.5, double.NaN)]
    [InlineData(double.NegativeInfinity, 3.0, double.NegativeInfinity)]
    [InlineData(double.NegativeInfinity, -3.0, -0.0)]
    [InlineData(double.PositiveInfinity, -1.0, 0.0)]
    [InlineData(2.0, double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(0.5, double.PositiveInfinity, 0.0)]
    [InlineData(0.5, double.NegativeInfinity, double.PositiveInfinity)]
    [InlineData(-1.0, double.NegativeInfinity, 1.0)]
    [InlineData(2.0, 1024.0, double.PositiveInfinity)]
    [InlineData(2.0, -1075.0, 0.0)]
    [InlineData(2.0, 1e300, double.PositiveInfinity)]
    [InlineData(0.5, 1e300, 0.0)]
    public void Pow_SpecialValues(double x, double y, double expected) => Elementary.Pow(x, y).Should().Be(expected);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Trig_NonFinite_IsNaN(double x)
    {
        Elementary.Cos(x).Should().Be(double.NaN);
        Elementary.Sin(x).Should().Be(double.NaN);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(20.0, 1.0)]
    [InlineData(-1e300, -1.0)]
    [InlineData(double.NaN, double.NaN)]
    public void Tanh_SpecialValues(double x, double expected) => Elementary.Tanh(x).Should().Be(expected);

    [Fact]
    public void Sin_OfMinusZero_IsMinusZero() => BitConverter.DoubleToInt64Bits(Elementary.Sin(-0.0)).Should().Be(BitConverter.DoubleToInt64Bits(-0.0));

    /// <summary>Whether <paramref name="value"/> is infinite, asserting then that the exact value is beyond the largest double.</summary>
    private static bool Overflows(double value, (BigInteger M, int E) exact, string what)
    {
        if (!double.IsInfinity(value))
        {
            return false;
        }

        (BigInteger.Abs(exact.M).GetBitLength() + exact.E).Should().BeGreaterThanOrEqualTo(1024, $"{what} overflows");
        return true;
    }

    private static void Check(string name, Func<double, double> kernel, Func<double, (BigInteger M, int E)> reference, IEnumerable<double> arguments, double bound = Bound)
    {
        double worst = 0;
        double worstAt = 0;
        int count = 0;
        foreach (double x in arguments)
        {
            double value = kernel(x);
            (BigInteger M, int E) exact = reference(x);
            if (Overflows(value, exact, $"{name}({x:R})"))
            {
                continue;
            }

            double error = ReferenceMath.UlpError(value, exact);
            if (error > worst)
            {
                worst = error;
                worstAt = x;
            }

            count++;
            error.Should().BeLessThanOrEqualTo(bound, $"{name}({x:R}) = {value:R}");
        }

        TestContext.Current.SendDiagnosticMessage($"{name}: {count} samples, max error {worst:F4} ulp at {worstAt:R}");
    }

    private static IEnumerable<double> ExpArguments()
    {
        var random = new Random(1);
        for (int i = 0; i < Samples; i++)
        {
            yield return (i % 5) switch
            {
                0 => -745.1 + (random.NextDouble() * 1454.8),
                1 => (random.NextDouble() - 0.5) * Math.ScaleB(1.0, -random.Next(0, 1074)),
                2 => -708.4 - (random.NextDouble() * 36.7),
                3 => -random.NextDouble() * 50.0,
                _ => (random.Next(-68000, 65000) * 0.010830424696249145) + ((random.NextDouble() - 0.5) * 1e-12),
            };
        }

        foreach (double x in new[] { 5e-324, -5e-324, 1e-300, -1e-17, 709.78, 709.782712893384, -745.13, -745.1332191019411, -708.3964185322641, 1.0, -1.0 })
        {
            yield return x;
        }
    }

    private static IEnumerable<double> LogArguments()
    {
        var random = new Random(2);
        for (int i = 0; i < Samples; i++)
        {
            yield return (i % 5) switch
            {
                0 => Math.ScaleB(1.0 + random.NextDouble(), random.Next(-1022, 1024)),
                1 => 1.0 + ((random.NextDouble() - 0.5) * Math.ScaleB(1.0, -random.Next(0, 52))),
                2 => BitConverter.Int64BitsToDouble(0x3FF0000000000000L + random.Next(-5000, 5000)),
                3 => random.NextDouble() * Math.ScaleB(1.0, -1022),
                _ => 0.70 + (random.NextDouble() * 0.72),
            };
        }

        foreach (double x in new[] { double.Epsilon, 2.2250738585072014e-308, 2.225073858507201e-308, double.MaxValue, 2.0, 0.5, 1.4142135623730951, 0.7071067811865476, 10.0 })
        {
            yield return x;
        }
    }

    private static IEnumerable<double> TrigArguments()
    {
        var random = new Random(3);
        for (int i = 0; i < Samples; i++)
        {
            double x = (i % 6) switch
            {
                0 => random.NextDouble() * Math.PI,
                1 => NearMultipleOfHalfPi(random.Next(1, 8), random),
                2 => NearMultipleOfHalfPi(random.Next(1, 1 << 20), random),
                3 => Math.ScaleB(1.0 + random.NextDouble(), random.Next(20, 1024)),
                4 => Math.ScaleB(random.NextDouble(), -random.Next(0, 1074)),
                _ => random.NextDouble() * 1e6,
            };
            yield return i % 2 == 0 ? x : -x;
        }

        // The doubles nearest to a multiple of pi/2 below 2^1024 that are hardest to reduce (the closest known: 6381956970095103 2^797).
        foreach (double x in new[] { 6381956970095103 * Math.ScaleB(1.0, 797), 1.5707963267948966, 3.141592653589793, 4.71238898038469, 1048576.0, 1048575.9999999999, 1e22, 5e-324 })
        {
            yield return x;
        }
    }

    /// <summary>A double within a few ulps of <c>k pi / 2</c>.</summary>
    private static double NearMultipleOfHalfPi(int k, Random random)
    {
        double x = k * (Math.PI / 2);
        long bits = BitConverter.DoubleToInt64Bits(x) + random.Next(-4, 5);
        return BitConverter.Int64BitsToDouble(bits);
    }

    private static IEnumerable<double> TanhArguments()
    {
        var random = new Random(4);
        for (int i = 0; i < Samples; i++)
        {
            double x = (i % 5) switch
            {
                0 => random.NextDouble() * 20.0,
                1 => random.NextDouble() * 0.125,
                2 => Math.ScaleB(random.NextDouble(), -random.Next(0, 1074)),
                3 => (i % 10 == 3 ? 0.5625 : 0.03125) + ((random.NextDouble() - 0.5) * 1e-3),
                _ => 0.0625 + ((random.NextDouble() - 0.5) * 1e-3),
            };
            yield return i % 2 == 0 ? x : -x;
        }

        foreach (double x in new[] { 0.5625, 0.5624999999999999, 0.03125, 0.031249999999999997, 0.0625, 0.06249999999999999, 19.999999999999996, 1e-300, 5e-324, 0.5, 1.0 })
        {
            yield return x;
        }
    }
}
