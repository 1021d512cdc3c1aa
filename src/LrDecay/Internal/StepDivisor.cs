using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>
/// Exact <c>floor(step / divisor)</c> for a non-negative step and a positive divisor, without a 64-bit division below
/// <see cref="ProductLimit"/> (a division costs 10 to 20 cycles and does not pipeline; a product, a rounding and a correction do).
/// </summary>
/// <remarks>
/// Below <see cref="ProductLimit"/> the quotient is below 2^51, and <c>step * (1 / divisor)</c> (two roundings, each within 2^-53
/// relative) is within <c>2^51 / divisor * 2^-52 &lt;= 1/4</c> of the exact ratio when <c>divisor &gt;= 2</c>, and equal to it when
/// <c>divisor = 1</c> (the inverse is exact). Rounded to the nearest integer it is the quotient or one more; the sign of the remainder
/// says which, and its sign bit corrects both without a branch. From <see cref="ProductLimit"/> on, the high half of a 64-bit product
/// with a magic number and a shift on .NET (a 64-bit division costs several times more, in the middle of a call of a few ns), and a
/// division on netstandard2.0.
/// </remarks>
internal readonly struct StepDivisor
{
    /// <summary>Below this step the quotient comes from a product with the inverse.</summary>
    internal const long ProductLimit = 1L << 51;

    private readonly long _divisor;
    private readonly double _inverse;
#if NET
    private readonly ulong _magic;
    private readonly int _shift;
#endif

    /// <summary>Creates the divisor; <paramref name="divisor"/> is positive (the caller has checked it).</summary>
    internal StepDivisor(long divisor)
    {
        _divisor = divisor;
        _inverse = 1.0 / divisor;
#if NET
        // Granlund and Montgomery (1994), theorem 4.2, for dividends below 2^63: with l = ceil(log2 d) and m = floor(2^(63 + l) / d) + 1,
        // m d lies in (2^(63 + l), 2^(63 + l) + d], within 2^l of 2^(63 + l), so floor(n / d) = floor(m n / 2^(63 + l)) for every
        // 0 <= n < 2^63: the high 64 bits of m n shifted right by l - 1. For d >= 2, d > 2^(l - 1) (or d = 2^l) keeps m below 2^64.
        if (divisor > 1)
        {
            int l = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)divisor - 1);
            _magic = (ulong)((UInt128.One << (63 + l)) / (ulong)divisor) + 1;
            _shift = l - 1;
        }
#endif
    }

    /// <summary><c>floor(step / divisor)</c> for <c>step &gt;= 0</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long Quotient(long step) => Quotient(step, out _);

    /// <summary><c>floor(step / divisor)</c> and <c>step mod divisor</c> for <c>step &gt;= 0</c>, both exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long Quotient(long step, out long remainder)
    {
        long divisor = _divisor;
        if (step >= ProductLimit)
        {
            long exact = Far(step);
            remainder = step - (exact * divisor);
            return exact;
        }

        long quotient = BitMath.RoundToLong(step * _inverse);
        long rest = step - (quotient * divisor);
        long borrow = rest >> 63;
        remainder = rest + (divisor & borrow);
        return quotient + borrow;
    }

    /// <summary><c>floor(step / divisor)</c> for <c>step &gt;= 0</c>, by the magic product on .NET.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long Far(long step)
    {
#if NET
        if (_magic == 0)
        {
            // Divisor 1.
            return step;
        }

        return (long)((ulong)(((UInt128)(ulong)step * _magic) >> 64) >> _shift);
#else
        return step / _divisor;
#endif
    }
}
