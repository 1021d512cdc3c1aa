namespace LrDecay.Tests.Compatibility;

/// <summary>
/// Shipped signatures are never removed. The public-API analyzer marks a shipped signature that no longer exists <c>*REMOVED*</c> in
/// <c>PublicAPI.Unshipped.txt</c>; such a line fails here (and the build, see <c>Directory.Build.targets</c>) unless the member is still
/// declared with its default values dropped, the one change that leaves the binary signature as it was: a member whose optional
/// parameters went to a fuller overload stays, those parameters made required, and forwards to it.
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
        HashSet<string> declared = PublicApiText.Declared(unshippedFile);
        var removed = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith(PublicApiText.RemovedPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string signature = lines[i].Substring(PublicApiText.RemovedPrefix.Length);
            if (!PublicApiText.IsKept(signature, declared))
            {
                removed.Add($"{unshippedFile}:{i + 1}: {signature}");
            }
        }

        removed.Should().BeEmpty(
            "shipped signatures are never removed (code compiled against them would fail with MissingMethodException): keep each as an "
            + "overload that forwards to its replacement; one whose optional parameters went to a fuller overload is declared with its "
            + "default values dropped");
    }

    [Fact]
    public void TheRule_PassesOnlyAMemberKeptWithItsDefaultsDropped()
    {
        const string Shipped = "static LrDecay.Schedules.Cosine(double initialLr, long decaySteps, double minLr = 0) -> LrDecay.CosineSchedule!";
        const string Kept = "static LrDecay.Schedules.Cosine(double initialLr, long decaySteps, double minLr) -> LrDecay.CosineSchedule!";
        const string Fuller =
            "static LrDecay.Schedules.Cosine(double initialLr, long decaySteps, double minLr = 0, double kDecay = 1) -> LrDecay.CosineSchedule!";

        PublicApiText.IsKept(Shipped, new HashSet<string> { Fuller, Kept }).Should().BeTrue();
        PublicApiText.IsKept(Shipped, new HashSet<string> { Fuller }).Should().BeFalse("the shipped overload was deleted");
        PublicApiText.IsKept(Shipped, new HashSet<string> { Fuller, Kept.Replace("minLr)", "endLr)", StringComparison.Ordinal) })
            .Should().BeFalse("a renamed parameter breaks calls that name it");
        PublicApiText.IsKept(Kept, new HashSet<string> { Kept }).Should().BeFalse("a signature without defaults has nothing to drop");
        PublicApiText.IsKept("LrDecay.CooldownShape.Cosine = 2 -> LrDecay.CooldownShape", new HashSet<string> { "LrDecay.CooldownShape.Cosine -> LrDecay.CooldownShape" })
            .Should().BeFalse("an enum member's value is not a parameter default");
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
