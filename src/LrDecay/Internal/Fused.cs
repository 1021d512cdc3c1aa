using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>
/// <c>a * b + c</c> rounded once (a fused multiply-add), with the same bits on every build: the instruction on .NET, an exact
/// emulation on netstandard2.0, which has no fused multiply-add.
/// </summary>
/// <remarks>
/// <para>
/// The emulation is Boldo and Melquiond's (<i>Emulation of FMA and correctly rounded sums: proved algorithms using rounding to
/// odd</i>, IEEE Transactions on Computers 57(4), 2008): the product as an exact sum <c>uh + ul</c>, <c>c + uh</c> as an exact sum
/// <c>th + tl</c>, then <c>th + o(tl + ul)</c> rounded to nearest, where <c>o</c> rounds to odd (the neighbour with an odd last bit
/// when the sum is not exact). Rounding to odd keeps the information that a second rounding to nearest needs, so the result is the
/// correctly rounded <c>a * b + c</c>.
/// </para>
/// <para>
/// The emulation holds for finite operands below <c>2^995</c> in magnitude whose product is 0 or at least <c>2^-960</c> in magnitude
/// (so that its exact error is a double) and a result that is 0 or a normal double. The kernels that call it keep their operands
/// far inside those bounds (each says how); tests compare it with the hardware instruction on hard cases.
/// </para>
/// </remarks>
internal static class Fused
{
    /// <summary><c>a * b + c</c> with one rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double MultiplyAdd(double a, double b, double c)
    {
#if NET
        return Math.FusedMultiplyAdd(a, b, c);
#else
        return Emulated(a, b, c);
#endif
    }

    /// <summary>
    /// <c>a * b + c</c> with one rounding, without a fused multiply-add (the netstandard2.0 form of <see cref="MultiplyAdd"/>; compiled
    /// on every build so that tests on .NET can check it against the instruction).
    /// </summary>
    internal static double Emulated(double a, double b, double c)
    {
        double uh = a * b;
        if (uh == 0.0)
        {
            // A zero factor: the product is an exact (signed) zero, and the sum keeps IEEE's sign of zero.
            return uh + c;
        }

        DoubleDouble.DekkerProduct(a, b, uh, out double ul);
        double th = DoubleDouble.TwoSum(c, uh, out double tl);
        return th + RoundedToOdd(tl, ul);
    }

    /// <summary><c>x + y</c> rounded to odd: exact when representable, otherwise the neighbour of the exact sum whose last bit is 1.</summary>
    private static double RoundedToOdd(double x, double y)
    {
        double s = DoubleDouble.TwoSum(x, y, out double e);
        long bits = BitConverter.DoubleToInt64Bits(s);
        if (e == 0.0 || (bits & 1) != 0)
        {
            return s;
        }

        // s is the even neighbour of the exact sum s + e; the odd one is the next double towards e (one step of the magnitude's bits,
        // up when e points away from 0, as s does, and down otherwise). s is not 0 here: a sum that rounds to 0 is exact.
        return BitConverter.Int64BitsToDouble(bits + ((s > 0.0) == (e > 0.0) ? 1 : -1));
    }
}
