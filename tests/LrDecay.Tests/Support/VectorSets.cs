using System.Text.Json;
using LrDecay.Conformance;

namespace LrDecay.Tests.Support;

/// <summary>
/// Finds the vector folders: the repository's own copy of the upstream vectors (<c>tests/vectors/conformance</c> and its
/// <c>v2/</c> folder), its other vectors (<c>tests/vectors</c>), and, when present, <c>../shared/conformance</c> beside the
/// repository (and its <c>v2/</c> folder) and every folder in LRDECAY_CONFORMANCE_DIRS.
/// </summary>
/// <remarks>
/// A case of the shared folder that the repository's copy also holds, with the same content, runs once (under its
/// repository name); a case that differs is listed by <see cref="Conflicts"/>, and runs under its shared name as well.
/// </remarks>
internal static class VectorSets
{
    private static readonly Lazy<Loaded> Sets = new(Load);

    internal static IReadOnlyList<(string File, VectorCase Case)> AllCases() => Sets.Value.Cases;

    /// <summary>Shared cases whose name the repository's copy holds with other content: <c>file/name</c> of each.</summary>
    internal static IReadOnlyList<string> Conflicts() => Sets.Value.Conflicts;

    internal static VectorCase Find(string file, string name) =>
        AllCases().Single(x => x.File == file && x.Case.Name == name).Case;

    /// <summary><c>../shared/conformance</c> beside the repository, or null when there is none (as in a user's clone).</summary>
    internal static string? SharedDirectory()
    {
        string? root = RepositoryRoot();
        string? shared = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance"));
        return shared is not null && Directory.Exists(shared) ? shared : null;
    }

    /// <summary><c>tests/vectors</c>: the repository's own vectors beyond the upstream copies.</summary>
    internal static string? LocalDirectory()
    {
        string? root = RepositoryRoot();
        string? local = root is null ? null : Path.Combine(root, "tests", "vectors");
        return local is not null && Directory.Exists(local) ? local : null;
    }

    /// <summary><c>tests/vectors/conformance</c>: the repository's copy of the upstream conformance vectors.</summary>
    internal static string RepositoryConformanceDirectory() => Path.Combine(RequiredRepositoryRoot(), "tests", "vectors", "conformance");

    /// <summary>The folder holding LrDecay.sln above the test binaries; a test that reads a checked-in file fails without it.</summary>
    internal static string RequiredRepositoryRoot() =>
        RepositoryRoot() ?? throw new InvalidOperationException("LrDecay.sln not found above the test binaries.");

    /// <summary>A folder of this test project's sources (e.g. <c>Config</c>), where its recorded files live.</summary>
    internal static string TestSourceDirectory(string folder) => Path.Combine(RequiredRepositoryRoot(), "tests", "LrDecay.Tests", folder);

    /// <summary>The folder holding LrDecay.sln above the test binaries, or null when there is none.</summary>
    internal static string? RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LrDecay.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static Loaded Load()
    {
        var others = new List<(string Label, string Directory)>();
        string? shared = SharedDirectory();
        if (shared is not null)
        {
            others.Add(("shared", shared));
            others.Add(("shared/v2", Path.Combine(shared, "v2")));
        }

        IReadOnlyList<string> extra = ConformanceRunner.ExtraDirectories();
        for (int i = 0; i < extra.Count; i++)
        {
            others.Add(($"extra{i}", extra[i]));
        }

        return Merge(RepositoryConformanceDirectory(), LocalDirectory(), others);
    }

    /// <summary>
    /// The cases of the repository's copy (<paramref name="repository"/> and its <c>v2/</c>), of <paramref name="local"/>, and
    /// of each other folder less the cases the repository's copy holds with the same content.
    /// </summary>
    internal static Loaded Merge(string repository, string? local, IEnumerable<(string Label, string Directory)> others)
    {
        var result = new List<(string, VectorCase)>();
        var conflicts = new List<string>();
        var known = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        AddFolder(result, known, null, "repo", repository);
        AddFolder(result, known, null, "repo/v2", Path.Combine(repository, "v2"));
        if (local is not null)
        {
            AddFolder(result, null, null, "local", local);
        }

        foreach ((string label, string directory) in others)
        {
            AddFolder(result, known, conflicts, label, directory);
        }

        return new Loaded(result, conflicts);
    }

    /// <summary>
    /// Adds a folder's cases. With <paramref name="conflicts"/> null, each case is recorded in <paramref name="known"/> under
    /// its file name and case name; otherwise a case recorded there with equal content is left out, and one with other
    /// content is added and named in <paramref name="conflicts"/>.
    /// </summary>
    private static void AddFolder(
        List<(string, VectorCase)> result,
        Dictionary<string, JsonElement>? known,
        List<string>? conflicts,
        string label,
        string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (string path in VectorFile.FindFiles([directory]))
        {
            Dictionary<string, JsonElement>? raw = RawCases(path, out bool import);
            if (import)
            {
                // Import vectors (lrdecay import) have their own runner in the CLI tests.
                continue;
            }

            string fileName = Path.GetFileName(path);
            foreach (VectorCase c in VectorFile.Load(path).Cases)
            {
                string key = $"{fileName}/{c.Name}";
                if (known is not null && raw is not null && raw.TryGetValue(c.Name, out JsonElement element))
                {
                    if (conflicts is null)
                    {
                        known[key] = element;
                    }
                    else if (known.TryGetValue(key, out JsonElement copy))
                    {
                        if (JsonElement.DeepEquals(copy, element))
                        {
                            continue;
                        }

                        conflicts.Add($"{label}/{key}");
                    }
                }

                result.Add(($"{label}/{fileName}", c));
            }
        }
    }

    /// <summary>
    /// Each case of a vector file as JSON, by its name, from one read of the file; <paramref name="import"/> tells an import-vector
    /// file (<c>"format": "lrdecay-import-vectors/..."</c>). Null for a file that is not JSON: <see cref="VectorFile.Load"/> then says
    /// what is wrong with it.
    /// </summary>
    private static Dictionary<string, JsonElement>? RawCases(string path, out bool import)
    {
        import = false;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            import = root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("format", out JsonElement format)
                && format.ValueKind == JsonValueKind.String
                && format.GetString()!.StartsWith("lrdecay-import-vectors/", StringComparison.Ordinal);
            var cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("cases", out JsonElement array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement c in array.EnumerateArray())
                {
                    if (c.ValueKind == JsonValueKind.Object && c.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String)
                    {
                        cases[name.GetString()!] = c.Clone();
                    }
                }
            }

            return cases;
        }
    }

    internal sealed record Loaded(IReadOnlyList<(string File, VectorCase Case)> Cases, IReadOnlyList<string> Conflicts);
}
