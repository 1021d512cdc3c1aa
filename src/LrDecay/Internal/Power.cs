using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>
/// <c>x^p</c> for <c>x</c> in <c>[0, 1]</c> and a finite <c>p &gt; 0</c>, with integer and half-integer exponents up to 8 done by
/// multiplication (and one square root).
/// </summary>
internal readonly struct Power
{
    private const int MaxMultiplied = 8;

    /// <summary>Below this, <c>e^x</c> is 0: <c>e^-746 = 2.07e-324</c>, less than half the smallest subnormal (<c>4.94e-324</c>).</summary>
    internal const double ExpUnderflow = -746.0;
    private readonly int _whole;
    private readonly bool _half;
    private readonly FixedExponentPower? _general;
    private readonly long _unit;

    internal Power(double exponent)
        : this(exponent, 1)
    {
    }

    /// <summary>The power <paramref name="exponent"/> of fractions of <paramref name="unit"/>, for <see cref="OfFraction"/>.</summary>
    internal Power(double exponent, long unit)
    {
        double twice = exponent * 2.0;
        bool halfInteger = twice == Math.Floor(twice) && exponent <= MaxMultiplied;
        _unit = unit;
        _general = halfInteger ? null : new FixedExponentPower(exponent, unit);
        _whole = halfInteger ? (int)Math.Floor(exponent) : 0;
        _half = halfInteger && twice % 2.0 != 0.0;
    }

    /// <summary>
    /// <c>(k / unit)^p</c> for <c>0 &lt;= k &lt;= unit</c>: whole and half-integer powers of the rounded quotient (as <see cref="Of"/>),
    /// any other power of the exact quotient, with no division (<see cref="FixedExponentPower"/> with the unit folded in).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double OfFraction(long k) => _general is not null ? _general.Of(k) : Of((double)k / _unit);

    /// <summary><c>x^p</c> (of <c>x / unit</c> with a unit other than 1: only <see cref="OfFraction"/> takes one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Of(double x)
    {
        if (_general is not null)
        {
            // LrDecay's own power for a fixed exponent (faithful, the same bits everywhere); x = 0 gives 0 for the positive exponents here.
            return _general.Of(x);
        }

        double result = _half ? Math.Sqrt(x) : 1.0;
        for (int i = 0; i < _whole; i++)
        {
            result *= x;
        }

        return result;
    }
}
