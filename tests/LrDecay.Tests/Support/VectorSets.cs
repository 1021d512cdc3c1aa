using LrDecay.Conformance;

namespace LrDecay.Tests.Support;

/// <summary>
/// Finds the vector folders: ../shared/conformance beside the repository and its v2/ folder, the repository's own tests/vectors, and
/// every folder in LRDECAY_CONFORMANCE_DIRS.
/// </summary>
internal static class VectorSets
{
    private static readonly Lazy<IReadOnlyList<(string File, VectorCase Case)>> Loaded = new(Load);

    internal static IReadOnlyList<(string File, VectorCase Case)> AllCases() => Loaded.Value;

    internal static VectorCase Find(string file, string name) =>
        AllCases().Single(x => x.File == file && x.Case.Name == name).Case;

    internal static string? SharedDirectory()
    {
        string? root = RepositoryRoot();
        string? shared = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance"));
        return shared is not null && Directory.Exists(shared) ? shared : null;
    }

    internal static string? LocalDirectory()
    {
        string? root = RepositoryRoot();
        string? local = root is null ? null : Path.Combine(root, "tests", "vectors");
        return local is not null && Directory.Exists(local) ? local : null;
    }

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

    private static IReadOnlyList<(string File, VectorCase Case)> Load()
    {
        var result = new List<(string, VectorCase)>();
        string? shared = SharedDirectory();
        if (shared is not null)
        {
            Add(result, "shared", shared);
        }

        string? sharedV2 = shared is null ? null : Path.Combine(shared, "v2");
        if (sharedV2 is not null && Directory.Exists(sharedV2))
        {
            Add(result, "shared/v2", sharedV2);
        }

        string? local = LocalDirectory();
        if (local is not null)
        {
            Add(result, "local", local);
        }

        IReadOnlyList<string> extra = ConformanceRunner.ExtraDirectories();
        for (int i = 0; i < extra.Count; i++)
        {
            Add(result, $"extra{i}", extra[i]);
        }

        return result;
    }

    private static void Add(List<(string, VectorCase)> result, string label, string directory)
    {
        foreach (string path in VectorFile.FindFiles([directory]))
        {
            if (IsImportVectorFile(path))
            {
                // Import vectors (lrdecay import) have their own runner in the CLI tests.
                continue;
            }

            VectorFile file = VectorFile.Load(path);
            foreach (VectorCase c in file.Cases)
            {
                result.Add(($"{label}/{Path.GetFileName(path)}", c));
            }
        }
    }

    private static bool IsImportVectorFile(string path)
    {
        using var reader = new StreamReader(path);
        char[] head = new char[400];
        int read = reader.ReadBlock(head, 0, head.Length);
        return new string(head, 0, read).Contains("\"lrdecay-import-vectors/", StringComparison.Ordinal);
    }
}
