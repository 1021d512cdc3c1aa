using System.Numerics;
using LrDecay.Internal;

namespace LrDecay.Tests.Internal;

/// <summary><see cref="BitMath"/>: the portable integer log2 and the dispatching one, against <see cref="BitOperations.Log2(ulong)"/>.</summary>
public sealed class BitMathTests
{
    [Fact]
    public void Log2Portable_MatchesBitOperations()
    {
        var values = new List<ulong> { 0, 1, 2, 3, ulong.MaxValue, long.MaxValue };
        for (int e = 0; e < 64; e++)
        {
            ulong power = 1UL << e;
            values.AddRange([power - 1, power, power + 1]);
        }

        var random = new Random(63);
        for (int n = 0; n < 1_000; n++)
        {
            values.Add((ulong)random.NextInt64() >> random.Next(0, 63));
        }

        foreach (ulong value in values)
        {
            BitMath.Log2Portable(value).Should().Be(BitOperations.Log2(value), $"value {value}");
            BitMath.Log2(value).Should().Be(BitOperations.Log2(value), $"value {value}");
        }
    }
}
