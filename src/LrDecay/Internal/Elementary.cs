using System.Runtime.CompilerServices;
using static LrDecay.Internal.DoubleDouble;

namespace LrDecay.Internal;

/// <summary>
/// LrDecay's own <c>exp</c>, <c>log</c>, <c>pow</c>, <c>cos</c>, <c>sin</c> and <c>tanh</c>: the same bits on every machine, runtime
/// and build, since they use only <c>+</c>, <c>-</c>, <c>*</c>, <c>/</c>, <see cref="Math.Floor(double)"/>, comparisons and bit moves (never
/// the platform's C library, whose last bit differs between glibc, macOS and Windows).
/// </summary>
/// <remarks>
/// <para>
/// Each function but <c>pow</c> computes its result as a double-double (<c>hi + lo</c>) with a relative error below <c>2^-61</c>
/// (<c>2^-70</c> for <c>exp</c> and <c>log</c>, see each method), then rounds it: the double returned is within <c>0.5 + 2^-8</c> ulp of
/// the exact value, so faithful (at most 1 ulp off, and the correctly rounded value unless the exact one lies within <c>2^-8</c> ulp of
/// a rounding boundary). <c>pow</c>, on the hot path of several schedules, is <see cref="PowKernel"/>: faithful, within 0.52 ulp.
/// The double-double forms (<c>...Wide</c>) serve <see cref="Float32Rounding"/>, which decides float32 roundings from them.
/// </para>
/// <para>
/// Supported arguments: every double for <c>exp</c>, <c>log</c>, <c>pow</c> and <c>tanh</c> (with the special values of IEEE 754's
/// functions); <c>cos</c> and <c>sin</c> reduce <c>|x| &lt;= 2^20</c> by a three-part <c>pi/2</c> (error below <c>2^-70</c> of the
/// reduced argument, whose magnitude is at least <c>2^-62</c> there), and larger arguments exactly in integer arithmetic (slow).
/// </para>
/// </remarks>
internal static class Elementary
{
    private const double Magic = BitMath.RoundingMagic;

    /// <summary><c>64 / ln 2</c>.</summary>
    private const double SixtyFourOverLn2 = 92.33248261689366;

    /// <summary><c>ln 2 / 64</c> in three parts (each the rounding of what the ones before leave).</summary>
    private const double Ln2Over64Hi = 0.010830424696249145;
    private const double Ln2Over64Mid = 3.623510646634843e-19;
    private const double Ln2Over64Lo = 8.918294435025331e-36;

    /// <summary><c>ln 2</c> as a double-double.</summary>
    private const double Ln2Hi = 0.6931471805599453;
    private const double Ln2Lo = 2.3190468138462996e-17;

    /// <summary><c>pi / 2</c> in three parts, and <c>2 / pi</c>.</summary>
    internal const double PiOver2Hi = 1.5707963267948966;
    internal const double PiOver2Mid = 6.123233995736766e-17;
    internal const double PiOver2Lo = -1.4973849048591698e-33;
    private const double TwoOverPi = 0.6366197723675814;

    /// <summary>Above this, <c>e^x</c> overflows (<c>ln(MaxValue) = 709.7827128933840</c>, with a margin the scaling settles).</summary>
    private const double ExpOverflow = 709.8;

    /// <summary>Below this, <c>e^x &lt; 2^-1076</c>, less than half the smallest subnormal: 0.</summary>
    private const double ExpUnderflow = -745.2;

    /// <summary>The largest <c>|x|</c> that <see cref="Reduce"/> reduces by the three-part <c>pi / 2</c>.</summary>
    internal const double FastReductionLimit = 1048576.0;

    /// <summary>The bits of <c>sqrt(2)</c>, rounded down: significands above it take the next binary exponent in <see cref="LogWide"/>.</summary>
    private const long Sqrt2Bits = 0x3FF6A09E667F3BCD;

    /// <summary><c>2^(j/64)</c> for <c>j = 0..63</c>, as the bits of a double-double (high, low).</summary>
    private static readonly double[] ExpTable = Doubles(
    [
        0x3FF0000000000000, 0x0000000000000000,
        0x3FF02C9A3E778061, 0xBC719083535B085D,
        0x3FF059B0D3158574, 0x3C8D73E2A475B465,
        0x3FF0874518759BC8, 0x3C6186BE4BB284FF,
        0x3FF0B5586CF9890F, 0x3C98A62E4ADC610B,
        0x3FF0E3EC32D3D1A2, 0x3C403A1727C57B53,
        0x3FF11301D0125B51, 0xBC96C51039449B3A,
        0x3FF1429AAEA92DE0, 0xBC932FBF9AF1369E,
        0x3FF172B83C7D517B, 0xBC819041B9D78A76,
        0x3FF1A35BEB6FCB75, 0x3C8E5B4C7B4968E4,
        0x3FF1D4873168B9AA, 0x3C9E016E00A2643C,
        0x3FF2063B88628CD6, 0x3C8DC775814A8495,
        0x3FF2387A6E756238, 0x3C99B07EB6C70573,
        0x3FF26B4565E27CDD, 0x3C82BD339940E9D9,
        0x3FF29E9DF51FDEE1, 0x3C8612E8AFAD1255,
        0x3FF2D285A6E4030B, 0x3C90024754DB41D5,
        0x3FF306FE0A31B715, 0x3C86F46AD23182E4,
        0x3FF33C08B26416FF, 0x3C932721843659A6,
        0x3FF371A7373AA9CB, 0xBC963AEABF42EAE2,
        0x3FF3A7DB34E59FF7, 0xBC75E436D661F5E3,
        0x3FF3DEA64C123422, 0x3C8ADA0911F09EBC,
        0x3FF4160A21F72E2A, 0xBC5EF3691C309278,
        0x3FF44E086061892D, 0x3C489B7A04EF80D0,
        0x3FF486A2B5C13CD0, 0x3C73C1A3B69062F0,
        0x3FF4BFDAD5362A27, 0x3C7D4397AFEC42E2,
        0x3FF4F9B2769D2CA7, 0xBC94B309D25957E3,
        0x3FF5342B569D4F82, 0xBC807ABE1DB13CAD,
        0x3FF56F4736B527DA, 0x3C99BB2C011D93AD,
        0x3FF5AB07DD485429, 0x3C96324C054647AD,
        0x3FF5E76F15AD2148, 0x3C9BA6F93080E65E,
        0x3FF6247EB03A5585, 0xBC9383C17E40B497,
        0x3FF6623882552225, 0xBC9BB60987591C34,
        0x3FF6A09E667F3BCD, 0xBC9BDD3413B26456,
        0x3FF6DFB23C651A2F, 0xBC6BBE3A683C88AB,
        0x3FF71F75E8EC5F74, 0xBC816E4786887A99,
        0x3FF75FEB564267C9, 0xBC90245957316DD3,
        0x3FF7A11473EB0187, 0xBC841577EE04992F,
        0x3FF7E2F336CF4E62, 0x3C705D02BA15797E,
        0x3FF82589994CCE13, 0xBC9D4C1DD41532D8,
        0x3FF868D99B4492ED, 0xBC9FC6F89BD4F6BA,
        0x3FF8ACE5422AA0DB, 0x3C96E9F156864B27,
        0x3FF8F1AE99157736, 0x3C85CC13A2E3976C,
        0x3FF93737B0CDC5E5, 0xBC675FC781B57EBC,
        0x3FF97D829FDE4E50, 0xBC9D185B7C1B85D1,
        0x3FF9C49182A3F090, 0x3C7C7C46B071F2BE,
        0x3FFA0C667B5DE565, 0xBC9359495D1CD533,
        0x3FFA5503B23E255D, 0xBC9D2F6EDB8D41E1,
        0x3FFA9E6B5579FDBF, 0x3C90FAC90EF7FD31,
        0x3FFAE89F995AD3AD, 0x3C97A1CD345DCC81,
        0x3FFB33A2B84F15FB, 0xBC62805E3084D708,
        0x3FFB7F76F2FB5E47, 0xBC75584F7E54AC3B,
        0x3FFBCC1E904BC1D2, 0x3C823DD07A2D9E84,
        0x3FFC199BDD85529C, 0x3C811065895048DD,
        0x3FFC67F12E57D14B, 0x3C92884DFF483CAD,
        0x3FFCB720DCEF9069, 0x3C7503CBD1E949DB,
        0x3FFD072D4A07897C, 0xBC9CBC3743797A9C,
        0x3FFD5818DCFBA487, 0x3C82ED02D75B3707,
        0x3FFDA9E603DB3285, 0x3C9C2300696DB532,
        0x3FFDFC97337B9B5F, 0xBC91A5CD4F184B5C,
        0x3FFE502EE78B3FF6, 0x3C839E8980A9CC8F,
        0x3FFEA4AFA2A490DA, 0xBC9E9C23179C2893,
        0x3FFEFA1BEE615A27, 0x3C9DC7F486A4B6B0,
        0x3FFF50765B6E4540, 0x3C99D3E12DD8A18B,
        0x3FFFA7C1819E90D8, 0x3C874853F3A5931E,
    ]);

    /// <summary>
    /// For <c>i = 91..181</c>: a double <c>inv</c> near <c>128 / i</c>, and <c>-ln(inv)</c> as a double-double (high, low), all as bits.
    /// </summary>
    private static readonly double[] LogTable = Doubles(
    [
        0x3FF6816816816817, 0xBFD5D5BDDF595F31, 0xBC4D5F75B9A23AE4,
        0x3FF642C8590B2164, 0xBFD522AE0738A3D7, 0xBC73840B263ACB43,
        0x3FF6058160581606, 0xBFD4718DC271C41C, 0xBC7D8FB4C14C56EE,
        0x3FF5C9882B931057, 0xBFD3C25277333183, 0xBC7152D81AF5713A,
        0x3FF58ED2308158ED, 0xBFD314F1E1D35CE3, 0xBC722966F61A3C23,
        0x3FF5555555555555, 0xBFD269621134DB91, 0xBC7E0EFADD9DB02A,
        0x3FF51D07EAE2F815, 0xBFD1BF99635A6B95, 0x3C7E9575C2124912,
        0x3FF4E5E0A72F0539, 0xBFD1178E8227E47A, 0xBC7B8CE2D07F1CB7,
        0x3FF4AFD6A052BF5B, 0xBFD07138604D5864, 0x3C324E912B16EC8B,
        0x3FF47AE147AE147B, 0xBFCF991C6CB3B37A, 0xBC5ECCA0CDF30143,
        0x3FF446F86562D9FB, 0xBFCE530EFFE71013, 0x3C6F7627EF82F3F0,
        0x3FF4141414141414, 0xBFCD1037F2655E7B, 0x3C53F3ADB7B71CBC,
        0x3FF3E22CBCE4A902, 0xBFCBD087383BD8AA, 0x3C41165504AD749E,
        0x3FF3B13B13B13B14, 0xBFCA93ED3C8AD9E5, 0xBC6BCAFA9DE97202,
        0x3FF3813813813814, 0xBFC95A5ADCF70182, 0xBC68A16283FDBD1C,
        0x3FF3521CFB2B78C1, 0xBFC823C16551A3C0, 0xBC66DCD318F4187E,
        0x3FF323E34A2B10BF, 0xBFC6F0128B756AB9, 0x3C437967087859B9,
        0x3FF2F684BDA12F68, 0xBFC5BF406B543DB0, 0x3C21F5B44C0DF7F7,
        0x3FF2C9FB4D812CA0, 0xBFC4913D8333B563, 0x3C50D5604930F137,
        0x3FF29E4129E4129E, 0xBFC365FCB0159014, 0xBC6BEA08D2DCA256,
        0x3FF27350B8812735, 0xBFC23D712A49C201, 0xBC651C7E9EFAE297,
        0x3FF2492492492492, 0xBFC1178E8227E47A, 0x3C50E63A5F01C693,
        0x3FF21FB78121FB78, 0xBFBFE89139DBD565, 0x3C5AC9F4215F9394,
        0x3FF1F7047DC11F70, 0xBFBDA7276384469E, 0xBC5401FA71733017,
        0x3FF1CF06ADA2811D, 0xBFBB6AC88DAD5B1D, 0x3C5002BF768E52D0,
        0x3FF1A7B9611A7B96, 0xBFB9335E5D594988, 0x3C5478A85704CCB7,
        0x3FF1811811811812, 0xBFB700D30AEAC0E8, 0xBC4A36A677B4C8B2,
        0x3FF15B1E5F75270D, 0xBFB4D3115D207EAC, 0xBC3DA7D0B1E10B2F,
        0x3FF135C81135C811, 0xBFB2AA04A44717A1, 0xBC5AEA2C72D05C08,
        0x3FF1111111111111, 0xBFB08598B59E3A06, 0x3C5DD7009902BF32,
        0x3FF0ECF56BE69C90, 0xBFACCB73CDDDB2D0, 0x3C4E48FB0500EFD5,
        0x3FF0C9714FBCDA3B, 0xBFA894AA149FB34B, 0x3C42BA0B44CFAEE5,
        0x3FF0A6810A6810A7, 0xBFA466AED42DE3F9, 0x3C39BADEFE942718,
        0x3FF0842108421084, 0xBFA0415D89E74440, 0xBC4C05CF1D753621,
        0x3FF0624DD2F1A9FC, 0xBF98492528C8CAC5, 0x3C3D192D0619FA68,
        0x3FF0410410410410, 0xBF90205658935837, 0xBC327C8E8416E717,
        0x3FF0204081020408, 0xBF8010157588DE69, 0xBC146662D417CECE,
        0x3FF0000000000000, 0x0000000000000000, 0x0000000000000000,
        0x3FEFC07F01FC07F0, 0x3F7FE02A6B106799, 0xBBCE44B7E3711E7F,
        0x3FEF81F81F81F820, 0x3F8FC0A8B0FC03C4, 0xBC183092C5964281,
        0x3FEF44659E4A4271, 0x3F97B91B07D5B126, 0xBC16D80AB38E9430,
        0x3FEF07C1F07C1F08, 0x3F9F829B0E7832F8, 0x3C333E3F04F1EF25,
        0x3FEECC07B301ECC0, 0x3FA39E87B9FEBD68, 0xBC45BFA937F551B7,
        0x3FEE9131ABF0B767, 0x3FA77458F632DCFF, 0x3C08D3CA87B92968,
        0x3FEE573AC901E574, 0x3FAB42DD711971B9, 0x3C40A34531F67DB5,
        0x3FEE1E1E1E1E1E1E, 0x3FAF0A30C01162A8, 0x3C485F325C5BBACD,
        0x3FEDE5D6E3F8868A, 0x3FB16536EEA37AE3, 0x3C52189705CF74CA,
        0x3FEDAE6076B981DB, 0x3FB341D7961BD1D0, 0xBC53599F227BECBB,
        0x3FED77B654B82C34, 0x3FB51B073F06183C, 0xBC55B61C65E5741A,
        0x3FED41D41D41D41D, 0x3FB6F0D28AE56B4E, 0xBC420DB323097324,
        0x3FED0CB58F6EC074, 0x3FB8C345D6319B23, 0xBC5294D2F5668495,
        0x3FECD85689039B0B, 0x3FBA926D3A4AD562, 0xBC4D7A16EAB1E2AD,
        0x3FECA4B3055EE191, 0x3FBC5E548F5BC743, 0x3C42EB0BF7C0B0D9,
        0x3FEC71C71C71C71C, 0x3FBE27076E2AF2EA, 0xBC361578001E015A,
        0x3FEC3F8F01C3F8F0, 0x3FBFEC9131DBEABC, 0xBC55746B9981B36C,
        0x3FEC0E070381C0E0, 0x3FC0D77E7CD08E5B, 0x3C69A5DC5E9030AD,
        0x3FEBDD2B899406F7, 0x3FC1B72AD52F67A2, 0xBC6FBE7EE5C69946,
        0x3FEBACF914C1BAD0, 0x3FC29552F81FF521, 0x3C6301771C407DC0,
        0x3FEB7D6C3DDA338B, 0x3FC371FC201E8F75, 0x3C1E6CB62AF18A02,
        0x3FEB4E81B4E81B4F, 0x3FC44D2B6CCB7D1C, 0x3C47D3D950F87E23,
        0x3FEB2036406C80D9, 0x3FC526E5E3A1B438, 0xBC6546FF8A470D3A,
        0x3FEAF286BCA1AF28, 0x3FC5FF3070A793D6, 0xBC5BC60EFAFC6F6C,
        0x3FEAC5701AC5701B, 0x3FC6D60FE719D21B, 0x3C6D551D97132E87,
        0x3FEA98EF606A63BE, 0x3FC7AB890210D907, 0xBC61072534A57E7D,
        0x3FEA6D01A6D01A6D, 0x3FC87FA06520C911, 0xBC69F7FDBFA08D9A,
        0x3FEA41A41A41A41A, 0x3FC9525A9CF456B6, 0xBC626FB3E2B1D1DA,
        0x3FEA16D3F97A4B02, 0x3FCA23BC1FE2B561, 0x3C624DC46C1EA664,
        0x3FE9EC8E951033D9, 0x3FCAF3C94E80BFF3, 0x3C6A3398064DF33E,
        0x3FE9C2D14EE4A102, 0x3FCBC286742D8CD4, 0x3C5CFCE744870F57,
        0x3FE999999999999A, 0x3FCC8FF7C79A9A20, 0xBC64F689F8434011,
        0x3FE970E4F80CB872, 0x3FCD5C216B4FBB94, 0xBC5A37794D03657D,
        0x3FE948B0FCD6E9E0, 0x3FCE27076E2AF2E8, 0xBC461578001E015E,
        0x3FE920FB49D0E229, 0x3FCEF0ADCBDC5935, 0x3C6E8637950DC20D,
        0x3FE8F9C18F9C18FA, 0x3FCFB9186D5E3E29, 0x3C6355519B0DE535,
        0x3FE8D3018D3018D3, 0x3FD0402594B4D041, 0xBC608EC217A5022D,
        0x3FE8ACB90F6BF3AA, 0x3FD0A324E27390E2, 0x3C7BDCFDE8061C03,
        0x3FE886E5F0ABB04A, 0x3FD1058BF9AE4AD4, 0x3C03F415699663EC,
        0x3FE8618618618618, 0x3FD1675CABABA60F, 0x3C2CE63EAB883727,
        0x3FE83C977AB2BEDD, 0x3FD1C898C16999FB, 0x3C79F1A39D500E3C,
        0x3FE8181818181818, 0x3FD22941FBCF7966, 0xBC5DBD7AC258A2BD,
        0x3FE7F405FD017F40, 0x3FD2895A13DE86A4, 0x3C77AD24C13F040F,
        0x3FE7D05F417D05F4, 0x3FD2E8E2BAE11D31, 0xBC61E99B72BD7BF2,
        0x3FE7AD2208E0ECC3, 0x3FD347DD9A987D56, 0xBC716EA62C048CFB,
        0x3FE78A4C8178A4C8, 0x3FD3A64C556945EA, 0x3C3CBCD735D03424,
        0x3FE767DCE434A9B1, 0x3FD404308686A7E4, 0xBC6F79F6C1059CDB,
        0x3FE745D1745D1746, 0x3FD4618BC21C5EC2, 0xBC27A42642661C62,
        0x3FE724287F46DEBC, 0x3FD4BE5F957778A1, 0xBC54B366B609027A,
        0x3FE702E05C0B8170, 0x3FD51AAD872DF82E, 0xBC7D8DB0A7CC1543,
        0x3FE6E1F76B4337C7, 0x3FD5767717455A6C, 0xBC6FB2A49AF933E8,
        0x3FE6C16C16C16C17, 0x3FD5D1BDBF5809CA, 0xBC77DC9C7C23801F,
        0x3FE6A13CD1537290, 0x3FD62C82F2B9C796, 0xBC5090A0DD59FE35,
    ]);

    /// <summary>The low parts of the <c>2^(j/64)</c> table, for <see cref="ExpKernel"/>.</summary>
    internal static double[] ExpTableLows()
    {
        var lows = new double[ExpTable.Length / 2];
        for (int j = 0; j < lows.Length; j++)
        {
            lows[j] = ExpTable[(2 * j) + 1];
        }

        return lows;
    }

    /// <summary><c>e^x</c>.</summary>
    internal static double Exp(double x)
    {
        if (!(x >= ExpUnderflow && x <= ExpOverflow))
        {
            // NaN stays NaN; below the underflow bound 0, above the overflow bound infinity.
            return double.IsNaN(x) ? x : x < 0.0 ? 0.0 : double.PositiveInfinity;
        }

        double hi = ExpWide(x, 0.0, out double lo, out int n);
        return ScaleRounded(hi, lo, n);
    }

    /// <summary>
    /// <c>e^(zh + zl) = (hi + lo) * 2^n</c> for <c>|zh| &lt;= 746</c> (<c>zl</c> at most an ulp of <c>zh</c>), <c>hi</c> in
    /// <c>[0.7, 1.5]</c>, relative error below <c>2^-74</c>.
    /// </summary>
    /// <remarks>
    /// <c>z = (64 m + j) ln2 / 64 + r</c> with <c>|r| &lt;= ln2 / 128</c>, <c>r</c> a double-double computed exactly up to <c>2^-100</c>
    /// (the product by the first part of <c>ln2 / 64</c> is exact in two doubles, its difference to <c>zh</c> exact by Sterbenz's
    /// lemma); <c>e^r = 1 + r + r^2/2 + r^3 P(r)</c>, the first terms in double-double and <c>P</c>, to degree 8 (truncation below
    /// <c>2^-86</c>), in double; times <c>2^(j/64)</c> from the table.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ExpWide(double zh, double zl, out double lo, out int n)
    {
        double k = ((zh * SixtyFourOverLn2) + Magic) - Magic;
        double p = TwoProduct(k, Ln2Over64Hi, out double pe);
        double s = zh - p;
        double a = TwoSum(s, -pe, out double ae);
        double p2 = TwoProduct(k, Ln2Over64Mid, out double pe2);
        double rh = TwoSum(a, -p2, out double be);
        double rl = ((ae + be) - pe2) - (k * Ln2Over64Lo) + zl;
        rh = TwoSum(rh, rl, out rl);

        // r^2 / 2, then r + r^2/2 + r^3 (1/6 + r/24 + ...).
        double q = TwoProduct(rh, rh, out double qe);
        qe += 2.0 * rh * rl;
        // Estrin's scheme (pairs, then pairs of pairs): a short dependency chain; the tail is below 2^-22 of the result, so the
        // order of its roundings does not matter to the accuracy.
        double q2 = q * q;
        double poly = ((1.0 / 6) + (rh * (1.0 / 24))) + (((1.0 / 120) + (rh * (1.0 / 720))) * q)
            + (((1.0 / 5040) + (rh * (1.0 / 40320))) * q2);
        double tail = rh * q * poly;
        double eh = FastTwoSum(rh, q * 0.5, out double el);
        el += rl + (qe * 0.5) + tail;
        double oh = FastTwoSum(1.0, eh, out double ol);
        ol += el;
        oh = FastTwoSum(oh, ol, out ol);

        double m = Math.Floor(k * (1.0 / 64));
        int j = (int)(k - (m * 64)) << 1;
        double th = ExpTable[j];
        double tl = ExpTable[j + 1];
        double ph = TwoProduct(oh, th, out double phe);
        phe += (oh * tl) + (ol * th);
        double hi = FastTwoSum(ph, phe, out lo);
        n = (int)m;
        return hi;
    }

    /// <summary><c>ln x</c>.</summary>
    internal static double Log(double x)
    {
        if (!(x > 0.0 && x <= double.MaxValue))
        {
            // NaN and negative values give NaN, 0 minus infinity, infinity itself.
            return x == 0.0 ? double.NegativeInfinity : x > 0.0 ? x : double.NaN;
        }

        return LogWide(x, out _);
    }

    /// <summary>
    /// <c>ln x = hi + lo</c> for a positive finite <paramref name="x"/>, relative error below <c>2^-72</c>.
    /// </summary>
    /// <remarks>
    /// <c>x = 2^e m</c> with <c>m</c> in <c>[sqrt(1/2), sqrt(2))</c>, <c>i = round(128 m)</c>; <c>r = m inv_i - 1</c> exactly as a
    /// double-double (an exact product, and a subtraction that Sterbenz's lemma makes exact), <c>|r| &lt; 2^-7.5</c>;
    /// <c>ln x = e ln2 - ln(inv_i) + ln(1 + r)</c>, <c>ln(1 + r) = r - r^2/2 + r^3 P(r)</c> with <c>P</c> to degree 7 (truncation
    /// below <c>2^-75</c> of <c>r</c>). Near 1 (<c>e = 0</c>, <c>i = 128</c>, <c>inv = 1</c>) the result is <c>ln(1 + r)</c> alone, so it
    /// keeps its relative accuracy.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double LogWide(double x, out double lo)
    {
        long bits = BitMath.NormalBits(x, out int e);
        e += (int)(bits >> 52) - 1023;
        long mantissa = (bits & 0xFFFFFFFFFFFFFL) | 0x3FF0000000000000L;
        if (mantissa > Sqrt2Bits)
        {
            mantissa -= 1L << 52;
            e++;
        }

        double m = BitConverter.Int64BitsToDouble(mantissa);
        int i = (int)((m * 128) + 0.5);
        int t = (i - 91) * 3;
        double p = TwoProduct(m, LogTable[t], out double pe);
        double rh = TwoSum(p - 1.0, pe, out double rl);

        double q = TwoProduct(rh, rh, out double qe);
        qe += 2.0 * rh * rl;
        // Estrin's scheme, as in ExpWide (the tail is below 2^-21 of ln(1 + r)).
        double q2 = q * q;
        double low = ((1.0 / 3) + (rh * (-1.0 / 4))) + (((1.0 / 5) + (rh * (-1.0 / 6))) * q);
        double high = ((1.0 / 7) + (rh * (-1.0 / 8))) + (((1.0 / 9) + (rh * (-1.0 / 10))) * q);
        double poly = low + (high * q2);
        double tail = rh * q * poly;
        double lh = FastTwoSum(rh, -0.5 * q, out double ll);
        ll += (rl - (0.5 * qe)) + tail;

        double eh = TwoProduct(e, Ln2Hi, out double ee);
        ee += e * Ln2Lo;
        double s1 = TwoSum(eh, LogTable[t + 1], out double s1e);
        s1e += ee + LogTable[t + 2];
        double s2 = TwoSum(s1, lh, out double s2e);
        s2e += s1e + ll;
        return FastTwoSum(s2, s2e, out lo);
    }

    /// <summary><c>x^y</c>, with the special cases of IEEE 754's <c>pow</c> (as <see cref="Math.Pow"/> documents them).</summary>
    /// <remarks>Inlined: the common case costs the callers one check and the kernel's call, the special cases one more call.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Pow(double x, double y) =>
        x > 0.0 && x <= double.MaxValue && y != 0.0 && Math.Abs(y) <= double.MaxValue
            ? PowKernel.Of(x, y) // a positive finite base and a finite non-zero exponent: the kernel
            : PowSpecial(x, y);

    /// <summary><see cref="Pow"/> for a base that is not positive and finite, or an exponent that is 0 or not finite.</summary>
    private static double PowSpecial(double x, double y)
    {
        if (y == 0.0 || x == 1.0)
        {
            return 1.0;
        }

        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.NaN;
        }

        double sign = 1.0;
        if (x < 0.0 || (x == 0.0 && BitConverter.DoubleToInt64Bits(x) < 0))
        {
            // A negative base: a whole y keeps the sign of x when odd, any other y has no real power.
            if (double.IsInfinity(y))
            {
                x = -x;
            }
            else if (Math.Floor(y) != y)
            {
                return x == 0.0 ? (y < 0.0 ? double.PositiveInfinity : 0.0) : double.NaN;
            }
            else
            {
                sign = IsOdd(y) ? -1.0 : 1.0;
                x = -x;
            }
        }

        if (x == 0.0)
        {
            return sign * (y < 0.0 ? double.PositiveInfinity : 0.0);
        }

        if (double.IsInfinity(y))
        {
            return x == 1.0 ? 1.0 : (x > 1.0) == (y > 0.0) ? double.PositiveInfinity : 0.0;
        }

        if (double.IsInfinity(x))
        {
            return sign * (y < 0.0 ? 0.0 : double.PositiveInfinity);
        }

        return sign * PowKernel.Of(x, y);
    }

    /// <summary>Whether a whole <paramref name="y"/> is odd.</summary>
    private static bool IsOdd(double y) => Math.Abs(y) < 9007199254740992.0 && Math.Floor(y * 0.5) * 2.0 != y;

    /// <summary>
    /// <c>x^y = (hi + lo) * 2^n</c> for a positive finite <paramref name="x"/> other than 1 and a finite non-zero <paramref name="y"/>,
    /// relative error below <c>2^-62</c> (<c>|y ln x| &lt;= 746</c> with <see cref="LogWide"/>'s <c>2^-72</c> and <see cref="ExpWide"/>'s
    /// <c>2^-74</c>); beyond the range <c>hi</c> is 2 and <c>n</c> far enough out that scaling gives infinity or 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double PowWide(double x, double y, out double lo, out int n)
    {
        double lh = LogWide(x, out double ll);
        return PowFromLog(lh, ll, y, out lo, out n);
    }

    /// <summary><see cref="PowWide"/> from <c>ln x = lh + ll</c> as <see cref="LogWide"/> gives it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double PowFromLog(double lh, double ll, double y, out double lo, out int n)
    {
        double rough = y * lh;
        if (!(rough <= ExpOverflow && rough >= ExpUnderflow))
        {
            // Far out of range (|ln x| >= 2^-53 for x != 1, so |y| is then below 2^63 and the product below is exact).
            lo = 0.0;
            n = rough > 0.0 ? 2048 : -2200;
            return 1.0;
        }

        double zh = TwoProduct(y, lh, out double ze);
        ze += y * ll;
        zh = FastTwoSum(zh, ze, out double zl);
        return ExpWide(zh, zl, out lo, out n);
    }

    /// <summary><c>cos x</c>.</summary>
    internal static double Cos(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            return double.NaN;
        }

        return CosWide(x, out _);
    }

    /// <summary><c>sin x</c>.</summary>
    internal static double Sin(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            return double.NaN;
        }

        return SinWide(x, out _);
    }

    /// <summary><c>cos x = hi + lo</c> for a finite <paramref name="x"/>, relative error below <c>2^-62</c>.</summary>
    internal static double CosWide(double x, out double lo)
    {
        int quadrant = Reduce(Math.Abs(x), out double rh, out double rl);
        return Quadrant(quadrant, rh, rl, out lo);
    }

    /// <summary><c>sin x = hi + lo</c> for a finite <paramref name="x"/>, relative error below <c>2^-62</c>.</summary>
    internal static double SinWide(double x, out double lo)
    {
        if (x == 0.0)
        {
            lo = 0.0;
            return x;
        }

        int quadrant = Reduce(Math.Abs(x), out double rh, out double rl);
        double hi = Quadrant(quadrant + 3, rh, rl, out lo);
        if (x < 0.0)
        {
            lo = -lo;
            return -hi;
        }

        return hi;
    }

    /// <summary><c>cos(r + quadrant pi / 2)</c> for the reduced <c>r</c>.</summary>
    private static double Quadrant(int quadrant, double rh, double rl, out double lo)
    {
        double hi;
        switch (quadrant & 3)
        {
            case 0:
                return CosReduced(rh, rl, out lo);
            case 1:
                hi = SinReduced(rh, rl, out lo);
                break;
            case 2:
                hi = CosReduced(rh, rl, out lo);
                break;
            default:
                return SinReduced(rh, rl, out lo);
        }

        lo = -lo;
        return -hi;
    }

    /// <summary>
    /// <c>x = k pi / 2 + r</c> for <c>x &gt;= 0</c>: returns <c>k</c> (mod 4) and <c>r = rh + rl</c>, <c>|r| &lt;= pi / 4</c> (up to a rounding).
    /// </summary>
    /// <remarks>
    /// Up to <see cref="FastReductionLimit"/>: <c>k</c> below <c>2^20</c>, <c>k * PiOver2Hi</c> and <c>k * PiOver2Mid</c> as exact
    /// double-doubles, <c>x - k * PiOver2Hi</c> exact (Sterbenz's lemma), the sums by two-sums: <c>r</c> within <c>2^-130</c>, while
    /// <c>|r| &gt; 2^-62</c> for every double there. Beyond, <see cref="ExactReduction"/>.
    /// </remarks>
    private static int Reduce(double x, out double rh, out double rl)
    {
        if (x <= 0.7853981633974483)
        {
            rh = x;
            rl = 0.0;
            return 0;
        }

        if (x > FastReductionLimit)
        {
            return ExactReduction.Reduce(x, out rh, out rl);
        }

        double k = ((x * TwoOverPi) + Magic) - Magic;
        double p = TwoProduct(k, PiOver2Hi, out double pe);
        double a = TwoSum(x - p, -pe, out double ae);
        double p2 = TwoProduct(k, PiOver2Mid, out double pe2);
        double b = TwoSum(a, -p2, out double be);
        double l = ((ae + be) - pe2) - (k * PiOver2Lo);
        rh = TwoSum(b, l, out rl);
        return (int)k & 3;
    }

    /// <summary>
    /// <c>cos r</c> for <c>|r| &lt;= pi/4</c>: <c>1 - r^2/2 + r^4/24</c> in double-double plus <c>r^6 C(r^2)</c> to degree 22 in double
    /// (truncation below <c>2^-77</c>, the double part below <c>3.2e-4</c>, so its rounding stays below <c>2^-63</c> of the result).
    /// </summary>
    private static double CosReduced(double rh, double rl, out double lo)
    {
        double q = TwoProduct(rh, rh, out double qe);
        qe += 2.0 * rh * rl;
        double q2 = TwoProduct(q, q, out double q2e);
        q2e += 2.0 * q * qe;
        double d4 = Divide(q2, q2e, 24.0, out double d4e);
        double z = q;
        double poly = -1.0 / 1.1240007277776077e21;
        poly = 1.0 / 2432902008176640000 + (z * poly);
        poly = -1.0 / 6402373705728000 + (z * poly);
        poly = 1.0 / 20922789888000 + (z * poly);
        poly = -1.0 / 87178291200 + (z * poly);
        poly = 1.0 / 479001600 + (z * poly);
        poly = -1.0 / 3628800 + (z * poly);
        poly = 1.0 / 40320 + (z * poly);
        poly = -1.0 / 720 + (z * poly);
        double tail = q2 * z * poly;
        double h = FastTwoSum(1.0, -0.5 * q, out double l);
        h = FastTwoSum(h, d4, out double e);
        l += e + ((d4e - (0.5 * qe)) + tail);
        return FastTwoSum(h, l, out lo);
    }

    /// <summary>
    /// <c>sin r</c> for <c>|r| &lt;= pi/4</c>: <c>r - r^3/6 + r^5/120</c> in double-double plus <c>r^7 S(r^2)</c> to degree 23 in double
    /// (its rounding below <c>2^-66</c> of the result).
    /// </summary>
    private static double SinReduced(double rh, double rl, out double lo)
    {
        double q = TwoProduct(rh, rh, out double qe);
        qe += 2.0 * rh * rl;
        double c = TwoProduct(rh, q, out double ce);
        ce += (rh * qe) + (rl * q);
        double d = Divide(c, ce, 6.0, out double de);
        double c5 = TwoProduct(c, q, out double c5e);
        c5e += (c * qe) + (ce * q);
        double d5 = Divide(c5, c5e, 120.0, out double d5e);
        double z = q;
        double poly = -1.0 / 2.585201673888498e22;
        poly = 1.0 / 5.109094217170944e19 + (z * poly);
        poly = -1.0 / 121645100408832000 + (z * poly);
        poly = 1.0 / 355687428096000 + (z * poly);
        poly = -1.0 / 1307674368000 + (z * poly);
        poly = 1.0 / 6227020800 + (z * poly);
        poly = -1.0 / 39916800 + (z * poly);
        poly = 1.0 / 362880 + (z * poly);
        poly = -1.0 / 5040 + (z * poly);
        double tail = c5 * z * poly;
        double h = TwoSum(rh, -d, out double l);
        h = TwoSum(h, d5, out double e);
        l += e + ((rl - de) + (d5e + tail));
        return FastTwoSum(h, l, out lo);
    }

    /// <summary>
    /// <c>(hi + lo) / n</c> as a double-double for a small whole <paramref name="n"/>: the quotient, and the remainder (exact:
    /// <c>hi - quotient * n</c> by an exact product and Sterbenz's lemma) plus <paramref name="lo"/>, divided.
    /// </summary>
    private static double Divide(double hi, double lo, double n, out double error)
    {
        double quotient = hi / n;
        double product = TwoProduct(quotient, n, out double productError);
        error = (((hi - product) - productError) + lo) / n;
        return quotient;
    }

    /// <summary><c>tanh x</c>.</summary>
    internal static double Tanh(double x)
    {
        double a = Math.Abs(x);
        if (!(a < 20.0))
        {
            // tanh(20) = 1 - 8.5e-18 rounds to 1; NaN stays NaN.
            return double.IsNaN(x) ? x : x < 0.0 ? -1.0 : 1.0;
        }

        double t;
        if (a < 0.03125)
        {
            // a - a^3/3 + ...: the series to a^15 (truncation below 2^-75 of a); the correction is below 2^-11.5 of a and carries
            // at most four roundings, so the sum rounds within 0.5 + 2^-10 ulp.
            double z = a * a;
            double poly = -929569.0 / 638512875;
            poly = 21844.0 / 6081075 + (z * poly);
            poly = -1382.0 / 155925 + (z * poly);
            poly = 62.0 / 2835 + (z * poly);
            poly = -17.0 / 315 + (z * poly);
            poly = 2.0 / 15 + (z * poly);
            poly = -1.0 / 3 + (z * poly);
            t = a + (a * z * poly);
        }
        else
        {
            // e^2a within 2^-66 as a double-double (scaled exactly: 2a < 40).
            double eh = PowKernel.ExpUnrounded(2.0 * a, out double el, out int n);
            double scale = PowerOfTwo(n);
            eh *= scale;
            el *= scale;
            if (a >= 0.5625)
            {
                // 1 - 2 / (e^2a + 1), e^2a >= 3.08: u = 2 / (e^2a + 1) <= 0.49 as a quotient plus its correction (the remainder,
                // exact, times 1 / d = u / 2), then 1 - u rounded once with the corrections added.
                double dh = FastTwoSum(eh, 1.0, out double dl);
                dl += el;
                double uh = 2.0 / dh;
                double ph = TwoProduct(uh, dh, out double pe);
                double ul = (((2.0 - ph) - pe) - (uh * dl)) * (uh * 0.5);
                double sh = FastTwoSum(1.0, -uh, out double sl);
                t = sh + (sl - ul);
            }
            else
            {
                // (e^2a - 1) / (e^2a + 1), e^2a - 1 a double-double: the quotient's sensitivity 2 e^2a / (e^4a - 1) (at most 16
                // here, from a >= 1/32) makes e^2a's 2^-66 at most 2^-62 of the result.
                double uh = TwoSum(eh, -1.0, out double ul);
                ul += el;
                uh = FastTwoSum(uh, ul, out ul);
                double dh = TwoSum(uh, 2.0, out double dl);
                dl += ul;
                double qh = uh / dh;
                double ph = TwoProduct(qh, dh, out double pe);
                double ql = (((uh - ph) - pe) + ul - (qh * dl)) / dh;
                t = qh + ql;
            }
        }

        return x < 0.0 ? -t : t;
    }

    private static double[] Doubles(ulong[] bits)
    {
        var values = new double[bits.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            values[i] = BitConverter.Int64BitsToDouble((long)bits[i]);
        }

        return values;
    }
}

/// <summary>
/// <c>base^y</c> for a base fixed once (a range test's span, a cool-down's ratio): its logarithm computed up front, then each power as
/// <see cref="Elementary.Pow"/> computes it from there (<see cref="PowKernel"/>), so the same bits without the logarithm.
/// </summary>
internal readonly struct FixedBasePower
{
    private readonly double _base;
    private readonly double _logHi;
    private readonly double _logLo;
    private readonly bool _general;

    internal FixedBasePower(double @base)
    {
        _base = @base;
        _general = @base > 0.0 && @base <= double.MaxValue && @base != 1.0;
        _logHi = _general ? PowKernel.Log(@base, out _logLo) : 0.0;
    }

    /// <summary><c>base^y</c>, bit for bit <see cref="Elementary.Pow"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Of(double y)
    {
        if (!_general || y == 0.0 || !(Math.Abs(y) <= double.MaxValue))
        {
            return Elementary.Pow(_base, y);
        }

        return PowKernel.FromLog(_logHi, _logLo, y);
    }
}
