using System.Numerics;
using LrDecay.Internal;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Internal;

/// <summary>
/// <see cref="Float32Rounding"/>: cos and pow of float32 arguments correctly rounded to float32 (against <see cref="ReferenceMath"/>),
/// exact ties to even, and the exact comparisons it falls back on near a rounding boundary.
/// </summary>
public sealed class Float32RoundingTests
{
    private static readonly int Samples = TestBudget.Count(4_000, 400);

    [Fact]
    public void Cos_OfFloat32Arguments_IsCorrectlyRounded()
    {
        var random = new Random(21);
        for (int i = 0; i < Samples; i++)
        {
            double x = i % 3 == 0 ? (float)(random.NextDouble() * 3.1415927) : (float)(((i % 7) + 1) * Math.PI / 2 * (1 + ((random.NextDouble() - 0.5) * 1e-6)));
            Float32Rounding.Cos(x).Should().Be(RoundToFloat32(ReferenceMath.Cos(x)), $"cos({x:R})");
        }
    }

    [Fact]
    public void Pow_OfFloat32Arguments_IsCorrectlyRounded()
    {
        var random = new Random(22);
        for (int i = 0; i < Samples; i++)
        {
            double x = (float)((i % 3) switch
            {
                0 => random.NextDouble(),
                1 => 0.9 + (random.NextDouble() * 0.1),
                _ => 1.0 + (random.NextDouble() * 2.0),
            });
            double y = (float)((i % 4) switch
            {
                0 => random.Next(0, 200),
                1 => random.NextDouble() * 40.0,
                2 => -random.NextDouble() * 10.0,
                _ => Math.Floor(random.NextDouble() * 64) / 8,
            });
            if (x == 0.0 || x == 1.0 || y == 0.0)
            {
                continue;
            }

            Float32Rounding.Pow(x, y).Should().Be(RoundToFloat32(ReferenceMath.Pow(x, y)), $"pow({x:R}, {y:R})");
        }
    }

    /// <summary>
    /// Powers of float32 values that are float32 midpoints exactly: <c>(259/256)^3 = 259^3 2^-24</c>, halfway between two float32
    /// values of which the lower is odd (so it rounds up), the same through <c>(259^2 2^-16)^1.5</c>, and <c>(1 + 2^-12)^2</c>, halfway
    /// with an even lower neighbour (so it rounds down).
    /// </summary>
    [Theory]
    [InlineData(1.01171875, 3.0, 8686990.0 / 8388608.0)]
    [InlineData(67081.0 / 65536.0, 1.5, 8686990.0 / 8388608.0)]
    [InlineData(1.000244140625, 2.0, 1.00048828125)]
    [InlineData(0.5, 3.0, 0.125)]
    public void Pow_ExactTies_RoundToEven(double x, double y, double expected) => Float32Rounding.Pow(x, y).Should().Be(expected);

    [Fact]
    public void CosSign_NextToTheValue_IsExact()
    {
        var random = new Random(23);
        for (int i = 0; i < TestBudget.Count(300, 30); i++)
        {
            double x = (float)(random.NextDouble() * 3.14);
            double near = Elementary.Cos(x);
            foreach (double mid in new[] { near, BitDecrement(near), BitIncrement(near) })
            {
                Float32Rounding.CosSign(x, Math.Abs(mid)).Should().Be(Sign(ReferenceMath.Cos(x), Math.Abs(mid), absolute: true), $"cos({x:R}) against {mid:R}");
            }
        }
    }

    [Fact]
    public void PowSign_NextToTheValue_IsExact()
    {
        var random = new Random(24);
        for (int i = 0; i < TestBudget.Count(300, 30); i++)
        {
            double x = (float)(0.5 + random.NextDouble());
            double y = (float)((random.NextDouble() - 0.3) * 50.0);
            if (x == 1.0 || y == 0.0)
            {
                continue;
            }

            double near = Elementary.Pow(x, y);
            foreach (double mid in new[] { near, BitDecrement(near), BitIncrement(near) })
            {
                Float32Rounding.PowSign(x, y, mid).Should().Be(Sign(ReferenceMath.Pow(x, y), mid, absolute: false), $"pow({x:R}, {y:R}) against {mid:R}");
            }
        }
    }

    private static double BitDecrement(double x) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) - 1);

    private static double BitIncrement(double x) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) + 1);

    /// <summary><c>sign(value - mid)</c> (of <c>|value|</c> when <paramref name="absolute"/>).</summary>
    private static int Sign((BigInteger M, int E) value, double mid, bool absolute)
    {
        (BigInteger mm, int me) = ReferenceMath.Exact(mid);
        BigInteger m = absolute ? BigInteger.Abs(value.M) : value.M;
        int common = Math.Min(value.E, me);
        return BigInteger.Compare(m << (value.E - common), mm << (me - common));
    }

    /// <summary>The exact value rounded to the nearest float32 (ties to even; the reference is never a tie here).</summary>
    private static double RoundToFloat32((BigInteger M, int E) value)
    {
        int sign = value.M.Sign;
        BigInteger m = BigInteger.Abs(value.M);
        long length = (long)m.GetBitLength();
        long top = length - 1 + value.E;
        long keep = top >= -126 ? 24 : 24 - (-126 - top);
        int drop = (int)(length - keep);
        BigInteger kept = m >> drop;
        BigInteger rest = m - (kept << drop);
        BigInteger half = BigInteger.One << (drop - 1);
        if (rest > half || (rest == half && !kept.IsEven))
        {
            kept += 1;
        }

        double rounded = (double)kept * Math.ScaleB(1.0, drop + value.E);
        return sign * (rounded > float.MaxValue ? double.PositiveInfinity : rounded);
    }
}
