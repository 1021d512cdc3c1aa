using LrDecay.Conformance;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Conformance;

/// <summary>Every case of every vector file in ../shared/conformance and in LRDECAY_CONFORMANCE_DIRS, each its own test.</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach ((string file, VectorCase c) in VectorSets.AllCases())
        {
            data.Add(file, c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_MatchesUpstream(string file, string name)
    {
        VectorCase c = VectorSets.Find(file, name);
        CaseResult result = ConformanceRunner.Run(c);
        Assert.True(result.Passed, $"{c.Id}: {result.Message}");
    }

    [Fact]
    public void SharedVectors_ArePresent()
    {
        // The shared folder must be found: an empty theory would pass by running nothing.
        VectorSets.SharedDirectory().Should().NotBeNull("../shared/conformance must sit beside the repository");
        VectorSets.AllCases().Count(x => x.File.StartsWith("shared/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(62);
    }

    [Fact]
    public void LocalVectors_ArePresent()
    {
        VectorSets.LocalDirectory().Should().NotBeNull("tests/vectors holds the repository's own upstream vectors");
        VectorSets.AllCases().Count(x => x.File.StartsWith("local/", StringComparison.Ordinal)).Should().BeGreaterThan(0);
    }
}
