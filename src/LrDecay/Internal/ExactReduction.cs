using System.Numerics;

namespace LrDecay.Internal;

/// <summary>
/// <c>x mod pi/2</c> for the large arguments of <see cref="Elementary.Cos"/> and <see cref="Elementary.Sin"/> (above
/// <see cref="Elementary.FastReductionLimit"/>), in integer arithmetic: <c>pi / 2</c> to 1,400 bits, so the reduced argument is within
/// <c>2^-300</c> for every finite double. Slow (microseconds), and no schedule's argument reaches it.
/// </summary>
internal static class ExactReduction
{
    /// <summary>The fixed-point fraction bits: above <c>2^1024</c> (the largest double) by 376 bits of headroom.</summary>
    private const int FractionBits = 1400;

    private static BigInteger? s_piOver2;

    /// <summary><c>floor(pi / 2 * 2^FractionBits)</c>, from Machin's formula, computed on first use.</summary>
    private static BigInteger PiOver2
    {
        get
        {
            BigInteger? value = s_piOver2;
            if (value is null)
            {
                const int Guard = 64;
                BigInteger one = BigInteger.One << (FractionBits + Guard);

                // pi / 2 = 8 atan(1/5) - 2 atan(1/239).
                BigInteger pi2 = (8 * ArcTangentOfInverse(5, one)) - (2 * ArcTangentOfInverse(239, one));
                value = pi2 >> Guard;
                s_piOver2 = value;
            }

            return value.Value;
        }
    }

    /// <summary>
    /// <c>x = k pi / 2 + r</c> for a finite <paramref name="x"/> <c>&gt;= 1</c>: returns <c>k mod 4</c> and <c>r = rh + rl</c>,
    /// <c>|r| &lt;= pi / 4</c>.
    /// </summary>
    internal static int Reduce(double x, out double rh, out double rl)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)(bits >> 52) - 1075;
        BigInteger fixedX = new BigInteger((bits & 0xFFFFFFFFFFFFFL) | (1L << 52)) << (exponent + FractionBits);
        BigInteger q = PiOver2;
        BigInteger k = BigInteger.Divide(fixedX + (q >> 1), q);
        BigInteger r = fixedX - (k * q);
        int quadrant = (int)(k & 3);
        rh = ToDoubleDouble(r, FractionBits, out rl);
        return quadrant;
    }

    /// <summary><c>value * 2^-fractionBits</c> as a double-double (each part truncated, so no conversion's rounding is involved).</summary>
    internal static double ToDoubleDouble(BigInteger value, int fractionBits, out double lo)
    {
        int sign = value.Sign;
        BigInteger magnitude = BigInteger.Abs(value);
        if (sign == 0)
        {
            lo = 0.0;
            return 0.0;
        }

        long length = BitLength(magnitude);
        double hi = Truncated(magnitude, length, fractionBits, out BigInteger rest);
        lo = rest.IsZero ? 0.0 : Truncated(rest, BitLength(rest), fractionBits, out _);
        hi = DoubleDouble.FastTwoSum(hi, lo, out lo);
        if (sign < 0)
        {
            lo = -lo;
            return -hi;
        }

        return hi;

        static double Truncated(BigInteger v, long length, int fractionBits, out BigInteger rest)
        {
            int shift = (int)Math.Max(length - 53, 0);
            long top = (long)(v >> shift);
            rest = v - (new BigInteger(top) << shift);

            // top * 2^(shift - fractionBits), exact: top has at most 53 bits and the exponent stays in the normal range here.
            return top * DoubleDouble.PowerOfTwo(shift - fractionBits);
        }
    }

    /// <summary>The number of bits of a positive integer.</summary>
    internal static long BitLength(BigInteger value)
    {
        byte[] bytes = value.ToByteArray();
        int last = bytes.Length - 1;
        while (last > 0 && bytes[last] == 0)
        {
            last--;
        }

        return (last * 8L) + BitMath.Log2(bytes[last]) + 1;
    }

    /// <summary><c>atan(1 / n)</c> in fixed point with <paramref name="one"/> as 1, by its series.</summary>
    private static BigInteger ArcTangentOfInverse(int n, BigInteger one)
    {
        BigInteger power = one / n;
        BigInteger sum = power;
        BigInteger n2 = n * n;
        for (int k = 1; !power.IsZero; k++)
        {
            power /= n2;
            BigInteger term = power / ((2 * k) + 1);
            sum += (k & 1) == 1 ? -term : term;
        }

        return sum;
    }
}
