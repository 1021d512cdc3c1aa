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
/// says which, and its sign bit corrects both without a branch. From <see cref="ProductLimit"/> on, a division.
/// </remarks>
internal readonly struct StepDivisor
{
    /// <summary>Below this step the quotient comes from a product with the inverse.</summary>
    internal const long ProductLimit = 1L << 51;

    private readonly long _divisor;
    private readonly double _inverse;

    /// <summary>Creates the divisor; <paramref name="divisor"/> is positive (the caller has checked it).</summary>
    internal StepDivisor(long divisor)
    {
        _divisor = divisor;
        _inverse = 1.0 / divisor;
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
            long exact = step / divisor;
            remainder = step - (exact * divisor);
            return exact;
        }

        long quotient = BitMath.RoundToLong(step * _inverse);
        long rest = step - (quotient * divisor);
        long borrow = rest >> 63;
        remainder = rest + (divisor & borrow);
        return quotient + borrow;
    }
}
