using System.Runtime.CompilerServices;
#if NET
using System.Numerics;
#endif

namespace LrDecay.Internal;

/// <summary>Integer bit arithmetic that <c>System.Numerics.BitOperations</c> provides on .NET but netstandard2.0 lacks.</summary>
internal static class BitMath
{
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
