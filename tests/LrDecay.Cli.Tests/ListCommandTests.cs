using System.Text.RegularExpressions;

namespace LrDecay.Cli.Tests;

public sealed partial class ListCommandTests
{
    [Fact]
    public void List_NamesExactlyTheTypesTheLibraryReads()
    {
        // The library lists its types when it meets an unknown one.
        string known = ErrorOf("""{"type":"no-such-type"}""");
        string[] libraryTypes = KnownList().Match(known).Groups[1].Value.Split(", ");

        ScheduleJson.Types.Select(e => e.Name).Should().BeEquivalentTo(libraryTypes);

        CliResult result = Cli.Run("list");
        result.ExitCode.Should().Be(0);
        foreach (string type in libraryTypes)
        {
            ("\n" + result.Out).Should().Contain($"\n{type}  (", $"list shows {type}");
        }
    }

    [Fact]
    public void List_EachTypeHasExactlyThePropertiesTheLibraryReads()
    {
        foreach (ScheduleTypeInfo entry in ScheduleJson.Types)
        {
            string known = ErrorOf($$"""{"type":"{{entry.Name}}","zzzUnknown":1}""");
            string[] properties = KnownList().Match(known).Groups[1].Value.Split(", ").Where(p => p != "type").ToArray();

            entry.Parameters.Select(p => p.Name).Should().BeEquivalentTo(properties, $"the catalogue entry of {entry.Name}");
        }
    }

    [Fact]
    public void List_ShowsParametersDefaultsAndFormulas()
    {
        CliResult result = Cli.Run("list");

        result.Out.Should().StartWith("constant  (closed form)\n");
        result.Out.Should().Contain("lr(t) = initialLr * gamma^floor(t/stepSize)");
        result.Out.Should().MatchRegex(@"\n    pctStart +0\.3 +in \(0, 1\)\n");
        result.Out.Should().MatchRegex(@"\n    maxLr +required +>= 0\n");
        result.Out.Should().Contain("lr(t) = min(max(inner(t), minLr), maxLr)");
    }

    [Fact]
    public void List_OneType_ShowsOnlyThatType()
    {
        CliResult result = Cli.Run("list", "cosineRestarts");

        result.ExitCode.Should().Be(0);
        result.OutLines[0].Should().Be("cosineRestarts  (closed form)");
        // The header, the formula, and one line per parameter.
        result.OutLines.Should().HaveCount(2 + ScheduleJson.Types.Single(t => t.Name == "cosineRestarts").Parameters.Count);
    }

    [Fact]
    public void List_UnknownType_IsBadInputListingTheKnownOnes()
    {
        CliResult result = Cli.Run("list", "triangle");

        result.ShouldBeBadInput("'triangle'", "cosineRestarts");
        // The words a config with that type gets.
        string known = string.Join(", ", ScheduleJson.Types.Select(t => t.Name));
        result.Err.Should().Be($"lrdecay: unknown schedule type 'triangle' (known: {known}).\n");
    }

    [Theory]
    [InlineData("cosin")]
    [InlineData("Cosine")]
    public void List_MistypedType_SaysWhichTypeWasMeant(string type)
    {
        CliResult result = Cli.Run("list", type);

        result.ShouldBeBadInput();
        result.Err.Should().Be($"lrdecay: unknown schedule type '{type}'; did you mean 'cosine'?\n");
    }

    [Fact]
    public void List_UnknownOption_IsBadInput()
    {
        Cli.Run("list", "--all").ShouldBeBadInput("--all");
    }

    private static string ErrorOf(string config)
    {
        var act = () => ScheduleJson.Parse(config);
        return act.Should().Throw<ScheduleConfigException>().Which.Message;
    }

    [GeneratedRegex(@"\(known: ([^)]*)\)")]
    private static partial Regex KnownList();
}
