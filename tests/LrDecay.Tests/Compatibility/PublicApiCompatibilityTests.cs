namespace LrDecay.Tests.Compatibility;

/// <summary>
/// Shipped signatures are never removed. The public-API analyzer marks a shipped signature that no longer exists <c>*REMOVED*</c> in
/// <c>PublicAPI.Unshipped.txt</c>; any such line fails here, as it fails the build (see <c>Directory.Build.targets</c>).
/// </summary>
public sealed class PublicApiCompatibilityTests
{
    public static TheoryData<string> UnshippedFiles() => new(PublicApiText.UnshippedFiles());

    [Fact]
    public void TheLibraryAndTorchSharpPackages_HaveUnshippedApiFiles()
    {
        PublicApiText.UnshippedFiles().Should().Contain(["src/LrDecay/PublicAPI.Unshipped.txt", "src/LrDecay.TorchSharp/PublicAPI.Unshipped.txt"]);
    }

    [Theory]
    [MemberData(nameof(UnshippedFiles))]
    public void NoShippedSignature_IsRemoved(string unshippedFile)
    {
        string[] lines = PublicApiText.Lines(unshippedFile);
        string[] removed = lines
            .Select((line, i) => (line, i))
            .Where(x => x.line.StartsWith(PublicApiText.RemovedPrefix, StringComparison.Ordinal))
            .Select(x => $"{unshippedFile}:{x.i + 1}: {x.line.Substring(PublicApiText.RemovedPrefix.Length)}")
            .ToArray();

        removed.Should().BeEmpty(
            "shipped signatures are never removed (code compiled against them would fail with MissingMethodException): keep each as an "
            + "overload that forwards to its replacement");
    }

    [Fact]
    public void DefaultValues_AreDroppedWhateverTheirType()
    {
        PublicApiText.WithoutDefaults(
                "LrDecay.X.X(string! s = \"a, b)\", char c = ',', long? t = null, LrDecay.Precision p = LrDecay.Precision.Float64, double d = -1E-08) -> void")
            .Should().Be("LrDecay.X.X(string! s, char c, long? t, LrDecay.Precision p, double d) -> void");
        PublicApiText.ParameterNames("static LrDecay.ScheduleExtensions.WithWarmup(this LrDecay.ILearningRateSchedule! schedule, long warmupSteps, double startLr = 0) -> LrDecay.WarmupSchedule!")
            .Should().Equal("schedule", "warmupSteps", "startLr");
        PublicApiText.ParameterNames("LrDecay.FinderOptions.FinderOptions() -> void").Should().BeEmpty();
    }
}
