using LrDecay.Internal;

namespace LrDecay.Tests.Internal;

/// <summary>
/// <see cref="ExpKernel.Of"/> below <see cref="ExpKernel.ZeroBelow"/> returns 0 straight away: the same bits the full kernel gives there
/// (its earlier form, with every x below -746 taken as -746, is copied below and compared bit for bit across the cut).
/// </summary>
public sealed class ExpKernelUnderflowTests
{
    [Fact]
    public void Of_AcrossTheCut_IsTheFullKernel()
    {
        for (double x = -800.0; x <= -700.0; x += 1.0 / 4096)
        {
            BitConverter.DoubleToInt64Bits(ExpKernel.Of(x)).Should().Be(BitConverter.DoubleToInt64Bits(FullKernel(x)), $"x = {x:R}");
        }

        // Right at the cut and one ulp either side.
        foreach (double x in new[] { ExpKernel.ZeroBelow, Math.BitDecrement(ExpKernel.ZeroBelow), Math.BitIncrement(ExpKernel.ZeroBelow), -1e300, double.MinValue })
        {
            BitConverter.DoubleToInt64Bits(ExpKernel.Of(x)).Should().Be(BitConverter.DoubleToInt64Bits(FullKernel(x)), $"x = {x:R}");
        }
    }

    [Fact]
    public void Of_BelowTheCut_IsZero_AndAboveIt_NotAlways()
    {
        ExpKernel.Of(Math.BitDecrement(ExpKernel.ZeroBelow)).Should().Be(0.0);
        ExpKernel.Of(-1e18).Should().Be(0.0);

        // e^-745.13 = 4.94e-324, the smallest subnormal (ln(2^-1074) = -744.44, and e^-745.13 rounds up to it).
        ExpKernel.Of(-745.13).Should().Be(double.Epsilon);
    }

    [Fact]
    public void Exponential_FarSteps_AreZero_AsMathExpSays()
    {
        // 0.96 per 1000 steps: at step 10^9 the exponent is 10^6 * ln(0.96) = -40822, far below the cut.
        var schedule = Schedules.Exponential(0.1, 0.96, 1_000);
        foreach (long step in new[] { 1_000_000_000L, 1_000_000_000_000L, 1L << 62, long.MaxValue })
        {
            schedule.GetLearningRate(step).Should().Be(0.0);
        }
    }

    /// <summary>The kernel's table of <c>2^(j/64)</c>, read so the copy below takes the same bits.</summary>
    private static readonly double[] Powers = (double[])typeof(ExpKernel)
        .GetField("Powers", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The low parts of the kernel's <c>2^(j/64)</c>, read likewise.</summary>
    private static readonly double[] Lows = (double[])typeof(ExpKernel)
        .GetField("Lows", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The kernel as it was before the cut: x below -746 taken as -746, then the same operations.</summary>
    private static double FullKernel(double x)
    {
        const double SixtyFourOverLn2 = 92.33248261689366;
        const double Ln2Over64Hi = 0.010830424682353623;
        const double Ln2Over64Lo = 1.3895522248260433e-11;
        const double Magic = 6755399441055744.0;
        x = x < -746.0 ? -746.0 : x;
        double n = ((x * SixtyFourOverLn2) + Magic) - Magic;
        double m = Math.Floor(n * (1.0 / 64));
        double j = n - (m * 64);
        double r = (x - (n * Ln2Over64Hi)) - (n * Ln2Over64Lo);
        double r2 = r * r;
        double q = r + (((((1.0 / 2) + ((1.0 / 6) * r)) + (((1.0 / 24) + ((1.0 / 120) * r)) * r2)) + ((1.0 / 720) * (r2 * r2))) * r2);
        int index = (int)j & 63;
        double pt = Powers[index] + (Lows[index] + (Powers[index] * q));
        if (m >= -1022.0)
        {
            return pt * Math.Pow(2.0, m);
        }

        double m1 = Math.Floor(m * 0.5);
        return (pt * Math.Pow(2.0, m1)) * Math.Pow(2.0, m - m1);
    }
}
