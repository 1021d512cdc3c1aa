using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>
/// <c>x^y</c> for an exponent <c>y</c> fixed once (a <c>kDecay</c>, a polynomial's power, an inverse square root's power) and a base
/// that changes every step: no logarithm and no exponential per call, only a table lookup and a short polynomial. Faithful (within
/// 0.53 ulp by the error budget below; measured below 0.510), with the same operations on every machine and build.
/// </summary>
/// <remarks>
/// <para>
/// <c>x = 2^e m</c>, split as <see cref="PowKernel"/> splits it: <c>m</c> in <c>[0.709, 1.418)</c>, one of 128 buckets with
/// <c>inv</c> the reciprocal of its middle, so <c>m = (1 + r) / inv</c> with <c>r = m inv - 1</c> rounded once (one fused
/// multiply-add; the exact product and an exact subtraction on the netstandard2.0 build give the same rounding) and
/// <c>|r| &lt;= 2^-8</c>. Then <c>x^y = 2^(e y) * inv^(-y) * (1 + r)^y</c>.
/// </para>
/// <para>
/// The first two factors are tabulated per exponent as double-doubles (<see cref="Elementary.PowWide"/>, relative error below
/// <c>2^-62</c>): <c>2^(e y)</c> for <c>e</c> in <c>[-64, 64]</c> and <c>inv^(-y)</c> for the 128 buckets. Their product is a
/// double-double (an exact product of the high parts and the cross terms). <c>(1 + r)^y - 1 = q</c> is the binomial series
/// <c>sum binom(y, k) r^k</c> to <c>k = 7</c> (truncation below <c>2^-60</c> for <c>|y| &lt;= 2</c>), by Estrin's scheme in fused
/// multiply-adds (<see cref="Fused"/>: the same one rounding per step on every build). The result is <c>ph + (pl (1 + q) + ph q)</c>,
/// one rounding of a value whose small part is below <c>2^-6</c> of it.
/// </para>
/// <para>
/// With a unit <c>u</c> (a schedule's fraction <c>t / u</c> of a fixed length), the table of binary exponents holds
/// <c>2^(e y) u^-y</c> instead, so <c>(t / u)^y</c> is the power of the exact quotient, with no division and no rounding before it.
/// </para>
/// <para>
/// Bases outside <c>[2^-64, 2^65)</c> (0, subnormals, huge values, NaN) and exponents with <c>|y| &gt; 2</c> or <c>|y| &lt; 2^-500</c>
/// take <see cref="Elementary.Pow"/>.
/// </para>
/// </remarks>
internal sealed class FixedExponentPower
{
    /// <summary>The binary exponents tabulated: <c>e</c> in <c>[-MaxExponent, MaxExponent]</c>.</summary>
    private const int MaxExponent = 64;

    /// <summary>The largest <c>|y|</c> the series serves at full accuracy.</summary>
    private const double MaxSeriesExponent = 2.0;

    /// <summary>
    /// The smallest <c>|y|</c> the series serves, <c>2^-500</c>: every product in it is then 0 or above <c>2^-960</c> (<c>|r|</c> is 0 or
    /// at least <c>2^-106</c>), as <see cref="Fused"/>'s emulation needs.
    /// </summary>
    private const double MinSeriesExponent = 3.054936363499605e-151;

    private readonly double _y;
    private readonly long _unit;

    /// <summary><c>2 MaxExponent + 1</c>, the number of tabulated binary exponents, or 0 when the series does not serve <c>y</c>.</summary>
    private readonly ulong _exponents;

    /// <summary>Per bucket: <c>inv</c> and <c>inv^(-y)</c>.</summary>
    private readonly Bucket[] _buckets;

    /// <summary>Per binary exponent <c>e</c>: <c>2^(e y)</c>, at <c>e + MaxExponent</c>.</summary>
    private readonly Scale[] _scales;

    private readonly double _b1;
    private readonly double _b2;
    private readonly double _b3;
    private readonly double _b4;
    private readonly double _b5;
    private readonly double _b6;
    private readonly double _b7;

    /// <summary>Tabulates the powers for the exponent <paramref name="y"/>.</summary>
    /// <param name="y">The fixed exponent, finite.</param>
    internal FixedExponentPower(double y)
        : this(y, 1)
    {
    }

    /// <summary>
    /// Tabulates <c>(x / unit)^y</c> for the exponent <paramref name="y"/>: <c>unit^-y</c> is folded into the table of binary
    /// exponents, so a step's fraction of a fixed length costs no division and no rounding before the power.
    /// </summary>
    /// <param name="y">The fixed exponent, finite.</param>
    /// <param name="unit">The length the base is a fraction of, at least 1.</param>
    internal FixedExponentPower(double y, long unit)
    {
        _y = y;
        _unit = unit;
        bool series = Math.Abs(y) >= MinSeriesExponent && Math.Abs(y) <= MaxSeriesExponent;
        _exponents = series ? (2 * MaxExponent) + 1 : 0UL;
        _buckets = new Bucket[series ? 128 : 0];
        _scales = new Scale[series ? (2 * MaxExponent) + 1 : 0];
        if (!series)
        {
            return;
        }

        for (int i = 0; i < 128; i++)
        {
            double inv = PowKernel.Inverses[i];
            (double hi, double lo) = Wide(inv, -y);
            _buckets[i] = new Bucket(inv, hi, lo);
        }

        // unit^-y, as a double-double (1 for the plain power).
        (double uh, double ul) = Wide(unit, -y);

        for (int e = -MaxExponent; e <= MaxExponent; e++)
        {
            (double hi, double lo) = Wide(DoubleDouble.PowerOfTwo(e), y);

            // 2^(e y) unit^-y: an exact product of the high parts, the cross terms, then normalized.
            double ph = DoubleDouble.TwoProduct(hi, uh, out double pe);
            pe += (hi * ul) + (lo * uh);
            ph = DoubleDouble.FastTwoSum(ph, pe, out pe);
            _scales[e + MaxExponent] = new Scale(ph, pe);
        }

        // binom(y, k) = binom(y, k - 1) (y - k + 1) / k.
        _b1 = y;
        _b2 = _b1 * (y - 1.0) / 2.0;
        _b3 = _b2 * (y - 2.0) / 3.0;
        _b4 = _b3 * (y - 3.0) / 4.0;
        _b5 = _b4 * (y - 4.0) / 5.0;
        _b6 = _b5 * (y - 5.0) / 6.0;
        _b7 = _b6 * (y - 6.0) / 7.0;
    }

    /// <summary><c>(x / unit)^y</c> (<c>x^y</c> without a unit), with <see cref="Elementary.Pow"/>'s special cases.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Of(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        long shifted = bits - PowKernel.Offset;
        long e = shifted >> 52;
        if ((ulong)(e + MaxExponent) >= _exponents)
        {
            return Outside(x);
        }

        ref readonly Bucket bucket = ref _buckets[PowKernel.Bucket(shifted)];
        double m = PowKernel.Significand(bits, shifted);
#if NET
        double r = Math.FusedMultiplyAdd(m, bucket.Inverse, -1.0);
#else
        // m inv = p + pe exactly and p - 1 is exact (p is within 2^-8 of 1), so this is the fused multiply-add's one rounding.
        double p = DoubleDouble.TwoProduct(m, bucket.Inverse, out double pe);
        double r = (p - 1.0) + pe;
#endif
        // q = (1 + r)^y - 1 by Estrin's scheme, each step a fused multiply-add.
        double r2 = r * r;
        double b23 = Fused.MultiplyAdd(r, _b3, _b2);
        double b45 = Fused.MultiplyAdd(r, _b5, _b4);
        double b67 = Fused.MultiplyAdd(r, _b7, _b6);
        double tail = Fused.MultiplyAdd(r2 * r2, b67, Fused.MultiplyAdd(r2, b45, b23));
        double q = Fused.MultiplyAdd(r2, tail, r * _b1);

        ref readonly Scale scale = ref _scales[(int)e + MaxExponent];
        double ph = DoubleDouble.TwoProduct(scale.High, bucket.High, out double pe2);
        double pl = pe2 + ((scale.High * bucket.Low) + (scale.Low * bucket.High));
        return ph + Fused.MultiplyAdd(ph, q, Fused.MultiplyAdd(pl, q, pl));
    }

    /// <summary><c>x^y</c> as a double-double (<see cref="Elementary.PowWide"/>, scaled back), exactly 1 for <c>x = 1</c>.</summary>
    private static (double Hi, double Lo) Wide(double x, double y)
    {
        if (x == 1.0)
        {
            return (1.0, 0.0);
        }

        double hi = Elementary.PowWide(x, y, out double lo, out int n);
        return (DoubleDouble.Scale(hi, n), DoubleDouble.Scale(lo, n));
    }

    /// <summary>
    /// A base outside the tables (or an exponent beyond the series): <see cref="Elementary.Pow"/>, out of line. With a unit, of the
    /// rounded quotient <c>x / unit</c> (the schedules that give one pass whole steps, so only 0, exact, or an exponent beyond the
    /// series come here).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double Outside(double x) => Elementary.Pow(_unit == 1 ? x : x / _unit, _y);

    /// <summary>A bucket's <c>inv</c> and <c>inv^(-y) = High + Low</c>.</summary>
    private readonly struct Bucket
    {
        internal Bucket(double inverse, double high, double low)
        {
            Inverse = inverse;
            High = high;
            Low = low;
        }

        internal double Inverse { get; }

        internal double High { get; }

        internal double Low { get; }
    }

    /// <summary><c>2^(e y) = High + Low</c>.</summary>
    private readonly struct Scale
    {
        internal Scale(double high, double low)
        {
            High = high;
            Low = low;
        }

        internal double High { get; }

        internal double Low { get; }
    }
}
