using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LrDecay.Cli.Tests;

/// <summary>What makes an image chart readable, checked on the logic rather than on pixels: the lr axis' limits, its tick labels and the legend's text.</summary>
public sealed partial class ImageChartTests : IDisposable
{
    /// <summary>The README's example: a warm-up to 3e-4 and a cosine decay, given inline.</summary>
    private const string WarmupCosine = """{"type":"warmup","warmupSteps":500,"schedule":{"type":"cosine","initialLr":0.0003,"decaySteps":10000}}""";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0.0003, "3e-4")]
    [InlineData(0.00025, "2.5e-4")]
    [InlineData(0.00008, "8e-5")]
    [InlineData(0.00015000000000000001, "1.5e-4")]
    [InlineData(0.000125, "1.25e-4")]
    [InlineData(0.0009999999, "1e-3")]
    [InlineData(1.0, "1e0")]
    [InlineData(0.1, "1e-1")]
    [InlineData(-0.00002, "-2e-5")]
    [InlineData(123456.0, "1.23e5")]
    [InlineData(0.0, "0")]
    public void RateLabel_Scientific_IsMantissaAndPowerOfTen(double value, string expected) =>
        ImageChart.RateLabel(value, scientific: true).Should().Be(expected);

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(0.02, "0.02")]
    [InlineData(0.0125, "0.0125")]
    [InlineData(2.5, "2.5")]
    [InlineData(1000.0, "1000")]
    [InlineData(0.0, "0")]
    public void RateLabel_Plain_IsTheDecimalWithoutRoundingNoise(double value, string expected) =>
        ImageChart.RateLabel(value, scientific: false).Should().Be(expected);

    [Theory]
    [InlineData(0.0003, 0.0003, true)]
    [InlineData(0.0099, 0.0099, true)]
    [InlineData(0.01, 0.01, false)]
    [InlineData(0.1, 0.1, false)]
    [InlineData(1e-6, 0.1, true)]
    [InlineData(0.0, 0.1, false)]
    [InlineData(1.0, 1e5, true)]
    [InlineData(1.0, 99_999.0, false)]
    public void ScientificLabels_ForValuesBelowAHundredthOrFromAHundredThousand(double smallest, double largest, bool expected) =>
        ImageChart.ScientificLabels(smallest, largest).Should().Be(expected);

    [Fact]
    public void LinearRateLimits_NonNegativeRates_StartAtZeroAndEndJustAboveThePeak()
    {
        PlotSeries line = Evaluate(WarmupCosine, "0:11000");

        (double low, double high) = ImageChart.LinearRateLimits([line]);

        low.Should().Be(0, "a rate is never negative, so the axis never goes below 0");
        high.Should().BeApproximately(0.0003 * 1.05, 1e-12);
    }

    [Fact]
    public void LinearRateLimits_AllZero_IsZeroToOne() =>
        ImageChart.LinearRateLimits([Evaluate("""{"type":"constant","lr":0}""", "0:10")]).Should().Be((0.0, 1.0));

    [Fact]
    public void LinearRateLimits_SeveralLines_CoverTheHighest()
    {
        PlotSeries low = Evaluate("""{"type":"constant","lr":0.25}""", "0:10");
        PlotSeries high = Evaluate("""{"type":"constant","lr":2}""", "0:10");

        ImageChart.LinearRateLimits([low, high]).Should().Be((0.0, 2.1));
    }

    [Fact]
    public void Describe_LongInlineConfig_IsItsTypesRatherThanACutSummary()
    {
        ConfigSource.Describe(WarmupCosine).Should().Be("warmup(cosine)");
        ConfigSource.Describe("""{"type":"sequence","schedules":[{"type":"linear","startLr":0,"endLr":0.1,"totalSteps":100},{"type":"cosine","initialLr":0.1,"decaySteps":900}],"boundaries":[100]}""")
            .Should().Be("sequence(linear, cosine)");
    }

    [Fact]
    public void Describe_ShortInlineConfig_IsTheWholeSummary() =>
        ConfigSource.Describe("""{"type":"cosine","initialLr":0.1,"decaySteps":1000}""").Should().Be("cosine(initialLr=0.1, decaySteps=1000)");

    [Fact]
    public void DistinctLabels_ASharedLabel_GetsEachConfigsPosition() =>
        PlotCommand.DistinctLabels(["warmup(cosine)", "step", "warmup(cosine)"]).Should().Equal("warmup(cosine) #1", "step", "warmup(cosine) #3");

    [Fact]
    public void Plot_InlineWarmupCosine_ShortLegendBelowTheChartAndOneStyleOfTickLabelsFromZero()
    {
        string svg = _temp.Name("warmup-cosine.svg");

        CliResult result = Cli.Run("plot", WarmupCosine, "--steps", "0:11000", "-o", svg);

        result.ExitCode.Should().Be(0, result.Err);
        XElement[] texts = XDocument.Load(svg).Root!.Descendants().Where(e => e.Name.LocalName == "text").ToArray();
        XElement legend = texts.Single(t => t.Value.Trim() == "warmup(cosine)");
        XElement xLabel = texts.Single(t => t.Value.Trim() == "step");
        Y(legend).Should().BeGreaterThan(Y(xLabel), "the legend sits below the chart, not beside it");

        // The lr axis' labels are the numbers written one above the other, at one x (the step axis' labels share a y instead).
        string[] yTicks = texts.Where(t => TickLike().IsMatch(t.Value.Trim()) && !double.IsNaN(X(t)))
            .GroupBy(t => Math.Round(X(t), 1)).MaxBy(g => g.Count())!.Select(t => t.Value.Trim()).ToArray();
        yTicks.Should().HaveCountGreaterThan(3).And.Contain("0").And.Contain("3e-4").And.Contain("1e-4");
        yTicks.Should().OnlyContain(t => t == "0" || Scientific().IsMatch(t), "every label of the lr axis is in the 3e-4 style");
        yTicks.Should().NotContain(t => t.StartsWith('-'), "the axis does not run below 0");
    }

    private static PlotSeries Evaluate(string json, string steps)
    {
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, TextReader.Null, errorIsTerminal: false, terminalWidth: null);
        StepRange range = StepRange.Parse(steps);
        return PlotSeries.Evaluate("line", ScheduleJson.Parse(json), range, new ProgressReporter(console, "plot", range.Count), 0);
    }

    /// <summary>Where ScottPlot's SVG places a text: the translation of its transform.</summary>
    private static double X(XElement text) => Translation(text).X;

    private static double Y(XElement text) => Translation(text).Y;

    private static (double X, double Y) Translation(XElement text)
    {
        Match match = Translate().Match((string?)text.Attribute("transform") ?? string.Empty);
        return match.Success
            ? (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : (double.NaN, double.NaN);
    }

    [GeneratedRegex(@"translate\(([-0-9.]+) ([-0-9.]+)\)")]
    private static partial Regex Translate();

    [GeneratedRegex(@"^-?\d(\.\d{1,2})?e-?\d+$")]
    private static partial Regex Scientific();

    [GeneratedRegex(@"^[-0-9.e,]+$")]
    private static partial Regex TickLike();
}
