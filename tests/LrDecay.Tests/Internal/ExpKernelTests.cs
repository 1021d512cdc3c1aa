using LrDecay.Internal;

namespace LrDecay.Tests.Internal;

/// <summary>The exp that exponential decay uses per call and, vectorised, in batches.</summary>
public sealed class ExpKernelTests
{
    [Fact]
    public void Of_NonPositiveArguments_WithinTwoUlpsOfMathExp()
    {
        var random = new Random(11);
        double[] scales = [1e-9, 1e-3, 1.0, 30.0, 700.0, 708.0];
        for (int i = 0; i < 200_000; i++)
        {
            double x = -random.NextDouble() * scales[i % scales.Length];
            double expected = Math.Exp(x);
            Math.Abs(ExpKernel.Of(x) - expected).Should().BeLessThanOrEqualTo(4.5e-16 * expected, $"x = {x:R}");
        }
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-746.0, 0.0)]
    [InlineData(-1e300, 0.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    public void Of_Ends_AreExact(double x, double expected) => ExpKernel.Of(x).Should().Be(expected);

    [Fact]
    public void Of_Subnormal_StaysWithinOneSubnormalStep()
    {
        for (double x = -708.5; x > -745.0; x -= 0.37)
        {
            Math.Abs(ExpKernel.Of(x) - Math.Exp(x)).Should().BeLessThanOrEqualTo(double.Epsilon + (4.5e-16 * Math.Exp(x)), $"x = {x:R}");
        }
    }

    [Theory]
    [InlineData(0L, -0.731)]
    [InlineData(5L, -0.0173)]
    [InlineData(1_000L, -1e-300)]
    [InlineData(0L, 0.0)]
    [InlineData(9_007_199_254_740_000L, -8.3e-14)]
    [InlineData(9_007_199_254_740_992L, -8.3e-14)]
    [InlineData(9_007_199_254_740_993L, -2.2e-15)]
    [InlineData(9_007_199_254_740_990L, -2.2e-15)]
    public void FillScaledRamp_OddLengths_MatchesScalarBitForBit(long first, double rate)
    {
        // -0.731 per step crosses into the subnormal results (x < -708) and the clamp at -746; the rows from 2^53 - 992 start just
        // below and at 2^53, where the vector ramp stops being exact and the scalar loop takes over. At -8.3e-14 per step those far
        // rates underflow to 0; at -2.2e-15 they do not (x = -19.8 at 2^53), and from 2^53 + 1 a vector ramp would add 1 to
        // double(2^53 + 1) = 2^53 and give 2^53 where the step 2^53 + 2 is meant: the scalar loop must take every far step.
        foreach (int length in new[] { 0, 1, 3, 4, 5, 17, 1_027 })
        {
            var values = new double[length];
            double[] expected = Enumerable.Range(0, length).Select(i => 0.3 * ExpKernel.Of((first + i) * rate)).ToArray();
            ExpKernel.FillScaledRamp(first, rate, 0.3, values);
            values.Should().Equal(expected, $"first {first}, length {length}");
        }
    }
}
