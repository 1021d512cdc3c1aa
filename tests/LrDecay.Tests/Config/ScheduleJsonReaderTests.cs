using LrDecay.Config;

namespace LrDecay.Tests.Config;

/// <summary>
/// The reader's exact limits: which step counts a JSON number may spell, which arrays are required, and where a long value is
/// cut short in a message.
/// </summary>
public sealed class ScheduleJsonReaderTests
{
    private const string StepPrefix = "{\"type\":\"step\",\"initialLr\":0.1,\"gamma\":0.5,\"stepSize\":";

    private static long StepSizeOf(string number) => ((StepSchedule)ScheduleJson.Parse(StepPrefix + number + "}")).StepSize;

    [Theory]
    [InlineData("{\"type\":\"multiStep\",\"initialLr\":0.1,\"gamma\":0.5}", "milestones")]
    [InlineData("{\"type\":\"piecewiseConstant\",\"values\":[0.1]}", "boundaries")]
    [InlineData("{\"type\":\"piecewiseConstant\",\"boundaries\":[]}", "values")]
    public void Parse_MissingRequiredArray_IsConfigError(string json, string name)
    {
        ScheduleConfigException ex = ScheduleJsonTests.Rejects(json);
        ex.Path.Should().Be("$");
        ex.Problem.Should().Be($"missing required property '{name}'.");
    }

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("9.223372036854774784E18", 9223372036854774784L)]
    [InlineData("1e3", 1000L)]
    [InlineData("4096.0", 4096L)]
    public void Parse_StepCountSpelledAsAnyIntegralNumber_IsRead(string number, long expected) =>
        StepSizeOf(number).Should().Be(expected);

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("9.2233720368547758E18")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("-9.2233720368547779E18")]
    public void Parse_StepCountJustOutsideALong_IsOutOfRange(string number)
    {
        ScheduleConfigException ex = ScheduleJsonTests.Rejects(StepPrefix + number + "}");
        ex.Path.Should().Be("$.stepSize");
        ex.Problem.Should().Be($"stepSize ('{number}') is out of the range of a step count (a 64-bit integer).");
    }

    [Theory]
    [InlineData("-9223372036854775808")]
    [InlineData("-9.2233720368547758E18")]
    public void Parse_StepCountOfLongMinValue_IsReadThenRejectedByTheSchedule(string number)
    {
        ScheduleConfigException ex = ScheduleJsonTests.Rejects(StepPrefix + number + "}");
        ex.Path.Should().Be("$.stepSize");
        ex.Problem.Should().Be("stepSize ('-9223372036854775808') must be greater than '0'.");
    }

    [Fact]
    public void Describe_ValueOfFortyCharacters_IsShownWhole()
    {
        string value = new('x', 38);
        ScheduleConfigException ex = ScheduleJsonTests.Rejects("{\"type\":\"constant\",\"lr\":\"" + value + "\"}");
        ex.Problem.Should().Be($"lr must be a number, got the string \"{value}\".");
    }

    [Fact]
    public void Describe_ValueOfFortyOneCharacters_IsCutToThirtySevenAndAnEllipsis()
    {
        string value = new('x', 39);
        ScheduleConfigException ex = ScheduleJsonTests.Rejects("{\"type\":\"constant\",\"lr\":\"" + value + "\"}");
        ex.Problem.Should().Be($"lr must be a number, got the string \"{new string('x', 36)}....");
    }

    [Fact]
    public void ReadSteps_FractionalNumberOfFortyOneCharacters_IsCutInTheMessage()
    {
        string number = "1." + new string('5', 39);
        ScheduleConfigException ex = ScheduleJsonTests.Rejects(StepPrefix + number + "}");
        ex.Problem.Should().Be($"stepSize ('{number.Substring(0, 37)}...') must be an integer number of steps.");
    }

    [Fact]
    public void Parse_InvalidUtf8_NamesTheBytePosition()
    {
        // {"type":"<0xFF>"}: the bad byte is the tenth.
        byte[] bytes = [.. "{\"type\":\""u8.ToArray(), 0xFF, .. "\"}"u8.ToArray()];
        ScheduleConfigException ex = Assert.Throws<ScheduleConfigException>(() => ScheduleJson.Parse(bytes.AsSpan()));
        ex.Path.Should().Be("$");
        ex.Problem.Should().Be("malformed JSON: invalid UTF-8 at byte 10.");
    }

    [Fact]
    public void ProblemOf_MessageWithoutTheParameterSuffix_IsKeptWhole()
    {
        // .NET Framework words the parameter on a second line; a message that does not end with the suffix loses nothing.
        ScheduleJsonReader.ProblemOf(new WordedArgumentException("lr must be finite.", "lr")).Should().Be("lr must be finite.");
        ScheduleJsonReader.ProblemOf(new WordedArgumentException("lr must be finite.\r\nParameter name: lr", "lr")).Should().Be("lr must be finite.");
        ScheduleJsonReader.ProblemOf(new WordedArgumentException("\nsecond line", "lr")).Should().BeEmpty();
    }

    [Fact]
    public void ProblemOf_RuntimeWording_DropsTheSuffixAndTheActualValue() =>
        ScheduleJsonReader.ProblemOf(new ArgumentOutOfRangeException("gamma", 1.5, "gamma must be at most 1.")).Should().Be("gamma must be at most 1.");

    private sealed class WordedArgumentException(string message, string paramName) : ArgumentException(message, paramName)
    {
        public override string Message { get; } = message;
    }
}
