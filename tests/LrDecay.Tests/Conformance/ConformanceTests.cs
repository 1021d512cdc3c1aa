using LrDecay.Conformance;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Conformance;

/// <summary>
/// Every case of every vector file in tests/vectors/conformance (and its v2/ folder), tests/vectors, and, when present,
/// ../shared/conformance (and its v2/ folder) and LRDECAY_CONFORMANCE_DIRS, each its own test (a case held twice runs once); the cases of types or properties not built yet sit in one explicit list, <c>pending.txt</c>, which
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
    public void RepositoryVectors_ArePresent()
    {
        // The repository's own copy must be found: an empty theory would pass by running nothing.
        Directory.Exists(VectorSets.RepositoryConformanceDirectory()).Should().BeTrue("tests/vectors/conformance holds the upstream vectors");
        VectorSets.AllCases().Count(x => x.File.StartsWith("repo/", StringComparison.Ordinal) && !x.File.StartsWith("repo/v2/", StringComparison.Ordinal))
            .Should().BeGreaterThanOrEqualTo(62, "the version 1 files hold 62 cases");
        VectorSets.AllCases().Count(x => x.File.StartsWith("repo/v2/", StringComparison.Ordinal))
            .Should().BeGreaterThanOrEqualTo(90, "the version 2 files hold 90 cases");
    }

    [Fact]
    public void SharedVectors_WhenPresent_MatchTheRepositoryCopyCaseForCase()
    {
        // A shared case also held here runs once; one whose content differs from the copy here is named.
        VectorSets.Conflicts().Should().BeEmpty("a case in ../shared/conformance or LRDECAY_CONFORMANCE_DIRS differs from tests/vectors/conformance");
        string? shared = VectorSets.SharedDirectory();
        if (shared is null)
        {
            output.WriteLine("../shared/conformance is not beside the repository: the repository's copy alone runs.");
            return;
        }

        int sharedCases = VectorFile.FindFiles([shared, Path.Combine(shared, "v2")]).Sum(f => VectorFile.Load(f).Cases.Count);
        int repositoryCases = VectorSets.AllCases().Count(x => x.File.StartsWith("repo/", StringComparison.Ordinal));
        int newCases = VectorSets.AllCases().Count(x => x.File.StartsWith("shared/", StringComparison.Ordinal));
        output.WriteLine($"../shared/conformance: {sharedCases} cases, {newCases} of them not in the repository's copy ({repositoryCases} cases).");
        sharedCases.Should().BeGreaterThan(0);
    }

    [Fact]
    public void SharedVectors_CaseDifferingFromTheRepositoryCopy_IsNamed()
    {
        string folder = Directory.CreateTempSubdirectory("lrdecay-vectors-").FullName;
        try
        {
            string repository = VectorSets.RepositoryConformanceDirectory();
            string text = File.ReadAllText(Path.Combine(repository, "pytorch.json"));
            string copy = Path.Combine(folder, "pytorch.json");
            int repositoryCases = VectorSets.Merge(repository, null, []).Cases.Count;

            // The same file: every case is the repository's, so each runs once.
            File.WriteAllText(copy, text);
            VectorSets.Loaded same = VectorSets.Merge(repository, null, [("probe", folder)]);
            same.Conflicts.Should().BeEmpty();
            same.Cases.Should().HaveCount(repositoryCases);

            // One expected value changed: that case is named by label, file and case, and runs as well.
            var node = System.Text.Json.Nodes.JsonNode.Parse(text)!;
            System.Text.Json.Nodes.JsonNode first = node["cases"]![0]!;
            System.Text.Json.Nodes.JsonArray expected = first["expected"]!.AsArray();
            expected[0] = expected[0]!.GetValue<double>() * 2;
            File.WriteAllText(copy, node.ToJsonString());
            VectorSets.Loaded changed = VectorSets.Merge(repository, null, [("probe", folder)]);
            changed.Conflicts.Should().Equal($"probe/pytorch.json/{first["name"]!.GetValue<string>()}");
            changed.Cases.Should().HaveCount(repositoryCases + 1);
            changed.Cases[^1].File.Should().Be("probe/pytorch.json");

            // A case the repository lacks runs under the other folder's label.
            first["name"] = "only-in-the-other-folder";
            File.WriteAllText(copy, node.ToJsonString());
            VectorSets.Loaded added = VectorSets.Merge(repository, null, [("probe", folder)]);
            added.Conflicts.Should().BeEmpty();
            added.Cases.Should().ContainSingle(x => x.File == "probe/pytorch.json").Which.Case.Name.Should().Be("only-in-the-other-folder");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LocalVectors_ArePresent()
    {
        VectorSets.LocalDirectory().Should().NotBeNull("tests/vectors holds the repository's own upstream vectors");
        VectorSets.AllCases().Count(x => x.File.StartsWith("local/", StringComparison.Ordinal)).Should().BeGreaterThan(0);
    }
}
