using System.Numerics;
using LrDecay.Internal;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Internal;

/// <summary>
/// <see cref="PowerTable"/> past its direct table (4096 entries): against <c>scale * Elementary.Pow(base, k)</c>, LrDecay's own pow
/// (bit for bit inside the first table, within <see cref="MaxUlpsFromMathPow"/> past it, where the levels round the power correctly and
/// the pow is within 0.502 ulp; below the normal range the same bits), against exact powers computed from integers, and 0 once the
/// power underflows.
/// </summary>
public sealed class PowerTableTests
{
    /// <summary>
    /// The largest distance allowed from <c>scale * Elementary.Pow(base, k)</c> past the direct table: the levels' correctly rounded
    /// power and the pow differ by at most 1 ulp, their products by scale by at most 2.
    /// </summary>
    private const long MaxUlpsFromMathPow = 2;

    public static TheoryData<double, double> Pairs() => new()
    {
        { 0.1, 0.96 },
        { 0.1, 0.5 },
        { 0.1, 0.9995 },
        { 7.306, 0.526 },
        { 1.0, 0.999999 },
        { 3e-5, 0.1 },
        { 1e300, 0.75 },
        { 0.2, 1.0 - 1e-12 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Get_DenseRangePastTheTable_IsScaleTimesMathPow(double scale, double @base)
    {
        var table = new PowerTable(scale, @base);
        // The direct table (4096 entries) holds scale * Elementary.Pow(base, k) itself.
        for (long k = 0; k < 4_096; k++)
        {
            AssertBits(table.Get(k), scale * Elementary.Pow(@base, k), k);
        }

        for (long k = 4_096; k < 40_000; k++)
        {
            AssertNear(table.Get(k), scale * Elementary.Pow(@base, k), k);
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Get_FarK_IsScaleTimesMathPow(double scale, double @base)
    {
        var table = new PowerTable(scale, @base);
        var random = new Random(7);
        long[] far = [1L << 20, (1L << 20) - 1, 1_000_000, 1_000_000_000, 1_000_000_000_000, 1L << 40, 1L << 62, long.MaxValue];
        foreach (long k in far.Concat(Enumerable.Range(0, 20_000).Select(_ => (long)(random.NextDouble() * Math.Pow(2.0, 1 + random.Next(62))))))
        {
            AssertNear(table.Get(k), scale * Elementary.Pow(@base, k), k);
        }
    }

    /// <summary>
    /// A double base is <c>M * 2^e</c> exactly (M the 53-bit integer significand), so <c>base^k = M^k * 2^(e k)</c> and its correctly
    /// rounded double comes from integers; with scale 1 the levels' value past the 4096-entry direct table must be that double, bit
    /// for bit.
    /// </summary>
    [Theory]
    [InlineData(0.75)]
    [InlineData(0.9995)]
    [InlineData(0.96)]
    [InlineData(0.5)]
    [InlineData(0.526)]
    public void Get_PastTheTable_IsTheCorrectlyRoundedPower(double @base)
    {
        var table = new PowerTable(1.0, @base);
        foreach (int k in Enumerable.Range(4096, 3000).Where(k => k % TestBudget.Count(7, 61) == 0 || k < TestBudget.Count(4200, 4110)))
        {
            AssertBits(table.Get(k), RoundedPower(@base, k), k);
        }
    }

    [Fact]
    public void Get_PastUnderflow_IsZero()
    {
        // 0.5^k = 2^-k: 2^-1074 is the smallest subnormal, 2^-1075 is half of it and rounds (to even) to 0.
        var half = new PowerTable(1.0, 0.5);
        half.Get(1074).Should().Be(double.Epsilon);
        half.Get(1075).Should().Be(0.0);
        half.Get(long.MaxValue).Should().Be(0.0);

        // 0.9995^(2^40): ln = 2^40 * ln(0.9995) = -5.5e8, far below the exp of the smallest subnormal (-745.13).
        new PowerTable(0.1, 0.9995).Get(1L << 40).Should().Be(0.0);

        // Base 1: the scale at every k.
        new PowerTable(0.1, 1.0).Get(long.MaxValue).Should().Be(0.1);
    }

    [Fact]
    public void Get_NearOneToTheFar_KeepsItsValue()
    {
        // (1 - 2^-40)^(2^40) = e^(2^40 * ln(1 - 2^-40)) = e^(-1 - 2^-41 - ...) = 0.36787944117127... (e^-1 = 0.36787944117144233).
        var table = new PowerTable(1.0, 1.0 - Math.Pow(2.0, -40));
        table.Get(1L << 40).Should().BeApproximately(0.367879441171275, 1e-14);
    }

    /// <summary>
    /// <see cref="PowerTable.SubnormalPower"/> on its own: <c>(hi + lo) * 2^e</c> rounded to the 2^-1074 grid, ties to even unless
    /// <c>lo</c> breaks them. Units below are multiples of 2^-1074 (<see cref="double.Epsilon"/>).
    /// </summary>
    [Theory]
    [InlineData(0.75, 0.0, -1073, 2L)] // 0.75 * 2^-1073 = 1.5 units: a tie, to the even 2
    [InlineData(0.75, 1e-300, -1073, 2L)] // just above 1.5 units: up to 2
    [InlineData(0.75, -1e-300, -1073, 1L)] // just below 1.5 units: down to 1
    [InlineData(0.625, 0.0, -1072, 2L)] // 0.625 * 2^-1072 = 2.5 units: a tie, to the even 2
    [InlineData(0.625, 1e-300, -1072, 3L)] // just above 2.5 units: up to 3
    [InlineData(0.5, 0.0, -1074, 0L)] // 0.5 * 2^-1074 = half a unit: a tie, to the even 0
    [InlineData(0.875, 0.0, -1073, 2L)] // 1.75 units: up to 2
    [InlineData(1.0, 0.0, -1023, 1L << 51)] // 2^-1023 = 2^51 units, exact
    [InlineData(0.75, 0.0, -1075, 0L)] // 0.375 units: 0
    [InlineData(0.75, 0.0, -1200, 0L)] // far below the grid: 0
    public void SubnormalPower_RoundsToTheSubnormalGrid(double hi, double lo, long exponent, long units) =>
        BitConverter.DoubleToInt64Bits(PowerTable.SubnormalPower(hi, lo, exponent << 52)).Should().Be(units);

    [Fact]
    public void Get_SubnormalPowersPastTheTable_AreCorrectlyRounded()
    {
        // 0.96^k is subnormal from k = 17,354 (k ln 0.96 < ln 2^-1022) and below half of 2^-1074 from k = 18,254: past the 4096-entry
        // direct table, so the levels' sum is rounded to the subnormal grid from its bits.
        var table = new PowerTable(1.0, 0.96);
        for (int k = 17_300; k < 18_300; k += TestBudget.Count(13, 61))
        {
            AssertBits(table.Get(k), RoundedPower(0.96, k), k);
        }
    }

    /// <summary>
    /// Within <see cref="MaxUlpsFromMathPow"/> ulps of the reference when it is normal; below the normal range the same bits (the direct
    /// table holds Math.Pow itself, and past it the levels round to the subnormal grid, as
    /// <see cref="Get_SubnormalPowersPastTheTable_AreCorrectlyRounded"/> checks against exact powers).
    /// </summary>
    private static void AssertNear(double actual, double expected, long k)
    {
        if (Math.Abs(expected) < 2.2250738585072014E-308)
        {
            AssertBits(actual, expected, k);
            return;
        }

        long ulps = Math.Abs(BitConverter.DoubleToInt64Bits(actual) - BitConverter.DoubleToInt64Bits(expected));
        ulps.Should().BeLessThanOrEqualTo(MaxUlpsFromMathPow, $"k = {k}: {actual:R} against {expected:R}");
    }

    private static void AssertBits(double actual, double expected, long k) =>
        BitConverter.DoubleToInt64Bits(actual).Should().Be(BitConverter.DoubleToInt64Bits(expected), $"k = {k}: {actual:R} against {expected:R}");

    /// <summary><c>base^k</c> rounded to the nearest double (ties to even), subnormals included, from the exact integers.</summary>
    private static double RoundedPower(double @base, int k)
    {
        long bits = BitConverter.DoubleToInt64Bits(@base);
        long significand = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
        int scaleExponent = (int)(bits >> 52) - 1075; // base = significand * 2^scaleExponent
        BigInteger power = BigInteger.Pow(significand, k); // base^k = power * 2^(scaleExponent k)
        long length = (long)power.GetBitLength();
        long top = length - 1 + ((long)scaleExponent * k); // base^k is in [2^top, 2^(top + 1))
        long keep = top >= -1022 ? 53 : 53 - (-1022 - top);
        if (keep < 0)
        {
            return 0.0;
        }

        int drop = (int)(length - keep);
        BigInteger kept = power >> drop;
        BigInteger rest = power - (kept << drop);
        BigInteger half = BigInteger.One << (drop - 1);
        if (rest > half || (rest == half && !kept.IsEven))
        {
            kept += 1;
        }

        // kept * 2^(drop + scaleExponent k), scaled in two steps so neither leaves the range before the end.
        long exponent = drop + ((long)scaleExponent * k);
        return (double)kept * Math.Pow(2.0, exponent + 600) * Math.Pow(2.0, -600);
    }
}
