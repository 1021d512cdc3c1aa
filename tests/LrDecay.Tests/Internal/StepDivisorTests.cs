using FluentAssertions;
using LrDecay.Internal;

namespace LrDecay.Tests.Internal;

/// <summary>
/// <see cref="StepDivisor"/>, the division-free <c>floor(step / divisor)</c> of the step-like schedules, against the exact 64-bit
/// division: every multiple and its neighbours, both sides of the product limit, the largest steps and divisors.
/// </summary>
public sealed class StepDivisorTests
{
    private const long Limit = StepDivisor.ProductLimit;

    public static TheoryData<long> Divisors() =>
    [
        1, 2, 3, 7, 10, 1000, 1024, 1025, 65_537, (1L << 26) + 1, 1_000_000_007, (1L << 40) - 3, (1L << 50) + 1,
        Limit - 1, Limit, Limit + 1, (1L << 53) + 1, long.MaxValue / 3, long.MaxValue - 1, long.MaxValue,
    ];

    [Theory]
    [MemberData(nameof(Divisors))]
    public void Quotient_AroundEveryMultiple_IsTheExactDivision(long divisor)
    {
        var d = new StepDivisor(divisor);
        foreach (long multiple in Multiples(divisor))
        {
            for (long step = multiple - 2; step <= multiple + 2; step++)
            {
                if (step >= 0 && step <= long.MaxValue - 2)
                {
                    Check(d, divisor, step);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Divisors))]
    public void Quotient_AroundTheProductLimitAndTheLargestSteps_IsTheExactDivision(long divisor)
    {
        var d = new StepDivisor(divisor);
        long[] centres = [0, int.MaxValue, Limit - 1, Limit, 1L << 52, 1L << 53, long.MaxValue - 3];
        foreach (long centre in centres)
        {
            for (long step = Math.Max(0, centre - 3); step <= centre + 3 && step >= 0; step++)
            {
                Check(d, divisor, step);
                if (step == long.MaxValue)
                {
                    break;
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Divisors))]
    public void Quotient_AtRandomSteps_IsTheExactDivision(long divisor)
    {
        var d = new StepDivisor(divisor);
        var random = new Random(unchecked((int)divisor));
        for (int i = 0; i < 20_000; i++)
        {
            // Half below the product limit (where the product is used), half anywhere.
            long step = i % 2 == 0 ? random.NextInt64(0, Limit) : random.NextInt64(0, long.MaxValue);
            Check(d, divisor, step);
        }
    }

    private static void Check(StepDivisor d, long divisor, long step)
    {
        long quotient = d.Quotient(step, out long remainder);
        quotient.Should().Be(step / divisor, "floor({0} / {1})", step, divisor);
        remainder.Should().Be(step % divisor, "{0} mod {1}", step, divisor);
        d.Quotient(step).Should().Be(quotient);
    }

    /// <summary>Multiples of the divisor: the first few, those just below and above the product limit, and the largest.</summary>
    private static IEnumerable<long> Multiples(long divisor)
    {
        for (long k = 0; k <= 5; k++)
        {
            if (k <= long.MaxValue / divisor)
            {
                yield return k * divisor;
            }
        }

        foreach (long around in new[] { Limit, 1L << 53, long.MaxValue })
        {
            long k = around / divisor;
            for (long j = Math.Max(0, k - 2); j <= k + 2 && j <= long.MaxValue / divisor; j++)
            {
                yield return j * divisor;
            }
        }
    }
}
