using LrDecay.Internal;

namespace LrDecay.Tests.Internal;

/// <summary>
/// <see cref="StepDivisor"/> past <see cref="StepDivisor.ProductLimit"/> (the magic-number product): the quotient and remainder of
/// <c>/</c> and <c>%</c>, for divisors of every size (1, powers of two and their neighbours, primes, long.MaxValue) and dividends up to
/// long.MaxValue.
/// </summary>
public sealed class StepDivisorMagicTests
{
    public static TheoryData<long> Divisors() => new(
        1L, 2L, 3L, 7L, 1_000L, 1_024L, 1_025L, 3_000L, 4_000L, 30_000L, 100_000L, 1_000_000_007L,
        (1L << 31) - 1, 1L << 32, (1L << 32) + 1, (1L << 51) - 1, 1L << 51, (1L << 62) + 1, long.MaxValue - 1, long.MaxValue);

    [Theory]
    [MemberData(nameof(Divisors))]
    public void Quotient_FarSteps_IsDivisionAndRemainder(long divisor)
    {
        var divider = new StepDivisor(divisor);
        var random = new Random(11);
        var steps = new List<long> { StepDivisor.ProductLimit, StepDivisor.ProductLimit + 1, 1L << 62, (1L << 62) - 1, long.MaxValue, long.MaxValue - 1 };
        for (long k = 1; k < 64; k++)
        {
            // Around whole multiples of the divisor far out: the steps where a quotient off by one would show.
            long multiple = (long.MaxValue / divisor / k) * divisor;
            steps.AddRange([multiple - 1, multiple, multiple + 1]);
        }

        for (int i = 0; i < 5_000; i++)
        {
            steps.Add(StepDivisor.ProductLimit + (long)(random.NextDouble() * (long.MaxValue - StepDivisor.ProductLimit)));
        }

        foreach (long step in steps.Where(s => s >= 0))
        {
            long quotient = divider.Quotient(step, out long remainder);
            quotient.Should().Be(step / divisor, $"step {step}");
            remainder.Should().Be(step % divisor, $"step {step}");
            divider.Far(step).Should().Be(step / divisor, $"step {step}");
        }
    }

    [Fact]
    public void Far_SmallSteps_IsDivisionToo()
    {
        // The product holds for every dividend below 2^63, not only past ProductLimit.
        foreach (long divisor in new[] { 1L, 3L, 1_000L, 1_025L })
        {
            var divider = new StepDivisor(divisor);
            for (long step = 0; step < 10_000; step++)
            {
                divider.Far(step).Should().Be(step / divisor);
            }
        }
    }
}
