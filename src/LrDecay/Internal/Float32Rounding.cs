using System.Numerics;

namespace LrDecay.Internal;

/// <summary>
/// <c>cos</c> and <c>pow</c> correctly rounded to float32, for <see cref="KerasFloat32"/>: from <see cref="Elementary"/>'s
/// double-doubles and their error bounds, and where the value lies too close to a float32 rounding boundary to tell, decided exactly
/// in integer arithmetic.
/// </summary>
/// <remarks>
/// The double-double <c>v = hi + lo</c> is within <c>E |v|</c> of the exact value <c>f</c>. When <c>hi - d</c> and <c>hi + d</c>
/// (<c>d = 2 (|lo| + E |hi|)</c>, so the interval holds <c>f</c> after their own roundings) round to the same float32, that is the
/// rounding of <c>f</c>. Otherwise the two are neighbours and <c>f</c> is compared with the midpoint between them: <c>cos</c> by its
/// Taylor series and <c>pow</c> by its logarithm, in fixed point with enough bits to decide (doubled until they do), and <c>pow</c>'s exact
/// ties (possible only for <c>x^(p / 2^k)</c> with small <c>p</c> and <c>k</c>) by integer powers. This happens about once in
/// <c>2^28</c> evaluations.
/// </remarks>
internal static class Float32Rounding
{
    /// <summary><c>2^-54</c>: above <see cref="Elementary.CosWide"/>'s relative error.</summary>
    private const double CosError = 5.551115123125783e-17;

    /// <summary><c>2^-60</c>: above <see cref="Elementary.PowWide"/>'s relative error.</summary>
    private const double PowError = 8.673617379884035e-19;

    private const int MaxBits = 8192;

    /// <summary><c>cos x</c> correctly rounded to float32, for <c>|x| &lt;= 16</c> (beyond, the rounding of the double result).</summary>
    internal static double Cos(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            return double.NaN;
        }

        double hi = Elementary.CosWide(x, out double lo);
        double rounded = TryRound(hi, lo, CosError, out Boundary boundary);
        return !double.IsNaN(rounded) ? rounded : boundary.Choose(Math.Abs(x) <= 16.0 ? CosSign(x, boundary.Midpoint) : 0);
    }

    /// <summary><c>x^y</c> correctly rounded to float32 (with <see cref="Elementary.Pow"/>'s special cases).</summary>
    internal static double Pow(double x, double y)
    {
        if (!(x > 0.0 && x <= double.MaxValue && y != 0.0 && Math.Abs(y) <= double.MaxValue && x != 1.0))
        {
            return (float)Elementary.Pow(x, y);
        }

        double hi = Elementary.PowWide(x, y, out double lo, out int n);
        if (n < -1000 || n > 1000)
        {
            // Far outside float32's range (0 or infinity there, with no boundary near).
            return (float)DoubleDouble.Scale(hi, n);
        }

        double scale = DoubleDouble.PowerOfTwo(n);
        double rounded = TryRound(hi * scale, lo * scale, PowError, out Boundary boundary);
        return !double.IsNaN(rounded) ? rounded : boundary.Choose(PowSign(x, y, boundary.Midpoint));
    }

    /// <summary>
    /// The float32 rounding of the exact value near <c>hi + lo</c> (within <c>error |hi|</c>), or NaN when a float32 midpoint lies too
    /// close to tell: then <paramref name="boundary"/> holds the two neighbours and the midpoint between them.
    /// </summary>
    private static double TryRound(double hi, double lo, double error, out Boundary boundary)
    {
        boundary = default;
        if (hi == 0.0)
        {
            return hi;
        }

        double sign = hi < 0.0 ? -1.0 : 1.0;
        hi = Math.Abs(hi);
        lo *= sign;
        double d = 2.0 * (Math.Abs(lo) + (hi * error));
        float a = (float)(hi - d);
        float b = (float)(hi + d);
        if (a == b)
        {
            return sign * a;
        }

        // a and b are neighbours (d is far below a float32 ulp): the midpoint between them is exact in a double.
        int bits = BitConverter.ToInt32(BitConverter.GetBytes(a), 0);
        double next = bits == 0x7F7FFFFF ? 340282366920938463463374607431768211456.0 : (double)BitConverter.ToSingle(BitConverter.GetBytes(bits + 1), 0);
        boundary = new Boundary(a, next, (a + next) * 0.5, (bits & 1) == 1, sign);
        return double.NaN;
    }

    /// <summary>Two neighbouring float32 magnitudes, the midpoint between them, and the sign of the value.</summary>
    private readonly struct Boundary(double below, double above, double midpoint, bool belowIsOdd, double sign)
    {
        internal double Midpoint { get; } = midpoint;

        /// <summary>The rounding, given <c>sign(|f| - Midpoint)</c> (ties to even).</summary>
        internal double Choose(int comparison) =>
            sign * (float)(comparison > 0 || (comparison == 0 && belowIsOdd) ? above : below);
    }

    /// <summary><c>sign(|cos x| - mid)</c> for <c>|x| &lt;= 16</c>, by the Taylor series in fixed point.</summary>
    internal static int CosSign(double x, double mid)
    {
        for (int bits = 256; bits <= MaxBits; bits *= 2)
        {
            BigInteger one = BigInteger.One << bits;
            BigInteger fx = Fixed(Math.Abs(x), bits);
            BigInteger x2 = (fx * fx) >> bits;
            BigInteger sum = one;
            BigInteger term = one;
            int terms = 0;
            for (int k = 1; !term.IsZero; k++)
            {
                term = (term * x2) >> bits;
                term /= (2 * k) * ((2 * k) - 1);
                sum += (k & 1) == 1 ? -term : term;
                terms++;
            }

            // Each term truncated once or twice, and x's own truncation (the slope is at most 1): at most 3 units per term, plus 4.
            BigInteger difference = BigInteger.Abs(sum) - Fixed(mid, bits);
            if (BigInteger.Abs(difference) > (3 * terms) + 64 + (1L << 20))
            {
                return difference.Sign;
            }
        }

        // No float32 lies this close to a midpoint (cos of a non-zero rational is irrational): not reached.
        return 0;
    }

    /// <summary><c>sign(x^y - mid)</c> for positive <paramref name="x"/> other than 1 and finite non-zero <paramref name="y"/>.</summary>
    internal static int PowSign(double x, double y, double mid)
    {
        int? exact = ExactPowSign(x, y, mid);
        if (exact.HasValue)
        {
            return exact.Value;
        }

        // x^y vs mid is y ln x vs ln mid, in fixed point; the error of y ln x grows with |y|.
        long yBits = (long)Math.Max(Math.Abs(y), 1.0);
        for (int bits = 160 + BitMath.Log2((ulong)yBits); bits <= MaxBits; bits *= 2)
        {
            BigInteger lnX = Ln(x, bits);
            BigInteger lnMid = Ln(mid, bits);
            (BigInteger py, int ey) = Dyadic(y);
            BigInteger product = py * lnX;
            product = ey >= 0 ? product << ey : product >> -ey;
            BigInteger difference = product - lnMid;
            BigInteger bound = (BigInteger.Abs(py) + 4) * (BigInteger.One << Math.Max(ey, 0)) * (4 * bits);
            if (BigInteger.Abs(difference) > bound)
            {
                return difference.Sign;
            }
        }

        return 0;
    }

    /// <summary>
    /// The exact <c>sign(x^y - mid)</c> when <c>y = ±p / 2^k</c> with <c>p &lt;= 64</c> and <c>k &lt;= 4</c> (the only powers of a float32 that
    /// can be a float32 midpoint are among them): <c>x^p</c> against <c>mid^(2^k)</c> in integers. Null for other exponents.
    /// </summary>
    private static int? ExactPowSign(double x, double y, double mid)
    {
        (BigInteger py, int ey) = Dyadic(y);
        BigInteger p = BigInteger.Abs(py);
        if (p > 64 || ey < -4)
        {
            return null;
        }

        int power = (int)p << Math.Max(ey, 0);
        if (power > 4096)
        {
            return null;
        }

        int roots = ey < 0 ? 1 << -ey : 1;
        (BigInteger xm, int xe) = Dyadic(x);
        (BigInteger mm, int me) = Dyadic(mid);

        // A = x^power = xm^power 2^(xe power), B = mid^roots = mm^roots 2^(me roots).
        BigInteger a = BigInteger.Pow(xm, power);
        long ae = (long)xe * power;
        BigInteger b = BigInteger.Pow(mm, roots);
        long be = (long)me * roots;
        if (y > 0.0)
        {
            // sign(x^y - mid) = sign(A - B).
            return Compare(a, ae, b, be);
        }

        // sign(x^y - mid) = sign(1 - A B).
        return -Compare(a * b, ae + be, BigInteger.One, 0);
    }

    /// <summary><c>sign(a 2^ae - b 2^be)</c> for non-negative integers.</summary>
    private static int Compare(BigInteger a, long ae, BigInteger b, long be)
    {
        long shift = Math.Min(ae, be);
        return BigInteger.Compare(a << (int)(ae - shift), b << (int)(be - shift));
    }

    /// <summary>A finite non-zero double as <c>m * 2^e</c>, <c>m</c> an odd integer (with the sign).</summary>
    private static (BigInteger Mantissa, int Exponent) Dyadic(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int biased = (int)((bits >> 52) & 0x7FF);
        long m = bits & 0xFFFFFFFFFFFFFL;
        int e;
        if (biased == 0)
        {
            e = -1074;
        }
        else
        {
            m |= 1L << 52;
            e = biased - 1075;
        }

        while ((m & 1) == 0)
        {
            m >>= 1;
            e++;
        }

        return (value < 0.0 ? -m : m, e);
    }

    /// <summary><paramref name="value"/> (non-negative, finite) times <c>2^bits</c>, truncated to an integer.</summary>
    private static BigInteger Fixed(double value, int bits)
    {
        if (value == 0.0)
        {
            return BigInteger.Zero;
        }

        (BigInteger m, int e) = Dyadic(value);
        int shift = e + bits;
        return shift >= 0 ? m << shift : m >> -shift;
    }

    /// <summary><c>ln x</c> in fixed point with <paramref name="bits"/> fraction bits, within a few units, for a positive normal <paramref name="x"/>.</summary>
    private static BigInteger Ln(double x, int bits)
    {
        int guard = bits + 32;
        long raw = BitConverter.DoubleToInt64Bits(x);
        int e = (int)(raw >> 52) - 1023;
        double m = BitConverter.Int64BitsToDouble((raw & 0xFFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        BigInteger one = BigInteger.One << guard;
        BigInteger fm = Fixed(m, guard);

        // ln m = 2 atanh((m - 1) / (m + 1)), ln 2 = 2 atanh(1/3).
        BigInteger lnM = 2 * ArcTanh(((fm - one) << guard) / (fm + one), guard);
        BigInteger ln2 = 2 * ArcTanh(one / 3, guard);
        return ((e * ln2) + lnM) >> 32;
    }

    /// <summary><c>atanh s</c> for <c>0 &lt;= s &lt;= 1/3</c> in fixed point, by its series.</summary>
    private static BigInteger ArcTanh(BigInteger s, int bits)
    {
        BigInteger s2 = (s * s) >> bits;
        BigInteger power = s;
        BigInteger sum = s;
        for (int k = 1; !power.IsZero; k++)
        {
            power = (power * s2) >> bits;
            sum += power / ((2 * k) + 1);
        }

        return sum;
    }
}
