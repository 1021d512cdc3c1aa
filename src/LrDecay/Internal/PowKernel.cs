using System.Runtime.CompilerServices;
using static LrDecay.Internal.DoubleDouble;
using static LrDecay.Internal.ExpKernel;

namespace LrDecay.Internal;

/// <summary>
/// <c>x^y = e^(y ln x)</c> on the hot path (a polynomial decay's power, a <c>kDecay</c> ramp, a range test): the logarithm as an
/// unevaluated sum of two doubles, then one exponential that takes the low part as a correction, and a single rounding at the end.
/// Faithful (measured within 0.52 ulp, and never 1 ulp off), with the same operations on every machine and build.
/// </summary>
/// <remarks>
/// <para>
/// <b>Logarithm.</b> <c>x = 2^e m</c> with <c>m</c> in <c>[0.709, 1.418)</c>, split at <see cref="Offset"/>'s bits; the top seven bits
/// of the significand past that offset pick one of 128 buckets, whose entry holds <c>inv</c>, the reciprocal of the bucket's middle,
/// and <c>-ln(inv)</c> as a 42-bit grid value plus the rest (computed once from <see cref="Elementary.LogWide"/>). The bucket of 1
/// is <c>inv = 1</c> exactly. <c>r = m inv - 1</c> as a double-double (<c>rh + rl</c>, exact: the product's error from
/// <see cref="DoubleDouble.TwoProduct"/>, the subtraction exact by Sterbenz's lemma), <c>|r| &lt;= 2^-8</c>. Then
/// <c>ln x = e ln2 - ln(inv) + rh - rh^2/2 + rh^3 P(rh) + rl (1 - rh)</c>, <c>P</c> the Taylor terms to <c>rh^9</c> (truncation below
/// <c>2^-70</c> of the result). <c>e ln2 - ln(inv)</c> is exact (a 42-bit <c>ln2</c> times <c>e</c>, plus a value on the same grid);
/// <c>rh</c> and <c>-rh^2/2</c> (an exact product) are added by fast two-sums whose order of magnitudes is known; the rest, each
/// below <c>2^-16</c> of the result, in one double.
/// Relative error below <c>2^-67</c>.
/// </para>
/// <para>
/// <b>Exponential.</b> <c>z = y ln x = zh + zl</c> (an exact product plus the low part times <c>y</c>); <c>zh = n ln2 / 64 + r</c>
/// with <c>n * ln2/64</c>'s high part exact and the reduction exact by Sterbenz's lemma, <c>r</c> then corrected by <c>zl</c>, and
/// <c>e^z = 2^(n/64) (1 + q)</c> with <c>q = e^r - 1</c> the Taylor polynomial to degree 6, the table's power of two a double-double,
/// and one rounding of <c>Powers[j] + (Lows[j] + Powers[j] q)</c>, then an exact power-of-two scaling. Results outside the normal
/// range (subnormal, or overflowing) take <see cref="Elementary.ExpWide"/> and one rounding instead.
/// </para>
/// </remarks>
internal static class PowKernel
{
    private const double Magic = BitMath.RoundingMagic;

    /// <summary><c>ln 2</c> to 42 bits (so <c>e * Ln2Hi</c> is exact for every binary exponent) and the rest.</summary>
    private const double Ln2Hi = 0.6931471805598903;
    private const double Ln2Lo = 5.497923018708371e-14;

    /// <summary>Beyond this <c>|y ln x|</c> the power overflows or underflows for sure (<c>e^709.79</c> is above the largest double,
    /// <c>e^-745.14</c> rounds to 0).</summary>
    private const double Overflow = 709.79;
    private const double Underflow = -745.14;

    /// <summary>
    /// The bits where the buckets of the logarithm's table begin (<c>0.708984375</c>): bucket <c>i</c> holds the significands whose
    /// bits lie in <c>[Offset + i 2^45, Offset + (i + 1) 2^45)</c>, once the binary exponent is taken out, so that the bucket of 1 runs
    /// from <c>1 - 2^-9</c> to <c>1 + 2^-8</c> and has 1 in it.
    /// </summary>
    internal const long Offset = 0x3FE6B00000000000;

    /// <summary>The bucket that holds 1, whose entry is exactly <c>inv = 1</c>, <c>ln(inv) = 0</c> (so near 1 the logarithm keeps its relative accuracy).</summary>
    private const int BucketOfOne = 74;

    /// <summary>For each bucket: <c>inv</c>, the reciprocal of its middle rounded to a double.</summary>
    internal static readonly double[] Inverses = new double[128];

    /// <summary><c>-ln(inv)</c> rounded to a multiple of <c>2^-42</c> (so adding <c>e ln2</c>'s 42-bit high part is exact), and the rest.</summary>
    private static readonly double[] LogHighs = new double[128];
    private static readonly double[] LogLows = new double[128];

#pragma warning disable CA1810 // the three tables are filled together, from one loop
    static PowKernel()
#pragma warning restore CA1810
    {
        for (int i = 0; i < 128; i++)
        {
            if (i == BucketOfOne)
            {
                Inverses[i] = 1.0;
                continue;
            }

            double low = BitConverter.Int64BitsToDouble(Offset + ((long)i << 45));
            double high = BitConverter.Int64BitsToDouble(Offset + ((long)(i + 1) << 45));
            double inverse = 2.0 / (low + high);
            double logHi = Elementary.LogWide(inverse, out double logLo);
            // -ln(inv) split at 2^-42: the high part exact (Magic-style rounding to the grid), the rest a double-double's sum.
            double grid = ((-logHi + GridMagic) - GridMagic);
            Inverses[i] = inverse;
            LogHighs[i] = grid;
            LogLows[i] = (-logHi - grid) - logLo;
        }
    }

    /// <summary><c>1.5 * 2^10</c>: adding and subtracting it rounds a value below <c>2^9</c> to a multiple of <c>2^-42</c>.</summary>
    private const double GridMagic = 1536.0;

    /// <summary>The bucket of a normal double whose bits less <see cref="Offset"/> are <paramref name="shifted"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Bucket(long shifted) => (int)(shifted >> 45) & 127;

    /// <summary>
    /// <c>m</c> in <c>[0.709, 1.418)</c> with <c>x = 2^e m</c>, <c>e = shifted &gt;&gt; 52</c>, for a normal double's
    /// <paramref name="bits"/> and <paramref name="shifted"/> <c>= bits - Offset</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Significand(long bits, long shifted) =>
        BitConverter.Int64BitsToDouble(bits - (shifted & unchecked((long)0xFFF0000000000000)));

    /// <summary><c>ln x = hi + lo</c> (not normalized: <c>|lo|</c> is below <c>2^-40 |hi|</c>) for a positive finite <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Log(double x, out double lo)
    {
        long bits = BitMath.NormalBits(x, out int scaledBy);
        long shifted = bits - Offset;
        int i = Bucket(shifted);
        double e = (double)((shifted >> 52) + scaledBy);
        double m = Significand(bits, shifted);

        double p = TwoProduct(m, Inverses[i], out double pe);
        double rh = FastTwoSum(p - 1.0, pe, out double rl);

        double a = TwoProduct(rh, -0.5 * rh, out double ae);
        double r2 = rh * rh;
        double r4 = r2 * r2;
        double poly = ((1.0 / 3) + (rh * (-1.0 / 4))) + (((1.0 / 5) + (rh * (-1.0 / 6))) * r2)
            + ((((1.0 / 7) + (rh * (-1.0 / 8))) + ((1.0 / 9) * r2)) * r4);

        double t1 = (e * Ln2Hi) + LogHighs[i];
        double t2 = FastTwoSum(t1, rh, out double e2);
        double t3 = FastTwoSum(t2, a, out double e3);
        lo = (e2 + e3) + (((e * Ln2Lo) + LogLows[i]) + ((ae + (rl - (rl * rh))) + (rh * r2 * poly)));
        return t3;
    }

    /// <summary>
    /// <c>e^(y (lh + ll))</c> rounded, for a finite non-zero <paramref name="y"/> and <c>lh + ll</c> as <see cref="Log"/> gives it: the
    /// power, including its overflow to infinity and underflow to subnormals and 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double FromLog(double lh, double ll, double y)
    {
        double zh = TwoProduct(y, lh, out double ze);
        if (!(zh <= Overflow && zh >= Underflow))
        {
            // |ln x| >= 2^-53 for x != 1, so out of range the rounded product decides (and cannot be NaN for finite arguments).
            return zh > 0.0 ? double.PositiveInfinity : 0.0;
        }

        double zl = ze + (y * ll);

        // shifted holds 2^52 + 2^51 + n in its significand: its bits give j = n mod 64 and m = floor(n / 64) without a conversion.
        double shifted = (zh * SixtyFourOverLn2) + Magic;
        double n = shifted - Magic;
        double r = ((zh - (n * Ln2Over64Hi)) - (n * Ln2Over64Lo)) + zl;
        double q = r + Beyond1(r, r * r);
        long bits = BitConverter.DoubleToInt64Bits(shifted);
        int j = (int)bits & 63;
        double th = ExpKernel.Powers[j];
        double pt = th + (ExpKernel.Lows[j] + (th * q));
        long exponent = (bits >> 6) + ScaleBias;
        if ((ulong)(exponent - 1) < 2046)
        {
            return pt * BitConverter.Int64BitsToDouble(exponent << 52);
        }

        return OutsideNormalRange(zh, zl);
    }

    /// <summary>
    /// <c>e^x = (hi + lo) 2^m</c> for <c>|x| &lt;= 700</c>, unrounded: <see cref="FromLog"/>'s steps with the reduced argument,
    /// <c>e^r - 1</c> and the product by the table's power of two kept as double-doubles (the polynomial's tail, below <c>2^-15</c> of
    /// <c>e^r - 1</c>, in double), relative error below <c>2^-66</c>. For <see cref="Elementary.Tanh"/>, which takes <c>e^x - 1</c>
    /// from it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ExpUnrounded(double x, out double lo, out int m)
    {
        double shifted = (x * SixtyFourOverLn2) + Magic;
        double n = shifted - Magic;
        double rh = TwoSum(x - (n * Ln2Over64Hi), -(n * Ln2Over64Lo), out double rl);
        double qh = FastTwoSum(rh, Beyond1(rh, rh * rh) + rl, out double ql);
        long bits = BitConverter.DoubleToInt64Bits(shifted);
        int j = (int)bits & 63;
        double th = ExpKernel.Powers[j];
        double tl = ExpKernel.Lows[j];
        double p = TwoProduct(th, qh, out double pe);
        double hi = FastTwoSum(th, p, out double e);
        lo = e + (pe + ((th * ql) + (tl + (tl * qh))));
        m = (int)((bits >> 6) + ScaleBias) - 1023;
        return hi;
    }

    /// <summary>
    /// <c>e^(zh + zl)</c> below <c>2^-1022</c> (or at the top of the range): <see cref="Elementary.ExpWide"/> and one rounding to the
    /// subnormal grid (rounding a double first and then to the grid could be 0.6 ulp off). Out of line, so the common path stays small
    /// enough to inline.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double OutsideNormalRange(double zh, double zl)
    {
        double hi = Elementary.ExpWide(zh, zl, out double lo, out int k);
        return ScaleRounded(hi, lo, k);
    }

    /// <summary><c>x^y</c> for a positive finite <paramref name="x"/> and a finite non-zero <paramref name="y"/>.</summary>
    /// <remarks>
    /// Kept out of line: one call, with the logarithm and the exponential inlined into it, costs less than the kernel inlined into a
    /// schedule's step, where it uses up the JIT's inlining budget and leaves the schedule's own small helpers as calls.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static double Of(double x, double y)
    {
        double lh = Log(x, out double ll);
        return FromLog(lh, ll, y);
    }
}
