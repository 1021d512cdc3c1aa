using System.Runtime.CompilerServices;
#if NET
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace LrDecay.Internal;

/// <summary>
/// <c>e^x</c> for <c>x &lt;= 0</c> (a decay's exponent), written once for scalars and once for vectors with the same operations in
/// the same order, so a batch fill gives the same bits as one call per step. Faithful: within about 0.52 ulp of the exact value.
/// </summary>
/// <remarks>
/// <c>x = (64 m + j) ln2 / 64 + r</c>, <c>|r| &lt;= ln2 / 128</c> (Cody-Waite: <c>ln2 / 64</c> split in two so <c>n * Ln2Over64Hi</c> is
/// exact); <c>e^x = 2^m * 2^(j/64) * e^r</c> with <c>2^(j/64)</c> a double-double from tables (<c>Powers</c> correctly rounded,
/// <c>Lows</c> the rest) and <c>q = e^r - 1</c> by its Taylor polynomial to degree 6 (truncation below 2^-71):
/// <c>2^(j/64) e^r = Powers[j] + (Lows[j] + Powers[j] q)</c>, the small terms first so the sum rounds once; then one exact power-of-two scaling (two normal halves when the result is
/// subnormal, so it rounds once). <c>x</c> below <see cref="ZeroBelow"/> gives 0 straight away, as <see cref="Math.Exp"/> does: the
/// polynomial would give the same 0 there, but through an underflowing product, which costs several times a normal one on x64.
/// </remarks>
internal static class ExpKernel
{
    /// <summary><c>64 / ln 2</c>.</summary>
    internal const double SixtyFourOverLn2 = 92.33248261689366;

    /// <summary><c>ln 2 / 64</c>: a 30-bit high part (<c>n * Ln2Over64Hi</c> exact for <c>|n| &lt; 2^23</c>) and the rest.</summary>
    internal const double Ln2Over64Hi = 0.010830424682353623;
    internal const double Ln2Over64Lo = 1.3895522248260433e-11;

    /// <summary>
    /// Added to the bits of <c>n + Magic</c> shifted right by 6 (<c>(0x433 &lt;&lt; 46) + 2^45 + floor(n / 64)</c>: <c>n + Magic</c> holds
    /// <c>2^51 + n</c> in its significand), gives <c>m + 1023</c>, the biased exponent of <c>2^m</c>, <c>m = floor(n / 64)</c>; the
    /// bits <c>&amp; 63</c> are <c>j = n mod 64</c>.
    /// </summary>
    internal const long ScaleBias = 1023 - ((0x433L << 46) + (1L << 45));
    private const double Magic = BitMath.RoundingMagic;
    private const double Lowest = -746.0;

    /// <summary>
    /// Below this <c>x</c> the result is 0: <c>x * 64 / ln2 &lt; -68800.5</c>, so <c>n &lt;= -68801</c> and the value before the last rounding is at
    /// most <c>2^(n / 64) * e^(ln2 / 128) &lt;= 2^-1075.0078</c>, below half the smallest subnormal (<c>2^-1075</c>), which rounds to 0.
    /// </summary>
    internal const double ZeroBelow = -745.14;
    private const double MinNormalExponent = -1022.0;
    private const double A2 = 1.0 / 2;
    private const double A3 = 1.0 / 6;
    private const double A4 = 1.0 / 24;
    private const double A5 = 1.0 / 120;
    private const double A6 = 1.0 / 720;

    /// <summary><c>2^(j/64)</c>, <c>j = 0..63</c>, correctly rounded (as bits, so no platform's pow is involved).</summary>
    internal static readonly double[] Powers = Bits(
    [
        0x3FF0000000000000, 0x3FF02C9A3E778061, 0x3FF059B0D3158574, 0x3FF0874518759BC8,
        0x3FF0B5586CF9890F, 0x3FF0E3EC32D3D1A2, 0x3FF11301D0125B51, 0x3FF1429AAEA92DE0,
        0x3FF172B83C7D517B, 0x3FF1A35BEB6FCB75, 0x3FF1D4873168B9AA, 0x3FF2063B88628CD6,
        0x3FF2387A6E756238, 0x3FF26B4565E27CDD, 0x3FF29E9DF51FDEE1, 0x3FF2D285A6E4030B,
        0x3FF306FE0A31B715, 0x3FF33C08B26416FF, 0x3FF371A7373AA9CB, 0x3FF3A7DB34E59FF7,
        0x3FF3DEA64C123422, 0x3FF4160A21F72E2A, 0x3FF44E086061892D, 0x3FF486A2B5C13CD0,
        0x3FF4BFDAD5362A27, 0x3FF4F9B2769D2CA7, 0x3FF5342B569D4F82, 0x3FF56F4736B527DA,
        0x3FF5AB07DD485429, 0x3FF5E76F15AD2148, 0x3FF6247EB03A5585, 0x3FF6623882552225,
        0x3FF6A09E667F3BCD, 0x3FF6DFB23C651A2F, 0x3FF71F75E8EC5F74, 0x3FF75FEB564267C9,
        0x3FF7A11473EB0187, 0x3FF7E2F336CF4E62, 0x3FF82589994CCE13, 0x3FF868D99B4492ED,
        0x3FF8ACE5422AA0DB, 0x3FF8F1AE99157736, 0x3FF93737B0CDC5E5, 0x3FF97D829FDE4E50,
        0x3FF9C49182A3F090, 0x3FFA0C667B5DE565, 0x3FFA5503B23E255D, 0x3FFA9E6B5579FDBF,
        0x3FFAE89F995AD3AD, 0x3FFB33A2B84F15FB, 0x3FFB7F76F2FB5E47, 0x3FFBCC1E904BC1D2,
        0x3FFC199BDD85529C, 0x3FFC67F12E57D14B, 0x3FFCB720DCEF9069, 0x3FFD072D4A07897C,
        0x3FFD5818DCFBA487, 0x3FFDA9E603DB3285, 0x3FFDFC97337B9B5F, 0x3FFE502EE78B3FF6,
        0x3FFEA4AFA2A490DA, 0x3FFEFA1BEE615A27, 0x3FFF50765B6E4540, 0x3FFFA7C1819E90D8,
    ]);

    /// <summary>
    /// The low parts of <c>2^(j/64)</c> (<c>2^(j/64) - Powers[j]</c> rounded), from <see cref="Elementary"/>'s double-double table: the
    /// sum <c>Powers[j] + (Lows[j] + Powers[j] q)</c> rounds once, so the result is within about 0.52 ulp.
    /// </summary>
    internal static readonly double[] Lows = Elementary.ExpTableLows();

    /// <summary><c>e^x</c> for <c>x &lt;= 0</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Of(double x)
    {
        if (x < ZeroBelow)
        {
            return 0.0;
        }

        double n = ((x * SixtyFourOverLn2) + Magic) - Magic;
        double m = Math.Floor(n * (1.0 / 64));
        double j = n - (m * 64);
        double r = (x - (n * Ln2Over64Hi)) - (n * Ln2Over64Lo);
        double q = r + Beyond1(r, r * r);
        int index = (int)j & 63;
        double th = Powers[index];
        double pt = th + (Lows[index] + (th * q));
        if (m >= MinNormalExponent)
        {
            return pt * PowerOfTwo(m);
        }

        // Below 2^-1022 the scale itself would be subnormal: apply it in two normal halves (the last product rounds once, as the
        // single product does whenever both apply).
        double m1 = Math.Floor(m * 0.5);
        return (pt * PowerOfTwo(m1)) * PowerOfTwo(m - m1);
    }

    /// <summary>
    /// <c>e^r - 1 - r</c> for the reduced <c>|r| &lt;= ln2 / 128</c> (given <paramref name="r2"/> <c>= r * r</c>): the Taylor terms
    /// <c>r^2/2</c> to <c>r^6/720</c>, in the order every scalar exponential here evaluates them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Beyond1(double r, double r2) =>
        (((A2 + (A3 * r)) + ((A4 + (A5 * r)) * r2)) + (A6 * (r2 * r2))) * r2;

    /// <summary><c>2^m</c> for a whole <paramref name="m"/> in <c>[-1022, 1023]</c>, from its bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PowerOfTwo(double m) =>
        BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(m + Magic) + 1023) << 52);

    private static double[] Bits(ulong[] bits)
    {
        var values = new double[bits.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            values[i] = BitConverter.Int64BitsToDouble((long)bits[i]);
        }

        return values;
    }

    /// <summary>
    /// <c>destination[i] = scale * Of((firstStep + i) * rate)</c>: each element as <c>scale * Of(step * rate)</c> gives it, vectorised
    /// while the steps convert to <see cref="double"/> exactly (below 2^53).
    /// </summary>
    [MethodImpl(Batch.Kernel)]
    internal static void FillScaledRamp(long firstStep, double rate, double scale, Span<double> destination)
    {
        int i = 0;
#if NET
        if (Avx2.IsSupported && destination.Length >= Vector256<double>.Count && firstStep <= Batch.ExactSteps - destination.Length)
        {
            i = FillScaledRampAvx2(firstStep, rate, scale, destination);
        }
#endif
        for (; i < destination.Length; i++)
        {
            destination[i] = scale * Of((firstStep + i) * rate);
        }
    }

#if NET
    /// <summary>
    /// The AVX2 loop of <see cref="FillScaledRamp"/>: the table lookup is one gather, and <c>j</c> and <c>2^m</c> come from the
    /// integer bits of <c>n + Magic</c> (the same whole numbers the scalar form takes with floors, so the same result bits).
    /// Returns how many elements it filled (a multiple of 4).
    /// </summary>
    [MethodImpl(Batch.Kernel)]
    private static unsafe int FillScaledRampAvx2(long firstStep, double rate, double scale, Span<double> destination)
    {
        // The bits of n + Magic give j (& 63) and, shifted by 6 and plus ScaleBias, the exponent of 2^m.
        Vector256<double> magic = Vector256.Create(Magic);
        Vector256<double> lowest = Vector256.Create(Lowest);
        Vector256<double> zeroBelow = Vector256.Create(ZeroBelow);
        Vector256<double> subnormalBelow = Vector256.Create(MinNormalExponent * 64);
        Vector256<double> sixtyFourOverLn2 = Vector256.Create(SixtyFourOverLn2);
        Vector256<double> ln2Hi = Vector256.Create(Ln2Over64Hi);
        Vector256<double> ln2Lo = Vector256.Create(Ln2Over64Lo);
        Vector256<double> factor = Vector256.Create(scale);
        Vector256<double> rates = Vector256.Create(rate);
        Vector256<double> step = Vector256.Create((double)firstStep) + Vector256.Create(0.0, 1.0, 2.0, 3.0);
        Vector256<double> four = Vector256.Create(4.0);
        int i = 0;
        fixed (double* table = Powers)
        fixed (double* lows = Lows)
        fixed (double* d = destination)
        {
            for (; i <= destination.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Vector256<double> x = step * rates;
                step += four;
                if (Vector256.LessThanAll(x, zeroBelow))
                {
                    // All four underflow (as the scalar form returns straight away): skip the underflowing products.
                    Avx.Store(d + i, factor * Vector256<double>.Zero);
                    continue;
                }

                x = Avx.Max(x, lowest);
                Vector256<double> shifted = (x * sixtyFourOverLn2) + magic;
                Vector256<double> n = shifted - magic;
                Vector256<double> r = (x - (n * ln2Hi)) - (n * ln2Lo);
                Vector256<double> r2 = r * r;
                Vector256<double> q = r
                    + ((((Vector256.Create(A2) + (Vector256.Create(A3) * r)) + ((Vector256.Create(A4) + (Vector256.Create(A5) * r)) * r2))
                        + (Vector256.Create(A6) * (r2 * r2))) * r2);
                Vector256<long> bits = shifted.AsInt64();
                Vector256<long> index = bits & Vector256.Create(63L);
                Vector256<double> th = Avx2.GatherVector256(table, index, 8);
                Vector256<double> pt = th + (Avx2.GatherVector256(lows, index, 8) + (th * q));
                Vector256<double> value;
                if (!Vector256.LessThanAny(n, subnormalBelow))
                {
                    Vector256<long> exponent = Vector256.ShiftRightLogical(bits, 6) + Vector256.Create(ScaleBias);
                    value = pt * Vector256.ShiftLeft(exponent, 52).AsDouble();
                }
                else
                {
                    Vector256<double> m = Vector256.Floor(n * Vector256.Create(1.0 / 64));
                    Vector256<double> m1 = Vector256.Floor(m * Vector256.Create(0.5));
                    value = (pt * PowerOfTwo(m1)) * PowerOfTwo(m - m1);
                }

                Avx.Store(d + i, factor * value);
            }
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PowerOfTwo(Vector256<double> m) =>
        Vector256.ShiftLeft((m + Vector256.Create(Magic)).AsInt64() + Vector256.Create(1023L), 52).AsDouble();
#endif
}
