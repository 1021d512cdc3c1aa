using System.Text.Json;

namespace LrDecay.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_ValidConfig_PrintsOkAndTheNormalisedJsonWithDefaults()
    {
        string path = _temp.File("exp.json", """{ "initialLr": 0.1, "type": "exponential", "decayRate": 0.96 }""");

        CliResult result = Cli.Run("validate", path);

        result.ExitCode.Should().Be(0);
        result.Err.Should().BeEmpty();
        result.OutLines[0].Should().Be("ok");
        string json = result.Out["ok\n".Length..];
        json.TrimEnd().Should().Be(ScheduleJson.Serialize(ScheduleJson.Parse(File.ReadAllText(path)), indented: true).ReplaceLineEndings("\n"));
        using JsonDocument document = JsonDocument.Parse(json);
        document.RootElement.EnumerateObject().First().Name.Should().Be("type", "type comes first");
        document.RootElement.GetProperty("decaySteps").GetInt64().Should().Be(1, "defaults are made explicit");
        document.RootElement.GetProperty("staircase").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Validate_NormalisedJson_ValidatesToItself()
    {
        string config = """{"type":"warmup","warmupSteps":500,"schedule":{"type":"cosine","initialLr":3e-4,"decaySteps":10000}}""";
        string first = Cli.Run("validate", config).Out["ok\n".Length..];

        CliResult second = Cli.Run("validate", first);

        second.ExitCode.Should().Be(0);
        second.Out["ok\n".Length..].Should().Be(first);
    }

    [Fact]
    public void Validate_InvalidNestedValue_IsBadInputWithTheJsonPath()
    {
        string path = _temp.File("seq.json", """{"type":"sequence","schedules":[{"type":"constant","lr":0.1},{"type":"step","initialLr":0.1,"stepSize":3,"gamma":1.5}],"boundaries":[10]}""");

        CliResult result = Cli.Run("validate", path);

        result.ShouldBeBadInput("seq.json: $.schedules[1].gamma:", "1.5");
        result.Out.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"type":"triangle","lr":0.1}""", "$.type", "triangle")]
    [InlineData("""{"type":"constant","lr":0.1,"learningRate":0.1}""", "learningRate")]
    [InlineData("""{"type":"linear","startLr":0.1,"endLr":0}""", "totalSteps")]
    [InlineData("""{"type":"step","initialLr":0.1,"stepSize":2.5,"gamma":0.5}""", "$.stepSize")]
    [InlineData("""{"type":"plateau","initialLr":0.01,"mode":"mean"}""", "$.mode", "mean")]
    [InlineData("""[1, 2]""", "$")]
    public void Validate_InvalidConfig_IsBadInputNamingTheProperty(string config, params string[] mentions)
    {
        Cli.Run("validate", config).ShouldBeBadInput(["inline config", .. mentions]);
    }

    [Theory]
    [InlineData("""{"type":"cosin"}""", "lrdecay: inline config: $.type: unknown schedule type 'cosin'; did you mean 'cosine'?")]
    [InlineData("""{"type":"Cosine"}""", "lrdecay: inline config: $.type: unknown schedule type 'Cosine'; did you mean 'cosine'?")]
    [InlineData("""{"type":"cosine","initialLr":0.1,"decaySteps":10,"minlr":0}""", "lrdecay: inline config: $.minlr: unknown property 'minlr' for type 'cosine'; did you mean 'minLr'?")]
    [InlineData("""{"type":"oneCycle","maxLr":0.1,"totalSteps":100,"annealStrategy":"Linear"}""", "lrdecay: inline config: $.annealStrategy: annealStrategy ('Linear') must be one of \"cos\", \"linear\"; did you mean \"linear\"?")]
    public void Validate_MistypedName_SaysWhichNameWasMeant(string config, string message)
    {
        CliResult result = Cli.Run("validate", config);

        result.ShouldBeBadInput();
        result.Err.TrimEnd('\n').Should().Be(message);
    }

    [Fact]
    public void Validate_MalformedJson_IsBadInput()
    {
        string path = _temp.File("broken.json", "{\"type\": \"constant\",\n \"lr\": }");

        Cli.Run("validate", path).ShouldBeBadInput("broken.json", "malformed JSON", "line 2");
    }

    [Fact]
    public void Validate_EmptyFile_IsBadInput()
    {
        string path = _temp.File("empty.json", string.Empty);

        CliResult result = Cli.Run("validate", path);

        result.ShouldBeBadInput();
        result.Err.Should().Be($"lrdecay: {path}: $: the config is empty.\n");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public void Validate_EmptyStdin_IsBadInput(string stdin)
    {
        CliResult result = Cli.Run(errorIsTerminal: false, stdin, "validate", "-");

        result.ShouldBeBadInput();
        result.Err.Should().Be("lrdecay: stdin: $: the config is empty.\n");
    }

    [Theory]
    [InlineData("trailing.json", "{\"type\":\"sequence\",\"schedules\":[\n  {\"type\":\"constant\",\"lr\":0.1},\n  {\"type\":\"constant\",\"lr\":0.2},\n],\"boundaries\":[5]}", "$.schedules: malformed JSON (line 3, column 31): trailing comma before ']'.")]
    [InlineData("truncated.json", "{\"type\":\"warmup\",\"warmupSteps\":5,\n \"schedule\":{\"type\":\"constant\",", "$.schedule: malformed JSON (line 2, column 32): the JSON ends before this object is closed (and 1 more around it).")]
    [InlineData("comment.json", "{\"type\":\"constant\", // the rate\n \"lr\":0.1}", "$: malformed JSON (line 1, column 21): comments are not allowed in JSON.")]
    [InlineData("token.json", "{\"type\":\"constant\",\n \"lr\":0.1.5}", "$.lr: malformed JSON (line 2, column 7): invalid number '0.1.5'.")]
    [InlineData("duplicate.json", "{\"type\":\"constant\",\"lr\":0.1,\n \"lr\":0.2}", "$.lr: property 'lr' appears more than once.")]
    public void Validate_MalformedJsonFile_SaysWhatAndWhereInLrDecaysWords(string name, string json, string message)
    {
        string path = _temp.File(name, json);

        CliResult result = Cli.Run("validate", path);

        result.ShouldBeBadInput();
        result.Err.Should().Be($"lrdecay: {path}: {message}\n");
    }

    [Fact]
    public void Validate_MalformedInlineJson_SaysWhatAndWhere()
    {
        CliResult result = Cli.Run("validate", """{"type":"constant","lr":0.1,}""");

        result.ShouldBeBadInput();
        result.Err.Should().Be("lrdecay: inline config: $: malformed JSON (line 1, column 28): trailing comma before '}'.\n");
    }

    [Fact]
    public void Validate_MissingFile_IsBadInputNamingIt()
    {
        Cli.Run("validate", _temp.Name("absent.json")).ShouldBeBadInput("config file not found", "absent.json");
    }

    [Fact]
    public void Validate_NoConfig_IsBadInput()
    {
        Cli.Run("validate").ShouldBeBadInput();
    }

    [Fact]
    public void Validate_TwoConfigs_IsBadInput()
    {
        Cli.Run("validate", "a.json", "b.json").ShouldBeBadInput("b.json");
    }
}
