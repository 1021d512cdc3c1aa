using LrDecay.Internal;

namespace LrDecay.Tests.Performance;

/// <summary>The log that a polynomial decay with a general power uses (<c>x^p = e^(p ln x)</c>).</summary>
public sealed class LogKernelTests
{
    /// <summary>Within one ulp of the result plus 2e-16: the absolute error is what a power's relative error inherits.</summary>
    private static void ShouldMatchMathLog(double x)
    {
        double expected = Math.Log(x);
        double tolerance = 2e-16 + (2.3e-16 * Math.Abs(expected));
        Math.Abs(LogKernel.Of(x) - expected).Should().BeLessThanOrEqualTo(tolerance, $"x = {x:R}");
    }

    [Fact]
    public void Of_RandomArgumentsInEveryBinade_MatchMathLog()
    {
        var random = new Random(17);
        for (int i = 0; i < 200_000; i++)
        {
            // A random fraction in [1, 2) times a power of two from 2^-1022 up to 2^10: every table entry, every exponent.
            double x = (1.0 + random.NextDouble()) * Math.Pow(2.0, random.Next(-1022, 11));
            ShouldMatchMathLog(x);
        }
    }

    [Fact]
    public void Of_JustBelowOne_KeepsItsAbsoluteAccuracy()
    {
        // 1 - x small: ln x = -ln 2 + ln c + ln(1 + r) cancels; the absolute error must stay near 1e-16 all the same.
        for (int e = 1; e <= 53; e++)
        {
            ShouldMatchMathLog(1.0 - Math.Pow(2.0, -e));
            ShouldMatchMathLog(1.0 - (3 * Math.Pow(2.0, -e - 2)));
        }

        for (double x = 0.99; x < 1.0; x += 1e-5)
        {
            ShouldMatchMathLog(x);
        }
    }

    [Fact]
    public void Of_EveryTableEdge_MatchesMathLog()
    {
        for (int j = 0; j <= 128; j++)
        {
            double centre = 1.0 + (j / 128.0);
            foreach (double x in new[] { centre, Math.BitDecrement(centre), Math.BitIncrement(centre) })
            {
                ShouldMatchMathLog(x / 2);
                ShouldMatchMathLog(x * Math.Pow(2.0, -700));
            }
        }
    }

    [Fact]
    public void Of_Subnormals_MatchMathLog()
    {
        foreach (double x in new[] { double.Epsilon, 2 * double.Epsilon, 3 * double.Epsilon, 1e-320, 1e-310, 2.2250738585072009e-308 })
        {
            ShouldMatchMathLog(x);
        }
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.0, double.NegativeInfinity)]
    [InlineData(0.5, -0.69314718055994529)]
    [InlineData(0.25, -1.3862943611198906)]
    public void Of_ExactPoints_AreExact(double x, double expected) => LogKernel.Of(x).Should().Be(expected);

    [Fact]
    public void Of_NegativeOrNaN_IsNaN()
    {
        double.IsNaN(LogKernel.Of(-1.0)).Should().BeTrue();
        double.IsNaN(LogKernel.Of(double.NaN)).Should().BeTrue();
    }
}
