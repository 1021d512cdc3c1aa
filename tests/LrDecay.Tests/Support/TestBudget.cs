namespace LrDecay.Tests.Support;

/// <summary>
/// Iteration counts of the heavy reliability tests. Full by default (CI and <c>dotnet test</c>); a mutation-testing run sets
/// <c>LRDECAY_TEST_BUDGET=mutation</c> so each of its thousands of test runs stays short (the counts drop to a tenth or less).
/// </summary>
internal static class TestBudget
{
    internal static readonly bool Reduced =
        string.Equals(Environment.GetEnvironmentVariable("LRDECAY_TEST_BUDGET"), "mutation", StringComparison.OrdinalIgnoreCase);

    internal static int Count(int full, int reduced) => Reduced ? reduced : full;
}
