using System.Runtime.CompilerServices;
#if NET
using System.Runtime.Intrinsics;
#endif

namespace LrDecay.Internal;

/// <summary>
/// The cosine ramp <c>h(f) = (1 + cos(pi * f)) / 2</c> for <c>f</c> in <c>[0, 1]</c>, without a cosine call.
/// </summary>
/// <remarks>
/// <para>
/// <c>h(f) = 1 - sin^2(pi * f / 2)</c> up to the middle and <c>sin^2(pi * (1 - f) / 2)</c> after it, so the sine's argument stays in
/// <c>[0, pi/4]</c>, and when <c>f = k / n</c> for integers the argument is computed from <c>min(k, n - k)</c> exactly: near the
/// end of a decay the result keeps its relative accuracy (<c>1 + cos</c> loses it there).
/// </para>
/// <para>
/// The sine is its Taylor polynomial to degree 15 (truncation below 6e-17 relative on <c>[0, pi/4]</c>) by Estrin's scheme;
/// results are within a few ulps of the exact ramp. The scalar and vector forms of <see cref="OfSteps(long, long, double)"/> do the
/// same operations in the same order (no fused multiply-add), so a batch fill gives the same bits as one call per step;
/// <see cref="Of"/>, which has no vector form, evaluates the same polynomial in fused multiply-adds (<see cref="SinFused"/>).
/// </para>
/// </remarks>
internal static class HalfCosine
{
    internal const double HalfPi = Math.PI / 2.0;

    private const double C3 = -1.0 / 6.0;
    private const double C5 = 1.0 / 120.0;
    private const double C7 = -1.0 / 5040.0;
    private const double C9 = 1.0 / 362880.0;
    private const double C11 = -1.0 / 39916800.0;
    private const double C13 = 1.0 / 6227020800.0;
    private const double C15 = -1.0 / 1307674368000.0;

    /// <summary><c>2^-26</c>: below it <see cref="SinFused"/> is its argument.</summary>
    private const double TinyAngle = 1.4901161193847656e-08;

    /// <summary><c>sin(x)</c> for <c>x</c> in <c>[0, pi/4]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Sin(double x)
    {
        double z = x * x;
        double z2 = z * z;
        double q0 = 1.0 + (C3 * z);
        double q1 = C5 + (C7 * z);
        double q2 = C9 + (C11 * z);
        double q3 = C13 + (C15 * z);
        double r0 = q0 + (q1 * z2);
        double r1 = q2 + (q3 * z2);
        return x * (r0 + (r1 * (z2 * z2)));
    }

    /// <summary>
    /// <c>sin(x)</c> for <c>x</c> in <c>[0, pi/4]</c> in fused multiply-adds (<see cref="Fused"/>): <c>x + x^3 p(x^2)</c>, <c>p</c> by
    /// Estrin's scheme, the same coefficients as <see cref="Sin(double)"/>. Shorter than it (seven fused steps for fourteen rounded ones)
    /// and as accurate; for <see cref="Of"/>, which has no vector form to agree with. Below <c>2^-26</c> the sine rounds to <c>x</c>
    /// (<c>x^3 / 6</c> is below a quarter of its ulp), said straight away, which also keeps every product of the polynomial above
    /// <c>2^-240</c>, far inside what the emulated fused multiply-add needs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double SinFused(double x)
    {
        if (x < TinyAngle)
        {
            return x;
        }

        double z = x * x;
        double z2 = z * z;
        double p01 = Fused.MultiplyAdd(C5, z, C3);
        double p23 = Fused.MultiplyAdd(C9, z, C7);
        double p45 = Fused.MultiplyAdd(C13, z, C11);
        double p03 = Fused.MultiplyAdd(p23, z2, p01);
        double p46 = Fused.MultiplyAdd(C15, z2, p45);
        double p = Fused.MultiplyAdd(p46, z2 * z2, p03);
        return Fused.MultiplyAdd(x * z, p, x);
    }

    /// <summary><c>h(k / n)</c> for integers <c>0 &lt;= k &lt;= n</c>, given <paramref name="piOver2N"/> <c>= pi / (2 n)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double OfSteps(long k, long n, double piOver2N)
    {
        long rest = n - k;
        if (k <= rest)
        {
            double s = Sin(k * piOver2N);
            return 1.0 - (s * s);
        }
        else
        {
            double s = Sin(rest * piOver2N);
            return s * s;
        }
    }

    /// <summary><c>h(f)</c> for <c>f</c> in <c>[0, 1]</c> (and by the plain formula outside it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Of(double f)
    {
        if (!(f >= 0.0 && f <= 1.0))
        {
            // Outside the ramp (a caller's rounding, or NaN): the plain formula, which the polynomial does not cover.
            return (1.0 + Elementary.Cos(Math.PI * f)) * 0.5;
        }

        // One sine for both halves (sin^2 of the distance to the nearer end), so a caller that inlines this inlines one polynomial.
        bool firstHalf = f <= 0.5;
        double s = SinFused((firstHalf ? f : 1.0 - f) * HalfPi);
        double square = s * s;
        return firstHalf ? 1.0 - square : square;
    }

    /// <summary>The <c>pi / (2 n)</c> that <see cref="OfSteps(long, long, double)"/> takes.</summary>
    internal static double PiOver2N(long n) => Math.PI / (2.0 * n);

#if NET
    /// <summary>The vector form of <see cref="Sin(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Sin(Vector256<double> x)
    {
        Vector256<double> z = x * x;
        Vector256<double> z2 = z * z;
        Vector256<double> q0 = Vector256.Create(1.0) + (Vector256.Create(C3) * z);
        Vector256<double> q1 = Vector256.Create(C5) + (Vector256.Create(C7) * z);
        Vector256<double> q2 = Vector256.Create(C9) + (Vector256.Create(C11) * z);
        Vector256<double> q3 = Vector256.Create(C13) + (Vector256.Create(C15) * z);
        Vector256<double> r0 = q0 + (q1 * z2);
        Vector256<double> r1 = q2 + (q3 * z2);
        return x * (r0 + (r1 * (z2 * z2)));
    }

    /// <summary>
    /// The vector form of <see cref="OfSteps(long, long, double)"/>: <paramref name="k"/> and <paramref name="n"/> hold whole numbers below 2^53
    /// (so they and <c>n - k</c> are exact).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> OfSteps(Vector256<double> k, Vector256<double> n, Vector256<double> piOver2N)
    {
        Vector256<double> rest = n - k;
        Vector256<double> rising = Vector256.LessThanOrEqual(k, rest);
        Vector256<double> s = Sin(Vector256.ConditionalSelect(rising, k, rest) * piOver2N);
        Vector256<double> s2 = s * s;
        return Vector256.ConditionalSelect(rising, Vector256.Create(1.0) - s2, s2);
    }
#endif
}
