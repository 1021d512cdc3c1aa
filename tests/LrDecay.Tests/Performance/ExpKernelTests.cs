using LrDecay.Internal;

namespace LrDecay.Tests.Performance;

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

    [Fact]
    public void ScaleExpInPlace_OddLengths_MatchesScalarBitForBit()
    {
        foreach (int length in new[] { 0, 1, 3, 4, 5, 17, 1_027 })
        {
            var values = new double[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = -0.731 * i;
            }

            double[] expected = values.Select(x => 0.3 * ExpKernel.Of(x)).ToArray();
            ExpKernel.ScaleExpInPlace(values, 0.3);
            values.Should().Equal(expected);
        }
    }

    [Fact]
    public void Exponential_FillAndGetLearningRate_AgreeBitForBit()
    {
        var schedule = Schedules.Exponential(3e-4, 0.93, 13);
        var filled = new double[3_001];
        schedule.Fill(0, filled);
        for (int step = 0; step < filled.Length; step++)
        {
            BitConverter.DoubleToInt64Bits(filled[step]).Should().Be(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(step)), $"step {step}");
        }
    }
}
