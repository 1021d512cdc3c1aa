namespace LrDecay.Cli.Tests;

/// <summary>Where the repository and its conformance vectors are.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/conformance</c> beside the repository; it exists only where the shared vectors are laid beside it.</summary>
    public static string SharedConformance => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", "conformance"));

    /// <summary>The repository's copy of the upstream conformance vectors (version 1 files; version 2 files in <c>v2/</c>).</summary>
    public static string Conformance => System.IO.Path.Combine(Root, "tests", "vectors", "conformance");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LrDecay.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LrDecay.sln not found above " + AppContext.BaseDirectory);
    }
}
