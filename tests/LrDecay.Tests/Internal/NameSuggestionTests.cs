using LrDecay.Internal;

namespace LrDecay.Tests.Internal;

/// <summary><see cref="NameSuggestion"/>: a case-only difference or a slip of a few characters finds the name; another word does not.</summary>
public sealed class NameSuggestionTests
{
    private static readonly string[] Types = ScheduleJson.Types.Select(t => t.Name).ToArray();

    [Theory]
    [InlineData("Cosine", "cosine")]
    [InlineData("COSINERESTARTS", "cosineRestarts")]
    [InlineData("onecycle", "oneCycle")]
    public void Closest_CaseOnlyDifference_IsTheKnownSpelling(string given, string expected) =>
        NameSuggestion.Closest(given, Types).Should().Be(expected);

    [Theory]
    [InlineData("cosin", "cosine")]
    [InlineData("cosien", "cosine")]
    [InlineData("konstant", "constant")]
    [InlineData("expnential", "exponential")]
    [InlineData("polynominal", "polynomial")]
    [InlineData("Warmpu", "warmup")]
    [InlineData("plateu", "plateau")]
    public void Closest_OneSlip_FindsTheType(string given, string expected) =>
        NameSuggestion.Closest(given, Types).Should().Be(expected);

    [Theory]
    [InlineData("triangle")]
    [InlineData("no-such-type")]
    [InlineData("zzzUnknown")]
    [InlineData("")]
    [InlineData("sgdr")]
    public void Closest_NothingClose_IsNull(string given) =>
        NameSuggestion.Closest(given, Types).Should().BeNull();

    [Theory]
    [InlineData("mean", new[] { "min", "max" }, null)]
    [InlineData("x", new[] { "range", "peak" }, null)]
    [InlineData("exp_range", new[] { "triangular", "triangular2", "expRange" }, "expRange")]
    [InlineData("Max", new[] { "min", "max" }, "max")]
    [InlineData("epoch", new[] { "epochs", "samples", "tokens", "fraction" }, "epochs")]
    [InlineData("decayStep", new[] { "type", "initialLr", "decaySteps", "minLr" }, "decaySteps")]
    public void Closest_AmongFewNames(string given, string[] known, string? expected) =>
        NameSuggestion.Closest(given, known).Should().Be(expected);

    [Fact]
    public void Closest_CaseOnlyMatch_WinsOverAnEarlierNearName() =>
        NameSuggestion.Closest("Step", ["steps", "step"]).Should().Be("step");

    [Fact]
    public void Closest_Tie_TakesTheFirstInOrder()
    {
        NameSuggestion.Closest("abcd", ["abcx", "abcy"]).Should().Be("abcx");
        NameSuggestion.Closest("abcd", ["abcy", "abcx"]).Should().Be("abcy");
    }

    [Fact]
    public void Closest_ANearerNameLaterInTheList_Wins() =>
        NameSuggestion.Closest("abcdefgh", ["abcdefxy", "abcdefgx"]).Should().Be("abcdefgx");

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    [InlineData(11, 2)]
    [InlineData(12, 3)]
    public void MaxDistance_IsAQuarterOfTheLengthAtLeastOne(int length, int expected) =>
        NameSuggestion.MaxDistance(length).Should().Be(expected);

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("ABC", "abc", 0)]
    [InlineData("ab", "ba", 1)]
    [InlineData("abcd", "acbd", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("ca", "abc", 3)]
    [InlineData("flaw", "lawn", 2)]
    public void Distance_CountsInsertionsDeletionsSubstitutionsAndAdjacentSwaps(string a, string b, int expected)
    {
        NameSuggestion.Distance(a, b, 10).Should().Be(expected);
        NameSuggestion.Distance(b, a, 10).Should().Be(expected);
    }

    [Theory]
    [InlineData("abcdef", "uvwxyz", 2)]
    [InlineData("a", "abcd", 1)]
    [InlineData("kitten", "sitting", 2)]
    [InlineData("abcdefgh", "abcdefgh", 0)]
    public void Distance_AboveTheLimit_IsTheLimitPlusOne(string a, string b, int limit)
    {
        int full = NameSuggestion.Distance(a, b, 100);

        NameSuggestion.Distance(a, b, limit).Should().Be(Math.Min(full, limit + 1));
    }
}
