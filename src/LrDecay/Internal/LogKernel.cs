using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>
/// <c>ln x</c> for a finite positive <c>x</c>, within about 1e-16 of the exact value plus the rounding of the result (what the power of a
/// decay needs: <c>x^p = e^(p ln x)</c> takes the absolute error of <c>ln x</c> into its relative error), without a runtime call.
/// </summary>
/// <remarks>
/// <c>x = 2^k * m</c> with <c>m</c> in <c>[1, 2)</c>; <c>c = 1 + j / 128</c> for the top seven bits <c>j</c> of <c>m</c>'s fraction, so
/// <c>m - c</c> is exact and <c>r = (m - c) / c</c> lies in <c>[0, 2^-7)</c>; then <c>ln x = k ln2 + ln c + ln(1 + r)</c>, with
/// <c>ln c</c> from a table of correctly rounded values, <c>ln 2</c> split so <c>k * Ln2Hi</c> is exact, and <c>ln(1 + r)</c> by its
/// Taylor polynomial to degree 7 (truncation below 2e-18). Exact at powers of two: <c>ln 1 = 0</c>.
/// </remarks>
internal static class LogKernel
{
    private const double Ln2Hi = 0.693147180559663;
    private const double Ln2Lo = 2.8235290563031577e-13;
    private const double MinNormal = 2.2250738585072014e-308;
    private const double TwoTo54 = 18014398509481984.0;
    private const long FractionMask = 0x000FFFFFFFFFFFFF;
    private const long ExponentOfOne = 0x3FF0000000000000;
    private const double B2 = -1.0 / 2;
    private const double B3 = 1.0 / 3;
    private const double B4 = -1.0 / 4;
    private const double B5 = 1.0 / 5;
    private const double B6 = -1.0 / 6;
    private const double B7 = 1.0 / 7;

    /// <summary><c>1 / c_j</c>, <c>c_j = 1 + j / 128</c>, correctly rounded (a division, the same on every platform).</summary>
    private static readonly double[] Inverses = InversesOfCentres();

    /// <summary><c>ln c_j</c>, <c>j = 0..127</c>, correctly rounded (as bits, so no platform's log is involved).</summary>
    private static readonly double[] LogCentres = BitMath.Doubles(
    [
        0x0000000000000000, 0x3F7FE02A6B106789, 0x3F8FC0A8B0FC03E4, 0x3F97B91B07D5B11B,
        0x3F9F829B0E783300, 0x3FA39E87B9FEBD60, 0x3FA77458F632DCFC, 0x3FAB42DD711971BF,
        0x3FAF0A30C01162A6, 0x3FB16536EEA37AE1, 0x3FB341D7961BD1D1, 0x3FB51B073F06183F,
        0x3FB6F0D28AE56B4C, 0x3FB8C345D6319B21, 0x3FBA926D3A4AD563, 0x3FBC5E548F5BC743,
        0x3FBE27076E2AF2E6, 0x3FBFEC9131DBEABB, 0x3FC0D77E7CD08E59, 0x3FC1B72AD52F67A0,
        0x3FC29552F81FF523, 0x3FC371FC201E8F74, 0x3FC44D2B6CCB7D1E, 0x3FC526E5E3A1B438,
        0x3FC5FF3070A793D4, 0x3FC6D60FE719D21D, 0x3FC7AB890210D909, 0x3FC87FA06520C911,
        0x3FC9525A9CF456B4, 0x3FCA23BC1FE2B563, 0x3FCAF3C94E80BFF3, 0x3FCBC286742D8CD6,
        0x3FCC8FF7C79A9A22, 0x3FCD5C216B4FBB91, 0x3FCE27076E2AF2E6, 0x3FCEF0ADCBDC5936,
        0x3FCFB9186D5E3E2B, 0x3FD0402594B4D041, 0x3FD0A324E27390E3, 0x3FD1058BF9AE4AD5,
        0x3FD1675CABABA60E, 0x3FD1C898C16999FB, 0x3FD22941FBCF7966, 0x3FD2895A13DE86A3,
        0x3FD2E8E2BAE11D31, 0x3FD347DD9A987D55, 0x3FD3A64C556945EA, 0x3FD404308686A7E4,
        0x3FD4618BC21C5EC2, 0x3FD4BE5F957778A1, 0x3FD51AAD872DF82D, 0x3FD5767717455A6C,
        0x3FD5D1BDBF5809CA, 0x3FD62C82F2B9C795, 0x3FD686C81E9B14AF, 0x3FD6E08EAA2BA1E4,
        0x3FD739D7F6BBD007, 0x3FD792A55FDD47A2, 0x3FD7EAF83B82AFC3, 0x3FD842D1DA1E8B17,
        0x3FD89A3386C1425B, 0x3FD8F11E873662C7, 0x3FD947941C2116FB, 0x3FD99D958117E08B,
        0x3FD9F323ECBF984C, 0x3FDA484090E5BB0A, 0x3FDA9CEC9A9A084A, 0x3FDAF1293247786B,
        0x3FDB44F77BCC8F63, 0x3FDB9858969310FB, 0x3FDBEB4D9DA71B7C, 0x3FDC3DD7A7CDAD4D,
        0x3FDC8FF7C79A9A22, 0x3FDCE1AF0B85F3EB, 0x3FDD32FE7E00EBD5, 0x3FDD83E7258A2F3E,
        0x3FDDD46A04C1C4A1, 0x3FDE24881A7C6C26, 0x3FDE744261D68788, 0x3FDEC399D2468CC0,
        0x3FDF128F5FAF06ED, 0x3FDF6123FA7028AC, 0x3FDFAF588F78F31F, 0x3FDFFD2E0857F498,
        0x3FE02552A5A5D0FF, 0x3FE04BDF9DA926D2, 0x3FE0723E5C1CDF40, 0x3FE0986F4F573521,
        0x3FE0BE72E4252A83, 0x3FE0E44985D1CC8C, 0x3FE109F39E2D4C97, 0x3FE12F719593EFBC,
        0x3FE154C3D2F4D5EA, 0x3FE179EABBD899A1, 0x3FE19EE6B467C96F, 0x3FE1C3B81F713C25,
        0x3FE1E85F5E7040D0, 0x3FE20CDCD192AB6E, 0x3FE23130D7BEBF43, 0x3FE2555BCE98F7CB,
        0x3FE2795E1289B11B, 0x3FE29D37FEC2B08B, 0x3FE2C0E9ED448E8C, 0x3FE2E47436E40268,
        0x3FE307D7334F10BE, 0x3FE32B1339121D71, 0x3FE34E289D9CE1D3, 0x3FE37117B54747B6,
        0x3FE393E0D3562A1A, 0x3FE3B68449FFFC23, 0x3FE3D9026A7156FB, 0x3FE3FB5B84D16F42,
        0x3FE41D8FE84672AE, 0x3FE43F9FE2F9CE67, 0x3FE4618BC21C5EC2, 0x3FE48353D1EA88DF,
        0x3FE4A4F85DB03EBB, 0x3FE4C679AFCCEE3A, 0x3FE4E7D811B75BB1, 0x3FE50913CC01686B,
        0x3FE52A2D265BC5AB, 0x3FE54B2467999498, 0x3FE56BF9D5B3F399, 0x3FE58CADB5CD7989,
        0x3FE5AD404C359F2D, 0x3FE5CDB1DC6C1765, 0x3FE5EE02A9241675, 0x3FE60E32F44788D9,
    ]);

    /// <summary><c>ln x</c> for a finite <c>x &gt;= 0</c> (<c>-inf</c> at 0, NaN for a negative or NaN <c>x</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Of(double x) => x >= MinNormal ? Normal(x, 0.0) : Small(x);

    /// <summary>Subnormals, scaled into the normal range first; 0 gives <c>-inf</c>, a negative or NaN <c>x</c> NaN.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Small(double x) =>
        x > 0.0 ? Normal(x * TwoTo54, -54.0) : x == 0.0 ? double.NegativeInfinity : double.NaN;

    /// <summary><c>ln(x * 2^shift)</c> for a normal <c>x</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Normal(double x, double shift)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        double k = ((int)(bits >> 52) - 1023) + shift;
        int j = (int)(bits >> 45) & 127;
        double m = BitConverter.Int64BitsToDouble((bits & FractionMask) | ExponentOfOne);
        double r = (m - (1.0 + (j * (1.0 / 128)))) * Inverses[j];
        double r2 = r * r;
        double tail = (B2 + (B3 * r)) + (((B4 + (B5 * r)) + ((B6 + (B7 * r)) * r2)) * r2);
        return (k * Ln2Hi) + (((k * Ln2Lo) + LogCentres[j]) + (r + (tail * r2)));
    }

    private static double[] InversesOfCentres()
    {
        var inverses = new double[128];
        for (int j = 0; j < inverses.Length; j++)
        {
            inverses[j] = 1.0 / (1.0 + (j / 128.0));
        }

        return inverses;
    }
}
