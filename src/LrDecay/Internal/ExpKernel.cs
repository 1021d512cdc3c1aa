using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET
using System.Runtime.Intrinsics;
#endif

namespace LrDecay.Internal;

/// <summary>
/// <c>e^x</c> for <c>x &lt;= 0</c> (a decay's exponent), written once for scalars and once for vectors with the same operations in
/// the same order, so a batch fill gives the same bits as one call per step. Within 2 ulps of <see cref="Math.Exp"/>.
/// </summary>
/// <remarks>
/// <c>x = n ln2 + r</c>, <c>|r| &lt;= ln2 / 2</c> (Cody-Waite: <c>ln2</c> split in two so <c>n * Ln2Hi</c> is exact), <c>e^r</c> by its
/// Taylor polynomial to degree 13 (truncation below 1e-17) in Estrin's scheme, then two exact power-of-two scalings (each factor
/// normal, so results down into the subnormals round once). <c>x</c> below -746 gives 0, as <see cref="Math.Exp"/> does.
/// </remarks>
internal static class ExpKernel
{
    private const double InvLn2 = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Magic = 6755399441055744.0; // 1.5 * 2^52: adding it rounds to an integer held in the low bits.
    private const double Lowest = -746.0;
    private const double A2 = 1.0 / 2;
    private const double A3 = 1.0 / 6;
    private const double A4 = 1.0 / 24;
    private const double A5 = 1.0 / 120;
    private const double A6 = 1.0 / 720;
    private const double A7 = 1.0 / 5040;
    private const double A8 = 1.0 / 40320;
    private const double A9 = 1.0 / 362880;
    private const double A10 = 1.0 / 3628800;
    private const double A11 = 1.0 / 39916800;
    private const double A12 = 1.0 / 479001600;
    private const double A13 = 1.0 / 6227020800;

    /// <summary><c>e^x</c> for <c>x &lt;= 0</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Of(double x)
    {
        x = Math.Max(x, Lowest);
        double n = ((x * InvLn2) + Magic) - Magic;
        double r = (x - (n * Ln2Hi)) - (n * Ln2Lo);
        double r2 = r * r;
        double r4 = r2 * r2;
        double s0 = (1.0 + r) + ((A2 + (A3 * r)) * r2);
        double s1 = (A4 + (A5 * r)) + ((A6 + (A7 * r)) * r2);
        double s2 = (A8 + (A9 * r)) + ((A10 + (A11 * r)) * r2);
        double s3 = A12 + (A13 * r);
        double p = (s0 + (s1 * r4)) + ((s2 + (s3 * r4)) * (r4 * r4));
        double n1 = Math.Floor(n * 0.5);
        return (p * PowerOfTwo(n1)) * PowerOfTwo(n - n1);
    }

    /// <summary><c>2^m</c> for a whole <paramref name="m"/> in <c>[-1022, 1023]</c>, from its bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PowerOfTwo(double m) =>
        BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(m + Magic) + 1023) << 52);

    /// <summary><c>destination[i] = scale * e^destination[i]</c>, vectorised; each element as <c>scale * Of(x)</c> gives it.</summary>
    internal static void ScaleExpInPlace(Span<double> destination, double scale)
    {
        int i = 0;
#if NET
        if (Vector256.IsHardwareAccelerated)
        {
            ref double d = ref MemoryMarshal.GetReference(destination);
            Vector256<double> factor = Vector256.Create(scale);
            for (; i <= destination.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                (factor * Of(Vector256.LoadUnsafe(ref d, (nuint)i))).StoreUnsafe(ref d, (nuint)i);
            }
        }
#endif
        for (; i < destination.Length; i++)
        {
            destination[i] = scale * Of(destination[i]);
        }
    }

#if NET
    /// <summary>The vector form of <see cref="Of(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Of(Vector256<double> x)
    {
        Vector256<double> magic = Vector256.Create(Magic);
        x = Vector256.Max(x, Vector256.Create(Lowest));
        Vector256<double> n = ((x * Vector256.Create(InvLn2)) + magic) - magic;
        Vector256<double> r = (x - (n * Vector256.Create(Ln2Hi))) - (n * Vector256.Create(Ln2Lo));
        Vector256<double> r2 = r * r;
        Vector256<double> r4 = r2 * r2;
        Vector256<double> s0 = (Vector256.Create(1.0) + r) + ((Vector256.Create(A2) + (Vector256.Create(A3) * r)) * r2);
        Vector256<double> s1 = (Vector256.Create(A4) + (Vector256.Create(A5) * r)) + ((Vector256.Create(A6) + (Vector256.Create(A7) * r)) * r2);
        Vector256<double> s2 = (Vector256.Create(A8) + (Vector256.Create(A9) * r)) + ((Vector256.Create(A10) + (Vector256.Create(A11) * r)) * r2);
        Vector256<double> s3 = Vector256.Create(A12) + (Vector256.Create(A13) * r);
        Vector256<double> p = (s0 + (s1 * r4)) + ((s2 + (s3 * r4)) * (r4 * r4));
        Vector256<double> n1 = Vector256.Floor(n * Vector256.Create(0.5));
        return (p * PowerOfTwo(n1)) * PowerOfTwo(n - n1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PowerOfTwo(Vector256<double> m) =>
        Vector256.ShiftLeft((m + Vector256.Create(Magic)).AsInt64() + Vector256.Create(1023L), 52).AsDouble();
#endif
}
