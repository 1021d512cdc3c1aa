namespace LrDecay.Cli.Tests;

/// <summary>Where the repository and the shared folder beside it are.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string SharedConformance => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", "conformance"));

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
