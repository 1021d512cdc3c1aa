using LrDecay.Internal;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Internal;

/// <summary>
/// The fused multiply-add of the netstandard2.0 build (<see cref="Fused.Emulated"/>, no fused instruction) against the instruction
/// (<see cref="Math.FusedMultiplyAdd"/>): the same bits on every case, including those where a second rounding would go wrong.
/// </summary>
public sealed class FusedTests
{
    private static readonly int Cases = TestBudget.Count(400_000, 40_000);

    [Theory]
    [InlineData(1.5, 1.0000000000000002, 0.0)] // 1.5 + 1.5 * 2^-52: exactly halfway between two doubles, to even.
    [InlineData(1.5, 1.0000000000000002, 1e-300)] // The same tie broken upwards by a tiny addend.
    [InlineData(1.5, 1.0000000000000002, -1e-300)] // ... and downwards.
    [InlineData(1.0000000000000002, 1.0000000000000002, -1.0)] // The product's low bits are the whole result.
    [InlineData(0.1, 10.0, -1.0)] // The rounding error of 0.1 times 10.
    [InlineData(3.0, 0.0, -2.5)]
    [InlineData(0.0, 5.0, 0.0)]
    [InlineData(-1.0, 0.0, -0.0)]
    [InlineData(1e150, 1e150, -1e300)]
    [InlineData(2.0, -0.49999999999999994, 1.0)]
    public void Emulated_HardCases_MatchTheInstruction(double a, double b, double c) => Same(a, b, c);

    [Fact]
    public void Emulated_RandomOperands_MatchTheInstruction()
    {
        var random = new Random(11);
        for (int i = 0; i < Cases; i++)
        {
            double a = Operand(random);
            double b = Operand(random);
            double product = a * b;
            double ulp = Math.BitIncrement(Math.Abs(product)) - Math.Abs(product);
            double c = (i % 8) switch
            {
                // An addend that cancels the rounded product, so that its rounding error decides the result.
                0 => -product,
                1 => -product + (ulp * random.Next(-8, 9)),
                2 => -product + (ulp * 0.5 * ((2 * random.Next(-4, 4)) + 1)),
                // An addend a few binades below or above the product: sums near ties at the product's last bits.
                3 => product * Math.ScaleB(1.0 + random.NextDouble(), -random.Next(1, 110)) * (random.Next(2) == 0 ? 1 : -1),
                4 => product * Math.ScaleB(1.0 + random.NextDouble(), random.Next(1, 60)) * (random.Next(2) == 0 ? 1 : -1),
                // Ties: halfway points of the product's last bit, nudged by a tiny amount or not at all.
                5 => ulp * 0.5 * (random.Next(3) - 1) * Math.ScaleB(1.0, -random.Next(0, 200)),
                6 => Operand(random),
                _ => 0.0,
            };

            Same(a, b, c);
        }
    }

    [Fact]
    public void Emulated_OperandsOfFewBits_MatchTheInstruction()
    {
        // Operands with few significant bits make exact ties and exact cancellations common.
        var random = new Random(12);
        for (int i = 0; i < Cases; i++)
        {
            double a = Math.ScaleB(random.Next(1, 1 << 27) | 1, random.Next(-40, 0));
            double b = Math.ScaleB(random.Next(1, 1 << 27) | 1, random.Next(-40, 0));
            double c = Math.ScaleB(random.Next(-(1 << 30), 1 << 30), random.Next(-110, -20));
            Same(a, b, c);
            Same(a, -b, c);
        }
    }

    [Fact]
    public void MultiplyAdd_IsTheInstructionOnThisBuild() =>
        Fused.MultiplyAdd(1.5, 1.0000000000000002, 1e-300).Should().Be(Math.FusedMultiplyAdd(1.5, 1.0000000000000002, 1e-300));

    /// <summary>A random double of either sign, with an exponent in <c>[-200, 200]</c>.</summary>
    private static double Operand(Random random) =>
        Math.ScaleB(1.0 + random.NextDouble(), random.Next(-200, 201)) * (random.Next(2) == 0 ? 1 : -1);

    private static void Same(double a, double b, double c)
    {
        double expected = Math.FusedMultiplyAdd(a, b, c);
        double emulated = Fused.Emulated(a, b, c);
        BitConverter.DoubleToInt64Bits(emulated).Should().Be(
            BitConverter.DoubleToInt64Bits(expected), $"fma({a:R}, {b:R}, {c:R}) = {expected:R}, emulated {emulated:R}");
    }
}
