using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>
/// Error-free transformations of doubles, the building blocks of <see cref="Elementary"/>'s double-double arithmetic: a sum or a
/// product as the rounded result plus its exact rounding error.
/// </summary>
/// <remarks>
/// Every build and every machine gets the same bits: sums by <c>+</c> and <c>-</c>; a product's exact error from a fused multiply-add
/// on .NET and from Dekker's splitting on netstandard2.0 (no fused multiply-add there), which give the same exact value. Where a kernel
/// rounds a multiply and an add once (a polynomial step), it says so through <see cref="Fused.MultiplyAdd"/>, which is the same one
/// rounding on both builds.
/// </remarks>
internal static class DoubleDouble
{
    /// <summary><c>2^27 + 1</c>: multiplying by it splits a double into two halves of at most 26 bits each.</summary>
    private const double Splitter = 134217729.0;

    /// <summary>
    /// <c>s = a + b</c> rounded and <c>e = a + b - s</c> exactly, for any finite <paramref name="a"/> and <paramref name="b"/>
    /// (Knuth's two-sum).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double TwoSum(double a, double b, out double e)
    {
        double s = a + b;
        double bb = s - a;
        e = (a - (s - bb)) + (b - bb);
        return s;
    }

    /// <summary><c>s = a + b</c> rounded and its exact error, when <c>|a| &gt;= |b|</c> or <paramref name="a"/> is 0 (Dekker's fast two-sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double FastTwoSum(double a, double b, out double e)
    {
        double s = a + b;
        e = b - (s - a);
        return s;
    }

    /// <summary>
    /// <c>p = a * b</c> rounded and <c>e = a * b - p</c> exactly (Dekker's product), for factors below <c>2^995</c> in magnitude whose
    /// product and partial products neither overflow nor underflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double TwoProduct(double a, double b, out double e)
    {
        double p = a * b;
#if NET
        // The exact error in one instruction: a fused multiply-add rounds a * b - p once, and that value is representable, so the
        // result is the same exact error the netstandard2.0 build gets below (Math.FusedMultiplyAdd is fused by definition, in
        // hardware or in software).
        e = Math.FusedMultiplyAdd(a, b, -p);
#else
        DekkerProduct(a, b, p, out e);
#endif
        return p;
    }

    /// <summary>
    /// The exact error <c>e = a * b - p</c> of the rounded product <paramref name="p"/> by Dekker's splitting, with no fused
    /// multiply-add: what <see cref="TwoProduct"/> computes on netstandard2.0 (and on every build for <see cref="Fused.Emulated"/>, so
    /// that tests on .NET check the netstandard2.0 arithmetic against the hardware's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void DekkerProduct(double a, double b, double p, out double e)
    {
        double ta = Splitter * a;
        double aHi = ta - (ta - a);
        double aLo = a - aHi;
        double tb = Splitter * b;
        double bHi = tb - (tb - b);
        double bLo = b - bHi;
        e = (((aHi * bHi) - p) + (aHi * bLo) + (aLo * bHi)) + (aLo * bLo);
    }

    /// <summary><c>2^n</c> for a whole <paramref name="n"/> in <c>[-1022, 1023]</c>, from its bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double PowerOfTwo(int n) => BitConverter.Int64BitsToDouble((long)(n + 1023) << 52);

    /// <summary>
    /// <paramref name="x"/> times <c>2^n</c> for a whole <paramref name="n"/> and <c>1/2 &lt;= |x| &lt; 4</c>, rounded once: exact
    /// unless the result leaves the normal range, where it rounds to a subnormal, 0 or infinity as one product would.
    /// </summary>
    internal static double Scale(double x, int n)
    {
        if (n >= -1022 && n <= 1023)
        {
            return x * PowerOfTwo(n);
        }

        if (n > 1023)
        {
            // x * 2^1023 is finite and exact; the second product overflows or not, once.
            return (x * PowerOfTwo(1023)) * PowerOfTwo(Math.Min(n - 1023, 1023));
        }

        // x * 2^-1021 is normal and exact; the second product rounds once to the subnormal grid (or to 0 below it).
        return (x * PowerOfTwo(-1021)) * PowerOfTwo(Math.Max(n + 1021, -1022));
    }

    /// <summary>
    /// <c>(hi + lo) * 2^n</c> rounded once to the nearest double (ties to even), for a double-double with <c>1/2 &lt;= hi &lt; 4</c> and
    /// <c>|lo| &lt;= ulp(hi) / 2</c>: where the result is normal, the exact scaling of <paramref name="hi"/>; below the normal range,
    /// <c>hi + lo</c> rounded to the subnormal grid directly (so no second rounding of an already rounded <c>hi</c>).
    /// </summary>
    internal static double ScaleRounded(double hi, double lo, int n)
    {
        int k = n + 1074;
        if (n >= -1021 || (n == -1022 && Math.Abs(hi) >= 1.0))
        {
            // Normal (or overflowing) results.
            return Scale(hi, n);
        }

        if (k < -2)
        {
            // Below a quarter of the smallest subnormal: 0.
            return hi * 0.0;
        }

        // h = hi 2^k and l = lo 2^k exactly (h below 2^52): the result is round(h + l) subnormal units.
        double scale = k >= 0 ? PowerOfTwo(k) : 1.0 / PowerOfTwo(-k);
        double h = Math.Abs(hi) * scale;
        double l = (hi < 0.0 ? -lo : lo) * scale;
        double r = (h + BitMath.RoundingMagic) - BitMath.RoundingMagic;
        double d = TwoSum(h - r, l, out double de);
        if (d > 0.5 || (d == 0.5 && (de > 0.0 || (de == 0.0 && Math.Floor(r * 0.5) * 2.0 != r))))
        {
            r += 1.0;
        }
        else if (d < -0.5 || (d == -0.5 && (de < 0.0 || (de == 0.0 && Math.Floor(r * 0.5) * 2.0 != r))))
        {
            r -= 1.0;
        }

        double value = BitConverter.Int64BitsToDouble((long)r);
        return hi < 0.0 ? -value : value;
    }
}
