using LrDecay.Conformance;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Conformance;

/// <summary>
/// Every case of every vector file in ../shared/conformance (and its v2/ folder), tests/vectors and LRDECAY_CONFORMANCE_DIRS, each its
/// own test; the cases of types or properties not built yet sit in one explicit list, <c>pending.txt</c>, which
/// <see cref="PendingCases_AreStillUnbuilt"/> prints and checks.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        HashSet<(string, string)> pending = Pending();
        foreach ((string file, VectorCase c) in VectorSets.AllCases())
        {
            if (!pending.Contains((file, c.Name)))
            {
                data.Add(file, c.Name);
            }
        }

        return data;
    }

    [Fact]
    public void PendingCases_AreStillUnbuilt()
    {
        HashSet<(string File, string Name)> pending = Pending();
        output.WriteLine($"{pending.Count} conformance cases pending (types or properties not built yet):");
        var stale = new List<string>();
        foreach ((string file, string name) in pending.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            VectorCase? c = VectorSets.AllCases().Where(x => x.File == file && x.Case.Name == name).Select(x => x.Case).FirstOrDefault();
            if (c is null)
            {
                stale.Add($"{file} {name}: no such case");
                continue;
            }

            CaseResult result = ConformanceRunner.Run(c);
            output.WriteLine($"  pending {c.Id}: {result.Message}");

            // A pending case must still fail, or, for an invalid config, be rejected only because a type or property is unknown.
            bool unbuilt = c.Error
                ? result.Message.Contains("unknown schedule type", StringComparison.Ordinal) || result.Message.Contains("unknown property", StringComparison.Ordinal)
                : !result.Passed;
            if (!unbuilt)
            {
                stale.Add($"{c.Id}: {(result.Passed ? "passes" : result.Message)}; remove it from pending.txt");
            }
        }

        stale.Should().BeEmpty("pending.txt lists only cases of what is not built yet");
    }

    private static HashSet<(string File, string Name)> Pending()
    {
        string path = Path.Combine(VectorSets.TestSourceDirectory("Conformance"), "pending.txt");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => (parts[0], parts[1]))
            .ToHashSet();
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
