namespace LrDecay.Tests.Support;

/// <summary>
/// The netstandard2.0 build of LrDecay beside the net10.0 one these tests run against, as <c>dotnet test</c> on the solution builds
/// it; a test that compares it skips, saying how to build it, when this test project was built alone.
/// </summary>
internal static class NetStandardBuild
{
    /// <summary>The path of the netstandard2.0 <c>LrDecay.dll</c> of this configuration, current with the net10.0 one, or a skip.</summary>
    internal static string PathOrSkip()
    {
        string net10 = typeof(Schedules).Assembly.Location;
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string path = Path.Combine(VectorSets.RequiredRepositoryRoot(), "src", "LrDecay", "bin", configuration, "netstandard2.0", "LrDecay.dll");
        if (!File.Exists(path))
        {
            Assert.Skip($"the netstandard2.0 build is not at {path} (build src/LrDecay -c {configuration} to compare it)");
        }

        if (File.GetLastWriteTimeUtc(path) < File.GetLastWriteTimeUtc(net10).AddMinutes(-3))
        {
            Assert.Skip($"the netstandard2.0 build at {path} is older than the net10.0 one; rebuild src/LrDecay -c {configuration} to compare it");
        }

        return path;
    }
}
