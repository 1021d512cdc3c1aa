using System.Numerics;

namespace LrDecay.Tests.Internal;

/// <summary>
/// A high-precision reference for the elementary functions, independent of the library's kernels and of the C library: each value as
/// <c>M * 2^E</c> with an integer <c>M</c> of about 320 bits, from Taylor and arctanh series in <see cref="BigInteger"/> fixed point
/// (<c>pi / 2</c> to 1,700 bits from Machin's formula, so arguments up to the largest double reduce exactly enough).
/// </summary>
internal static class ReferenceMath
{
    /// <summary>Fraction bits of the fixed-point values.</summary>
    private const int P = 320;

    /// <summary>Fraction bits of <c>pi / 2</c> for the reduction.</summary>
    private const int PiBits = 1700;

    private static readonly BigInteger One = BigInteger.One << P;
    private static readonly BigInteger Ln2 = 2 * ArcTanh(One / 3);
    private static readonly BigInteger PiOver2 = (8 * ArcTanInverse(5, BigInteger.One << (PiBits + 64)) - (2 * ArcTanInverse(239, BigInteger.One << (PiBits + 64)))) >> 64;

    /// <summary>A finite double as <c>m * 2^e</c> exactly.</summary>
    internal static (BigInteger M, int E) Exact(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int biased = (int)((bits >> 52) & 0x7FF);
        long m = bits & 0xFFFFFFFFFFFFFL;
        int e = biased == 0 ? -1074 : biased - 1075;
        if (biased != 0)
        {
            m |= 1L << 52;
        }

        return (value < 0 ? -m : m, e);
    }

    /// <summary><c>value * 2^P</c> (truncated toward 0 when it has more fraction bits).</summary>
    private static BigInteger Fixed(double value, int bits = P)
    {
        (BigInteger m, int e) = Exact(value);
        int shift = e + bits;
        return shift >= 0 ? m << shift : BigInteger.Divide(m, BigInteger.One << -shift);
    }

    /// <summary><c>e^x</c>.</summary>
    internal static (BigInteger M, int E) Exp(double x) => ExpFixed(Fixed(x));

    /// <summary><c>e^(z 2^-P)</c>: <c>z = n ln2 + r</c>, <c>0 &lt;= r &lt; ln2</c>, and <c>e^r</c> by its Taylor series.</summary>
    internal static (BigInteger M, int E) ExpFixed(BigInteger z)
    {
        BigInteger n = BigInteger.Divide(z, Ln2);
        if (z.Sign < 0 && n * Ln2 != z)
        {
            n -= 1;
        }

        BigInteger r = z - (n * Ln2);
        BigInteger sum = One;
        BigInteger term = One;
        for (int k = 1; !term.IsZero; k++)
        {
            term = (term * r) >> P;
            term /= k;
            sum += term;
        }

        return (sum, (int)n - P);
    }

    /// <summary><c>ln x</c> for a positive finite double, in fixed point (<c>2^-P</c> units).</summary>
    internal static BigInteger LnFixed(double x)
    {
        (BigInteger m, int e) = Exact(x);
        int length = (int)m.GetBitLength();

        // x = (m / 2^(length - 1)) * 2^(e + length - 1), the first factor in [1, 2).
        BigInteger fm = (m << P) >> (length - 1);
        int exponent = e + length - 1;
        BigInteger s = ((fm - One) << P) / (fm + One);
        return (exponent * Ln2) + (2 * ArcTanh(s));
    }

    /// <summary><c>ln x</c>.</summary>
    internal static (BigInteger M, int E) Log(double x) => (LnFixed(x), -P);

    /// <summary><c>x^y</c> for a positive finite <paramref name="x"/> and finite <paramref name="y"/>.</summary>
    internal static (BigInteger M, int E) Pow(double x, double y)
    {
        (BigInteger ym, int ye) = Exact(y);
        BigInteger product = ym * LnFixed(x);
        return ExpFixed(ye >= 0 ? product << ye : BigInteger.Divide(product, BigInteger.One << -ye));
    }

    /// <summary><c>(k / unit)^y</c> for positive finite <paramref name="k"/> and <paramref name="unit"/> (the quotient exact, not rounded).</summary>
    internal static (BigInteger M, int E) PowOfQuotient(double k, double unit, double y)
    {
        (BigInteger ym, int ye) = Exact(y);
        BigInteger product = ym * (LnFixed(k) - LnFixed(unit));
        return ExpFixed(ye >= 0 ? product << ye : BigInteger.Divide(product, BigInteger.One << -ye));
    }

    /// <summary><c>cos x</c>.</summary>
    internal static (BigInteger M, int E) Cos(double x) => Trig(x, cosine: true);

    /// <summary><c>sin x</c>.</summary>
    internal static (BigInteger M, int E) Sin(double x) => Trig(x, cosine: false);

    private static (BigInteger M, int E) Trig(double x, bool cosine)
    {
        if (Math.Abs(x) < 1e-12)
        {
            // x - x^3/6 and 1 - x^2/2 (the next terms are below 2^-160): exact rationals.
            (BigInteger m, int e) = Exact(x);
            if (!cosine)
            {
                return ((m << (P - (2 * e))) - (((m * m * m) << P) / 6), (3 * e) - P);
            }

            int shift = P + (2 * e) - 1;
            BigInteger square = m * m;
            return (One - (shift >= 0 ? square << shift : square >> -shift), -P);
        }

        BigInteger fx = Fixed(x, PiBits);
        BigInteger k = BigInteger.Divide(fx + (PiOver2 >> 1) * fx.Sign, PiOver2);
        BigInteger rWide = fx - (k * PiOver2);
        BigInteger r = rWide >> (PiBits - P);
        int quadrant = (int)(((k % 4) + 4) % 4);
        if (!cosine)
        {
            quadrant = (quadrant + 3) % 4;
        }

        (BigInteger c, BigInteger s) = CosSin(r);
        BigInteger value = quadrant switch
        {
            0 => c,
            1 => -s,
            2 => -c,
            _ => s,
        };
        return (value, -P);
    }

    /// <summary>
    /// The cosine ramp <c>(1 + cos(pi f)) / 2</c> for <c>f</c> in <c>[0, 1]</c>: <c>1 - sin^2(pi f / 2)</c> up to the middle and
    /// <c>sin^2(pi (1 - f) / 2)</c> after it (the same value, with its relative accuracy kept near the end).
    /// </summary>
    internal static (BigInteger M, int E) HalfCosine(double f)
    {
        bool firstHalf = f <= 0.5;
        BigInteger fraction = Fixed(f);
        BigInteger angle = ((firstHalf ? fraction : One - fraction) * (PiOver2 >> (PiBits - P))) >> P;
        (_, BigInteger sin) = CosSin(angle);
        BigInteger square = (sin * sin) >> P;
        return (firstHalf ? One - square : square, -P);
    }

    /// <summary>
    /// The cosine ramp of a power, <c>(1 + cos(pi f^k)) / 2</c> for <c>f</c> in <c>(0, 1]</c>: <see cref="HalfCosine"/> of the exact
    /// <c>f^k</c> (not rounded to a double first).
    /// </summary>
    internal static (BigInteger M, int E) PowerRamp(double f, double k) => RampOf(Pow(f, k));

    /// <summary>The cosine ramp of a power of a quotient, <c>(1 + cos(pi (t / n)^k)) / 2</c> for <c>0 &lt; t &lt;= n</c>, the quotient exact.</summary>
    internal static (BigInteger M, int E) PowerRampOfQuotient(double t, double n, double k) => RampOf(PowOfQuotient(t, n, k));

    /// <summary><see cref="HalfCosine"/> of an exact <c>x = m 2^e</c> in <c>(0, 1]</c>.</summary>
    private static (BigInteger M, int E) RampOf((BigInteger M, int E) power)
    {
        (BigInteger m, int e) = power;
        BigInteger x = e >= -P ? m << (e + P) : m >> -(e + P);
        bool firstHalf = x <= (One >> 1);
        BigInteger angle = ((firstHalf ? x : One - x) * (PiOver2 >> (PiBits - P))) >> P;
        (_, BigInteger sin) = CosSin(angle);
        BigInteger square = (sin * sin) >> P;
        return (firstHalf ? One - square : square, -P);
    }

    /// <summary><c>cos r</c> and <c>sin r</c> for <c>|r| &lt;= 1</c> in fixed point.</summary>
    private static (BigInteger Cos, BigInteger Sin) CosSin(BigInteger r)
    {
        BigInteger cos = One;
        BigInteger sin = r;
        BigInteger term = One;
        for (int k = 1; !term.IsZero; k++)
        {
            term = (term * r) >> P;
            term /= k;
            if (k % 2 == 0)
            {
                cos += (k / 2) % 2 == 1 ? -term : term;
            }
            else if (k > 1)
            {
                sin += (k / 2) % 2 == 1 ? -term : term;
            }
        }

        return (cos, sin);
    }

    /// <summary><c>tanh x</c>.</summary>
    internal static (BigInteger M, int E) Tanh(double x)
    {
        double a = Math.Abs(x);
        int sign = x < 0 ? -1 : 1;
        if (a < 1e-12)
        {
            // a - a^3/3 (the next term is below 2^-160 of a): with a = m 2^e, over the common exponent 3e - P.
            (BigInteger m, int e) = Exact(a);
            BigInteger value = (m << (P - (2 * e))) - ((m * m * m) << P) / 3;
            return (sign * value, (3 * e) - P);
        }

        (BigInteger em, int ee) = ExpFixed(Fixed(2 * a));
        BigInteger e2 = ee >= -P ? em << (ee + P) : em >> -(ee + P);
        BigInteger ratio = ((e2 - One) << P) / (e2 + One);
        return (sign * ratio, -P);
    }

    /// <summary>
    /// How far <paramref name="candidate"/> lies from the exact value, in ulps of the exact value's binade (the subnormal ulp below
    /// the normal range).
    /// </summary>
    internal static double UlpError(double candidate, (BigInteger M, int E) exact)
    {
        (BigInteger cm, int ce) = Exact(candidate);
        int common = Math.Min(ce, exact.E);
        BigInteger difference = (cm << (ce - common)) - (exact.M << (exact.E - common));
        if (exact.M.IsZero)
        {
            return candidate == 0 ? 0 : double.PositiveInfinity;
        }

        long top = BigInteger.Abs(exact.M).GetBitLength() - 1 + exact.E;
        long ulpExponent = Math.Max(top - 52, -1074);
        long shift = common - ulpExponent;
        return Math.Abs(Scaled(difference, shift));
    }

    /// <summary>The exact value rounded to a double (toward zero, then checked by the caller through <see cref="UlpError"/>).</summary>
    internal static double ToDouble((BigInteger M, int E) value) => Scaled(value.M, value.E);

    private static double Scaled(BigInteger value, long shift)
    {
        if (value.IsZero)
        {
            return 0;
        }

        long length = BigInteger.Abs(value).GetBitLength();
        int drop = (int)Math.Max(length - 60, 0);
        double head = (double)(value >> drop);
        return Math.ScaleB(head, (int)Math.Clamp(shift + drop, -4000, 4000));
    }

    private static BigInteger ArcTanh(BigInteger s)
    {
        BigInteger s2 = (s * s) >> P;
        BigInteger power = s;
        BigInteger sum = s;
        for (int k = 1; !power.IsZero; k++)
        {
            power = (power * s2) >> P;
            sum += power / ((2 * k) + 1);
        }

        return sum;
    }

    private static BigInteger ArcTanInverse(int n, BigInteger one)
    {
        BigInteger power = one / n;
        BigInteger sum = power;
        for (int k = 1; !power.IsZero; k++)
        {
            power /= n * n;
            BigInteger term = power / ((2 * k) + 1);
            sum += k % 2 == 1 ? -term : term;
        }

        return sum;
    }
}
