using System.Runtime.CompilerServices;
#if NET
using System.Numerics;
#endif

namespace LrDecay.Internal;

/// <summary>Integer bit arithmetic that <c>System.Numerics.BitOperations</c> provides on .NET but netstandard2.0 lacks.</summary>
internal static class BitMath
{
    /// <summary>1.5 * 2^52: adding it to a double below 2^51 in magnitude rounds it to the nearest integer, held in the low bits.</summary>
    internal const double RoundingMagic = 6755399441055744.0;

    /// <summary>The bits of <see cref="RoundingMagic"/>.</summary>
    private const long RoundingMagicBits = 0x4338000000000000;

    /// <summary><paramref name="x"/> rounded to the nearest integer (ties to even), for <c>|x| &lt; 2^51</c>, without a conversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long RoundToLong(double x) => BitConverter.DoubleToInt64Bits(x + RoundingMagic) - RoundingMagicBits;

    /// <summary>
    /// The bits of a positive finite <paramref name="x"/>, scaled into the normal range when it is subnormal (times <c>2^54</c>, exact):
    /// <paramref name="scaledBy"/> is then -54 (the binary exponent to add back), else 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long NormalBits(double x, out int scaledBy)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        scaledBy = 0;
        if (bits < 1L << 52)
        {
            bits = BitConverter.DoubleToInt64Bits(x * 18014398509481984.0);
            scaledBy = -54;
        }

        return bits;
    }

    /// <summary><c>floor(log2(value))</c>, the index of the highest set bit; 0 for 0 (as <c>BitOperations.Log2</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Log2(ulong value)
    {
#if NET
        return BitOperations.Log2(value);
#else
        return Log2Portable(value);
#endif
    }

    /// <summary><see cref="Log2"/> by halving the width: the netstandard2.0 form, compiled everywhere so that tests can run it.</summary>
    internal static int Log2Portable(ulong value)
    {
        int log = 0;
        for (int shift = 32; shift > 0; shift >>= 1)
        {
            if (value >> shift != 0)
            {
                value >>= shift;
                log += shift;
            }
        }

        return log;
    }
}
