using System.Xml.Linq;
using SkiaSharp;

namespace LrDecay.Cli.Tests;

public sealed class PlotCommandTests : IDisposable
{
    private const string Cosine = """{"type":"cosine","initialLr":0.1,"decaySteps":1000}""";
    private const string StepDecay = """{"type":"step","initialLr":0.1,"stepSize":300,"gamma":0.5}""";

    // ScottPlot's default palette: the first line is blue, the second orange.
    private static readonly SKColor FirstLine = new(0x1f, 0x77, 0xb4);
    private static readonly SKColor SecondLine = new(0xff, 0x7f, 0x0e);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Plot_Png_WritesAnImageOfTheAskedSizeWithALinePerConfig()
    {
        string cosine = _temp.File("cosine.json", Cosine);
        string step = _temp.File("step.json", StepDecay);
        string png = _temp.Name("chart.png");

        CliResult result = Cli.Run("plot", cosine, step, "--steps", "0:1200", "-o", png, "--width", "640", "--height", "400", "--title", "Two");

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Be($"wrote {png}\n");
        using SKBitmap bitmap = SKBitmap.Decode(png);
        bitmap.Should().NotBeNull("the file is a PNG");
        bitmap.Width.Should().Be(640);
        bitmap.Height.Should().Be(400);
        CountNear(bitmap, FirstLine).Should().BeGreaterThan(300, "the first config's line is drawn");
        CountNear(bitmap, SecondLine).Should().BeGreaterThan(300, "the second config's line is drawn");
    }

    [Fact]
    public void Plot_PngDefaultSize_Is800By500()
    {
        string png = _temp.Name("default.png");

        Cli.Run("plot", Cosine, "--steps", "0:1000", "-o", png).ExitCode.Should().Be(0);

        using SKBitmap bitmap = SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).Should().Be((800, 500));
    }

    [Fact]
    public void Plot_PngLogY_DrawsTheLine()
    {
        string png = _temp.Name("log.png");

        CliResult result = Cli.Run("plot", """{"type":"exponential","initialLr":0.1,"decayRate":0.5,"decaySteps":100}""", "--steps", "0:1000", "--log-y", "-o", png);

        result.ExitCode.Should().Be(0, result.Err);
        using SKBitmap bitmap = SKBitmap.Decode(png);
        CountNear(bitmap, FirstLine).Should().BeGreaterThan(300);
    }

    [Fact]
    public void Plot_Svg_WritesSvgOfTheAskedSizeWithLinesAxisLabelsTitleAndLegend()
    {
        string cosine = _temp.File("cosine.json", Cosine);
        string step = _temp.File("step-decay.json", StepDecay);
        string svg = _temp.Name("chart.svg");

        CliResult result = Cli.Run("plot", cosine, step, "--steps", "0:1200", "-o", svg, "--width", "900", "--height", "450", "--title", "Schedules");

        result.ExitCode.Should().Be(0, result.Err);
        XDocument document = XDocument.Load(svg);
        XElement root = document.Root!;
        root.Name.LocalName.Should().Be("svg");
        root.Attribute("width")!.Value.Should().Be("900");
        root.Attribute("height")!.Value.Should().Be("450");
        string[] strokes = root.Descendants().Where(e => e.Name.LocalName is "path" or "polyline")
            .Select(e => (string?)e.Attribute("stroke") ?? string.Empty).ToArray();
        strokes.Should().Contain(s => s.Equals("#1F77B4", StringComparison.OrdinalIgnoreCase), "the first line is drawn");
        strokes.Should().Contain(s => s.Equals("#FF7F0E", StringComparison.OrdinalIgnoreCase), "the second line is drawn");
        string text = string.Join(" ", root.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        text.Should().Contain("step").And.Contain("learning rate").And.Contain("Schedules");
        text.Should().Contain("cosine").And.Contain("step-decay", "the legend names each config by its file name");
    }

    [Fact]
    public void Plot_InlineConfigs_LegendSummarisesEach()
    {
        string svg = _temp.Name("inline.svg");

        Cli.Run("plot", Cosine, StepDecay, "--steps", "0:100", "-o", svg).ExitCode.Should().Be(0);

        string text = string.Join(" ", XDocument.Load(svg).Root!.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        text.Should().Contain("cosine(initialLr=0.1, decaySteps=1000)").And.Contain("step(initialLr=0.1, stepSize=300, gamma=0.5)");
    }

    [Fact]
    public void Plot_NoOutput_DrawsInTheTerminalWithAxesAndLegend()
    {
        string cosine = _temp.File("cosine.json", Cosine);
        string step = _temp.File("step.json", StepDecay);

        CliResult result = Cli.Run("plot", cosine, step, "--steps", "0:1200", "--width", "70", "--height", "12", "--title", "Two");

        result.ExitCode.Should().Be(0, result.Err);
        string[] lines = result.Out.TrimEnd('\n').Split('\n');
        lines.Should().OnlyContain(l => l.Length <= 70);
        lines[0].Trim().Should().Be("Two");
        lines[1].Trim().Should().Be("lr");
        string[] chart = lines.Skip(2).Take(12).ToArray();
        chart.Should().OnlyContain(l => l.Contains(" |"));
        chart[0].TrimStart().Should().StartWith("0.1 |").And.Contain("+");
        chart.Take(3).Should().Contain(l => l.Contains('*'), "the cosine starts at the top");
        chart[^1].TrimStart().Should().StartWith("0 |").And.Contain("*", "the cosine reaches 0");
        lines[14].Should().Contain("+---");
        lines[15].TrimStart().Should().StartWith("0").And.EndWith("1199");
        lines[16].Trim().Should().Be("step");
        lines[17].Should().Be("* cosine   + step");
    }

    [Fact]
    public void Plot_TerminalLongLegend_WrapsToTheWidth()
    {
        string[] configs = Enumerable.Range(1, 6).Select(i => $$"""{"type":"constant","lr":{{i}}}""").ToArray();

        CliResult result = Cli.Run(["plot", .. configs, "--steps", "0:10", "--width", "40"]);

        result.ExitCode.Should().Be(0);
        string[] lines = result.Out.TrimEnd('\n').Split('\n');
        lines.Should().OnlyContain(l => l.Length <= 40);
        string legend = string.Join("\n", lines.SkipWhile(l => l.Trim() != "step").Skip(1));
        legend.Should().Contain("* constant(lr=1)").And.Contain("+ constant(lr=2)").And.Contain("@ constant(lr=6)");
    }

    [Fact]
    public void Plot_TerminalOneStep_DrawsAPoint()
    {
        CliResult result = Cli.Run("plot", Cosine, "--steps", "0:1", "--width", "30", "--height", "4");

        result.ExitCode.Should().Be(0);
        result.Out.Split('\n')[1].Should().EndWith("|*");
    }

    [Fact]
    public void Plot_Terminal_EveryColumnOfAConnectedLineIsDrawn()
    {
        CliResult result = Cli.Run("plot", """{"type":"linear","startLr":1,"endLr":0,"totalSteps":99}""", "--steps", "0:100", "--width", "50", "--height", "10");

        string[] chart = result.Out.Split('\n').Skip(1).Take(10).ToArray();
        int columns = chart.Max(l => l.Length) - chart[0].IndexOf('|') - 1;
        for (int c = 0; c < columns; c++)
        {
            chart.Should().Contain(l => l.Length > l.IndexOf('|') + 1 + c && l[l.IndexOf('|') + 1 + c] == '*', $"column {c} is drawn");
        }
    }

    [Fact]
    public void Plot_TerminalLogY_LabelsTheAxis()
    {
        CliResult result = Cli.Run("plot", """{"type":"exponential","initialLr":1,"decayRate":0.1,"decaySteps":10}""", "--steps", "0:31", "--log-y", "--height", "7");

        result.ExitCode.Should().Be(0);
        string[] lines = result.Out.Split('\n');
        lines[0].Trim().Should().Be("lr (log)");
        lines[1].Trim().Should().StartWith("1 |");
        lines[7].Trim().Should().StartWith("0.001 |");
    }

    [Fact]
    public void Plot_LongRun_EvaluatesEveryStepAndKeepsPeaksAndDrops()
    {
        // 3 million steps of a cyclic schedule with a 2000-step period: a sample every 750 steps would miss the shape; the reduced
        // line still reaches every peak's height.
        CliResult result = Cli.Run("plot", """{"type":"cyclic","baseLr":0.001,"maxLr":0.1,"stepSizeUp":1000}""", "--steps", "0:3_000_000", "--height", "5");

        result.ExitCode.Should().Be(0, result.Err);
        string[] chart = result.Out.Split('\n').Skip(1).Take(5).ToArray();
        chart[0].Count(c => c == '*').Should().BeGreaterThan(60, "peaks reach the top row across the chart");
        chart[^1].Count(c => c == '*').Should().BeGreaterThan(60, "troughs reach the bottom row across the chart");
    }

    [Fact]
    public void Plot_ReducedSeries_HasAtMostMaxPointsInStepOrderWithTrueExtremes()
    {
        ILearningRateSchedule schedule = ScheduleJson.Parse("""{"type":"step","initialLr":1,"stepSize":333333,"gamma":0.5}""");
        var range = StepRange.Parse("0:1_000_000");
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, new StringReader(string.Empty), false, null);

        PlotSeries series = PlotSeries.Evaluate("s", schedule, range, new ProgressReporter(console, "plot", range.Count), 0);

        series.Steps.Length.Should().BeLessThanOrEqualTo(PlotSeries.MaxPoints);
        series.Steps.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        series.Steps[0].Should().Be(0);
        series.Steps[^1].Should().Be(999_999);
        series.Rates.Max().Should().Be(1);
        series.Rates.Min().Should().Be(0.125);
        int drop = Array.IndexOf(series.Rates, 0.5);
        series.Steps[drop].Should().Be(333_333, "the first step after a drop is kept");
        series.Steps[drop - 1].Should().BeInRange(333_333 - 250, 333_332, "the drop is drawn within its bucket of 250 steps");
        series.Rates[drop - 1].Should().Be(1);
    }

    [Fact]
    public void Plot_OverThresholdWithTerminalStderr_ShowsProgress()
    {
        var error = new StringWriter();
        var console = new CliConsole(TextWriter.Null, error, new StringReader(string.Empty), errorIsTerminal: true, terminalWidth: 80);

        int exitCode = LrDecayCli.Run(["plot", Cosine, StepDecay, "--steps", "0:1_500_000"], console);

        exitCode.Should().Be(0);
        error.ToString().Should().Contain("lrdecay plot:").And.Contain("3,000,000 steps").And.EndWith("\r");
    }

    [Fact]
    public void Plot_LogYWithZeros_NotesTheLeftOutPointsOnStderr()
    {
        string png = _temp.Name("zeros.png");

        CliResult result = Cli.Run("plot", Cosine, "--steps", "0:1200", "--log-y", "-o", png);

        result.ExitCode.Should().Be(0);
        result.Err.Should().Contain("lr is 0");
    }

    [Fact]
    public void Plot_LogYAllZero_IsBadInput()
    {
        Cli.Run("plot", """{"type":"constant","lr":0}""", "--steps", "0:10", "--log-y").ShouldBeBadInput("--log-y");
    }

    [Theory]
    [InlineData("chart.jpg")]
    [InlineData("chart")]
    public void Plot_UnsupportedOutputExtension_IsBadInputNamingTheFile(string name)
    {
        Cli.Run("plot", Cosine, "--steps", "0:10", "-o", _temp.Name(name)).ShouldBeBadInput("-o", name, ".png or .svg");
    }

    [Fact]
    public void Plot_OutputFolderMissing_IsBadInputNamingTheFolder()
    {
        string png = Path.Combine(_temp.Path, "missing", "chart.png");

        Cli.Run("plot", Cosine, "--steps", "0:10", "-o", png).ShouldBeBadInput("folder not found", "missing");
        File.Exists(png).Should().BeFalse();
    }

    [Theory]
    [InlineData("--width", "0")]
    [InlineData("--width", "50000")]
    [InlineData("--height", "-5")]
    public void Plot_ImageSizeOutOfRange_IsBadInputNamingTheOption(string option, string value)
    {
        Cli.Run("plot", Cosine, "--steps", "0:10", "-o", _temp.Name("x.png"), option, value).ShouldBeBadInput(option, value);
    }

    [Fact]
    public void Plot_ImageSizeNotANumber_IsBadInputNamingTheOption()
    {
        Cli.Run("plot", Cosine, "--steps", "0:10", "--width", "wide").ShouldBeBadInput("--width", "wide", "not a whole number");
    }

    [Fact]
    public void Plot_TerminalSizeOutOfRange_IsBadInput()
    {
        Cli.Run("plot", Cosine, "--steps", "0:10", "--height", "1").ShouldBeBadInput("--height");
    }

    [Fact]
    public void Plot_MissingConfigFile_IsBadInputNamingIt()
    {
        Cli.Run("plot", Cosine, _temp.Name("gone.json"), "--steps", "0:10").ShouldBeBadInput("gone.json");
    }

    [Fact]
    public void Plot_InvalidConfig_IsBadInputNamingFileAndPath()
    {
        string path = _temp.File("bad.json", """{"type":"cosine","initialLr":0.1,"decaySteps":-4}""");

        Cli.Run("plot", Cosine, path, "--steps", "0:10").ShouldBeBadInput("bad.json", "$.decaySteps");
    }

    [Fact]
    public void Plot_BadSteps_IsBadInput()
    {
        Cli.Run("plot", Cosine, "--steps", "10:0", "-o", _temp.Name("x.png")).ShouldBeBadInput("--steps");
        File.Exists(_temp.Name("x.png")).Should().BeFalse();
    }

    [Fact]
    public void Plot_NoConfig_IsBadInput()
    {
        Cli.Run("plot", "--steps", "0:10").ShouldBeBadInput();
    }

    [Fact]
    public void Plot_NoSteps_IsBadInput()
    {
        Cli.Run("plot", Cosine).ShouldBeBadInput("--steps");
    }

    [Fact]
    public void Plot_GridPng_DrawsAPanelPerConfigInRowsOfTheAskedColumns()
    {
        string[] configs =
        [
            _temp.File("cosine.json", Cosine),
            _temp.File("step.json", StepDecay),
            _temp.File("linear.json", """{"type":"linear","startLr":0.1,"endLr":0,"totalSteps":1000}"""),
        ];
        string png = _temp.Name("grid.png");

        CliResult result = Cli.Run(["plot", .. configs, "--steps", "0:1000", "--grid", "--columns", "2", "-o", png, "--width", "800", "--height", "600"]);

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Be($"wrote {png}\n");
        using SKBitmap bitmap = SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).Should().Be((800, 600));

        // Two panels a row: the quarters of the image hold the panels; the fourth, past the last config, is left white.
        CountNear(bitmap, FirstLine, new SKRectI(0, 0, 400, 300)).Should().BeGreaterThan(200, "the first panel (top left) has its line");
        CountNear(bitmap, FirstLine, new SKRectI(400, 0, 800, 300)).Should().BeGreaterThan(200, "the second panel (top right) has its line");
        CountNear(bitmap, FirstLine, new SKRectI(0, 300, 400, 600)).Should().BeGreaterThan(200, "the third panel (bottom left) has its line");
        CountNear(bitmap, FirstLine, new SKRectI(400, 300, 800, 600)).Should().Be(0, "there is no fourth config");
        CountNear(bitmap, SKColors.White, new SKRectI(420, 320, 780, 560)).Should().Be(360 * 240, "the empty cell is blank");
        CountNear(bitmap, SecondLine).Should().Be(0, "every panel draws its line in the same colour");
    }

    [Fact]
    public void Plot_GridPng_EveryPanelHasTheSameAxes()
    {
        // Two constants side by side: on shared axes (0 to 2) lr=2 is drawn near the top of its panel and lr=1 halfway down;
        // with axes of their own both lines would sit at the same height.
        string png = _temp.Name("shared.png");

        CliResult result = Cli.Run("plot", """{"type":"constant","lr":1}""", """{"type":"constant","lr":2}""", "--steps", "0:100", "--grid", "-o", png, "--width", "800", "--height", "400");

        result.ExitCode.Should().Be(0, result.Err);
        using SKBitmap bitmap = SKBitmap.Decode(png);
        double one = MeanRowNear(bitmap, FirstLine, new SKRectI(0, 0, 400, 400));
        double two = MeanRowNear(bitmap, FirstLine, new SKRectI(400, 0, 800, 400));
        two.Should().BeLessThan(one - 100, "lr 2 is drawn well above lr 1 on the same y axis");
        RowsNear(bitmap, FirstLine, new SKRectI(0, 0, 400, 400)).Should().BeLessThan(8, "a constant is a horizontal line");
    }

    [Fact]
    public void Plot_GridPngDefaultSize_GrowsWithTheGrid()
    {
        string png = _temp.Name("five.png");
        string[] configs = Enumerable.Range(1, 5).Select(i => $$"""{"type":"constant","lr":{{i}}}""").ToArray();

        Cli.Run(["plot", .. configs, "--steps", "0:10", "--grid", "-o", png]).ExitCode.Should().Be(0);

        // Five panels: three a row (the square root, rounded up), two rows; 320 x 240 pixels a panel and 60 for the axis labels.
        using SKBitmap bitmap = SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).Should().Be((3 * 320, (2 * 240) + 60));
    }

    [Fact]
    public void Plot_GridColumnsAboveTheConfigs_IsOneRow()
    {
        string png = _temp.Name("row.png");

        Cli.Run("plot", Cosine, StepDecay, "--steps", "0:10", "--grid", "--columns", "5", "-o", png).ExitCode.Should().Be(0);

        using SKBitmap bitmap = SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).Should().Be((2 * 320, 240 + 60), "two configs make one row of two panels");
    }

    [Fact]
    public void Plot_GridSvg_TitlesEachPanelByItsConfigAndLabelsTheAxesOnce()
    {
        string cosine = _temp.File("cosine.json", Cosine);
        string step = _temp.File("step-decay.json", StepDecay);
        string svg = _temp.Name("grid.svg");

        CliResult result = Cli.Run("plot", cosine, step, "--steps", "0:1200", "--grid", "-o", svg, "--width", "900", "--height", "450", "--title", "Side by side");

        result.ExitCode.Should().Be(0, result.Err);
        XElement root = XDocument.Load(svg).Root!;
        root.Attribute("width")!.Value.Should().Be("900");
        root.Attribute("height")!.Value.Should().Be("450");
        string[] texts = root.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToArray();
        texts.Should().ContainSingle(t => t == "Side by side");
        texts.Should().ContainSingle(t => t == "cosine", "the first panel is titled by its file name");
        texts.Should().ContainSingle(t => t == "step-decay", "the second panel is titled by its file name");
        texts.Should().ContainSingle(t => t == "step", "the x axis is labelled once for the grid");
        texts.Should().ContainSingle(t => t == "learning rate");
        texts.Count(t => t == "0.1").Should().Be(2, "each panel has the same y tick labels");
        root.Descendants().Where(e => e.Name.LocalName is "path" or "polyline")
            .Count(e => string.Equals((string?)e.Attribute("stroke"), "#1F77B4", StringComparison.OrdinalIgnoreCase))
            .Should().Be(2, "each panel draws one line");
    }

    [Fact]
    public void Plot_GridTerminal_DrawsPanelsSideBySideOnTheSameAxes()
    {
        string low = _temp.File("low.json", """{"type":"constant","lr":1}""");
        string high = _temp.File("high.json", """{"type":"constant","lr":2}""");
        string cosine = _temp.File("cosine.json", """{"type":"cosine","initialLr":2,"decaySteps":99}""");

        CliResult result = Cli.Run("plot", low, high, cosine, "--steps", "0:100", "--grid", "--width", "80", "--height", "5", "--title", "Three");

        result.ExitCode.Should().Be(0, result.Err);
        string[] lines = result.Out.TrimEnd('\n').Split('\n');
        lines.Should().OnlyContain(l => l.Length <= 80);
        lines[0].Trim().Should().Be("Three");

        // Two panels a row (80 columns fit two of at least 36): low and high side by side, then cosine below.
        lines[1].Should().MatchRegex(@"^\s+low\s+high$");
        string[] chart = lines.Skip(2).Take(5).ToArray();
        chart[0].Should().MatchRegex(@"^\s+2 \|\s+2 \|\*+$", "high (lr 2) runs along the top of the shared axis; low does not reach it");
        chart[2].Should().MatchRegex(@"^\s+1 \|\*+\s+1 \|$", "low (lr 1) runs halfway up, on the same axis as high");
        chart[4].Should().MatchRegex(@"^\s+0 \|\s+0 \|$");
        lines[7].Should().MatchRegex(@"^\s+\+-+\s+\+-+$");
        lines[8].Should().MatchRegex(@"^\s+0\s+50\s+99\s+0\s+50\s+99$");
        lines[9].Should().BeEmpty();
        lines[10].Trim().Should().Be("cosine");
        lines[11].Should().MatchRegex(@"^\s+2 \|\*");
        lines[15].Should().MatchRegex(@"^\s+0 \|.*\*$", "the cosine reaches 0 at the right");
        lines[^1].Should().Be("x: step, y: lr; every panel has the same axes");
    }

    [Fact]
    public void Plot_GridTerminalColumns_SetsThePanelsARow()
    {
        string[] configs = Enumerable.Range(1, 3).Select(i => $$"""{"type":"constant","lr":{{i}}}""").ToArray();

        CliResult result = Cli.Run(["plot", .. configs, "--steps", "0:10", "--grid", "--columns", "3", "--width", "90", "--height", "4"]);

        result.ExitCode.Should().Be(0, result.Err);
        string[] lines = result.Out.TrimEnd('\n').Split('\n');
        lines.Should().OnlyContain(l => l.Length <= 90);
        lines[0].Should().Contain("constant(lr=1)").And.Contain("constant(lr=2)").And.Contain("constant(lr=3)");
        lines.Count(l => l.Contains('|')).Should().Be(4, "one row of panels, 4 rows each");
    }

    [Fact]
    public void Plot_GridTerminalLogY_NamesTheLogAxis()
    {
        CliResult result = Cli.Run("plot", """{"type":"exponential","initialLr":1,"decayRate":0.1,"decaySteps":10}""", "--steps", "0:31", "--grid", "--log-y", "--width", "40", "--height", "4");

        result.ExitCode.Should().Be(0, result.Err);
        string[] lines = result.Out.TrimEnd('\n').Split('\n');
        lines[1].Trim().Should().StartWith("1 |*");
        lines[4].Trim().Should().StartWith("0.001 |").And.EndWith("*");
        lines[^1].Should().Be("x: step, y: lr (log); every panel has the same axes");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("101")]
    public void Plot_GridColumnsOutOfRange_IsBadInputNamingTheOptionAndValue(string value)
    {
        Cli.Run("plot", Cosine, "--steps", "0:10", "--grid", "--columns", value, "-o", _temp.Name("x.png")).ShouldBeBadInput("--columns", value, "between 1 and 100");
        File.Exists(_temp.Name("x.png")).Should().BeFalse();
    }

    [Fact]
    public void Plot_GridColumnsNotANumber_IsBadInput()
    {
        Cli.Run("plot", Cosine, "--steps", "0:10", "--grid", "--columns", "two").ShouldBeBadInput("--columns", "two", "not a whole number");
    }

    [Fact]
    public void Plot_ColumnsWithoutGrid_IsBadInput()
    {
        Cli.Run("plot", Cosine, "--steps", "0:10", "--columns", "2").ShouldBeBadInput("--columns 2", "only with --grid");
    }

    [Fact]
    public void Plot_GridTerminalTooManyColumnsForTheWidth_IsBadInputSayingHowManyFit()
    {
        Cli.Run("plot", Cosine, StepDecay, Cosine, "--steps", "0:10", "--grid", "--columns", "3", "--width", "60")
            .ShouldBeBadInput("--columns 3", "too narrow", "--width 60", "at most 2");
    }

    [Fact]
    public void Plot_GridTerminalTooNarrowForOnePanel_IsBadInput()
    {
        Cli.Run("plot", Cosine, "--steps", "0:10", "--grid", "--width", "22").ShouldBeBadInput("--grid", "--width 22", "too narrow");
    }

    private static int CountNear(SKBitmap bitmap, SKColor color) => CountNear(bitmap, color, new SKRectI(0, 0, bitmap.Width, bitmap.Height));

    private static int CountNear(SKBitmap bitmap, SKColor color, SKRectI region) => PixelsNear(bitmap, color, region).Count();

    /// <summary>The mean row of the pixels near <paramref name="color"/> in <paramref name="region"/>.</summary>
    private static double MeanRowNear(SKBitmap bitmap, SKColor color, SKRectI region) => PixelsNear(bitmap, color, region).Average(p => p.Y);

    /// <summary>How many rows of <paramref name="region"/> hold a pixel near <paramref name="color"/>.</summary>
    private static int RowsNear(SKBitmap bitmap, SKColor color, SKRectI region) => PixelsNear(bitmap, color, region).Select(p => p.Y).Distinct().Count();

    private static IEnumerable<SKPointI> PixelsNear(SKBitmap bitmap, SKColor color, SKRectI region)
    {
        for (int y = region.Top; y < region.Bottom; y++)
        {
            for (int x = region.Left; x < region.Right; x++)
            {
                SKColor pixel = bitmap.GetPixel(x, y);
                if (Math.Abs(pixel.Red - color.Red) + Math.Abs(pixel.Green - color.Green) + Math.Abs(pixel.Blue - color.Blue) < 40)
                {
                    yield return new SKPointI(x, y);
                }
            }
        }
    }
}
