using System.Xml.Linq;
using SkiaSharp;

namespace LrDecay.Cli.Tests;

public sealed class SuggestCommandTests : IDisposable
{
    // ScottPlot's Category10 red, the colour of the suggestion's marker and line.
    private static readonly SKColor Suggestion = new(0xd6, 0x27, 0x28);

    // beta 0 and no skips keep the losses as they are: unit-step gradient [4-5, (2-5)/2, (1.5-4)/2, (1.4-2)/2, 1.4-1.5]
    // = [-1, -1.5, -1.25, -0.3, -0.1], so steepest picks row 1; the lowest loss is row 4.
    private const string FiveRows = "lr,loss\n0.0001,5\n0.001,4\n0.01,2\n0.1,1.5\n1,1.4\n";
    private static readonly string[] Raw = ["--beta", "0", "--skip-start", "0", "--skip-end", "0"];

    private readonly TempFolder _temp = new();

    private static string Example => Path.Combine(Repo.Root, "docs", "examples", "lr-sweep.csv");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Suggest_Example_PrintsTheSteepestPointOfTheVectors()
    {
        CliResult result = Cli.Run("suggest", Example);

        // tests/vectors/finder/torch-sgd-exponential.json (the same recording), first case: steepest index 45,
        // lr 1e-4 * (30/1e-4)^(45/99) = 0.030874545301125784; the smoothed loss at step 77 is above 4x the lowest before it.
        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Be(
            "suggested lr: 0.030874545301125784\n"
            + "method: steepest (the lr at step 45)\n"
            + "sweep: 100 steps, diverged at step 77; searched steps 10 to 76\n");
        result.Err.Should().BeEmpty();
    }

    [Theory]
    [InlineData("steepest-log", "suggested lr: 0.030874545301125784\nmethod: steepest-log (the lr at step 45)\n")]
    [InlineData("valley", "suggested lr: 0.02393049356978322\nmethod: valley (the lr at step 43)\n")]
    [InlineData("minimum", "suggested lr: 0.09624117409060295\nmethod: minimum (a tenth of the lr at step 72, the lowest smoothed loss)\n")]
    public void Suggest_Method_PicksTheVectorsPoint(string method, string expected)
    {
        // Same vector case: steepestLogLr index 45, valley index 43, minimum index 72 (lr 0.9624117409060295 / 10).
        CliResult result = Cli.Run("suggest", Example, "--method", method);

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().StartWith(expected);
    }

    [Fact]
    public void Suggest_OptionsReachTheFinder()
    {
        // The vector file's second case: beta 0.9, factor 3, skip 5 and 3: diverged at 73, steepest index 45, minimum index 61.
        CliResult result = Cli.Run("suggest", Example, "--beta", "0.9", "--divergence-factor", "3", "--skip-start", "5", "--skip-end", "3", "--method", "minimum");

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Contain("(a tenth of the lr at step 61, the lowest smoothed loss)\n")
            .And.EndWith("sweep: 100 steps, diverged at step 73; searched steps 5 to 70\n");
    }

    [Fact]
    public void Suggest_LrLossColumns_CountStepsFromZero()
    {
        string csv = _temp.File("five.csv", FiveRows);

        CliResult result = Cli.Run(["suggest", csv, .. Raw]);

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Be("suggested lr: 0.001\nmethod: steepest (the lr at step 1)\nsweep: 5 steps, did not diverge; searched steps 0 to 4\n");
    }

    [Fact]
    public void Suggest_StepColumn_NamesTheRecordedSteps()
    {
        string csv = _temp.File("steps.csv", "step, lr, loss\n100,0.0001,5\n110,0.001,4\n120,0.01,2\n130,0.1,1.5\n140,1,1.4\n");

        CliResult result = Cli.Run(["suggest", csv, .. Raw, "--method", "minimum"]);

        // Lowest loss 1.4 at step 140, lr 1: suggestion 0.1.
        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Be("suggested lr: 0.1\nmethod: minimum (a tenth of the lr at step 140, the lowest smoothed loss)\nsweep: 5 steps, did not diverge; searched steps 100 to 140\n");
    }

    [Fact]
    public void Suggest_NanLoss_EndsTheSweep()
    {
        string csv = _temp.File("nan.csv", "lr,loss\n0.0001,5\n0.001,4\n0.01,2\n0.1,nan\n1,1.4\n");

        CliResult result = Cli.Run(["suggest", csv, .. Raw]);

        // Rows 0..2 count: gradient [-1, -1.5, -2]: row 2.
        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Be("suggested lr: 0.01\nmethod: steepest (the lr at step 2)\nsweep: 5 steps, loss NaN at step 3; searched steps 0 to 2\n");
    }

    [Fact]
    public void Suggest_Png_DrawsTheChartWithTheSuggestion()
    {
        string png = _temp.Name("finder.png");

        CliResult result = Cli.Run("suggest", Example, "-o", png);

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().EndWith($"wrote {png}\n");
        using SKBitmap bitmap = SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).Should().Be((800, 500));
        int red = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                red += Math.Abs(c.Red - Suggestion.Red) + Math.Abs(c.Green - Suggestion.Green) + Math.Abs(c.Blue - Suggestion.Blue) < 30 ? 1 : 0;
            }
        }

        red.Should().BeGreaterThan(100, "the marker and the dashed line are drawn");
    }

    [Fact]
    public void Suggest_Svg_HasTheLogAxisLabelLegendAndTitle()
    {
        string svg = _temp.Name("finder.svg");

        CliResult result = Cli.Run("suggest", Example, "--method", "valley", "-o", svg);

        result.ExitCode.Should().Be(0, result.Err);
        XElement root = XDocument.Load(svg).Root!;
        string text = string.Join(" ", root.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        text.Should().Contain("learning rate (log scale)").And.Contain("smoothed (beta 0.98)").And.Contain("valley: lr 0.02393")
            .And.Contain("Range test: valley suggests 0.02393").And.Contain("0.001");
    }

    [Theory]
    [InlineData("x,y\n1,2\n", "line 1: the header must be 'lr,loss' or 'step,lr,loss', not 'x,y'")]
    [InlineData("\nlr,loss\n0.1,1\n0.2,abc\n", "line 4: loss 'abc' is not a number")]
    [InlineData("lr,loss\n0.1,1\n0,2\n", "line 3: lr '0' must be a finite number > 0")]
    [InlineData("lr,loss\n0.1,1\nnan,2\n", "line 3: lr 'nan' must be a finite number > 0")]
    [InlineData("lr,loss\n0.1,1,3\n", "line 2: 3 columns, the header has 2 (lr,loss)")]
    [InlineData("step,lr,loss\n0,0.1,1\n-1,0.2,1\n", "line 3: step '-1' is not a whole number >= 0")]
    [InlineData("step,lr,loss\n5,0.1,1\n5,0.2,1\n", "line 3: step 5 does not follow step 5; steps must increase")]
    [InlineData("lr,loss\n", ": no rows after the header")]
    [InlineData("", ": the file is empty; it needs the header 'lr,loss' or 'step,lr,loss' and a row per step")]
    public void Suggest_BadCsv_IsBadInputNamingTheLine(string contents, string message)
    {
        string csv = _temp.File("bad.csv", contents);

        CliResult result = Cli.Run("suggest", csv);

        result.ExitCode.Should().Be(2);
        result.Out.Should().BeEmpty();
        result.Err.Should().Be($"lrdecay: {csv}{(message.StartsWith(':') ? string.Empty : " ")}{message}\n");
    }

    [Fact]
    public void Suggest_MissingFile_IsBadInput()
    {
        string csv = _temp.Name("missing.csv");
        CliResult result = Cli.Run("suggest", csv);
        result.ExitCode.Should().Be(2);
        result.Err.Should().Be($"lrdecay: {csv}: file not found\n");
    }

    [Theory]
    [InlineData("--method", "fastest", "--method 'fastest': must be steepest, steepest-log, valley or minimum")]
    [InlineData("--beta", "1", "--beta 1: must be in [0, 1)")]
    [InlineData("--beta", "x", "--beta 'x': not a number")]
    [InlineData("--divergence-factor", "0.5", "--divergence-factor 0.5: must be greater than 1 (or inf)")]
    [InlineData("--skip-start", "-1", "--skip-start '-1': must be a whole number >= 0")]
    [InlineData("--skip-end", "1.5", "--skip-end '1.5': must be a whole number >= 0")]
    [InlineData("-o", "finder.jpg", "-o finder.jpg: the file must end in .png or .svg")]
    public void Suggest_BadOption_IsBadInputNamingIt(string option, string value, string message)
    {
        CliResult result = Cli.Run("suggest", Example, option, value);

        result.ExitCode.Should().Be(2);
        result.Err.Should().Be($"lrdecay: {message}\n");
    }

    [Fact]
    public void Suggest_TooFewRowsForTheSkips_IsBadInput()
    {
        string csv = _temp.File("five.csv", FiveRows);

        CliResult result = Cli.Run("suggest", csv);

        // 10 skipped at the start, 1 at the end, 2 for a gradient.
        result.ExitCode.Should().Be(2);
        result.Err.Should().Be($"lrdecay: {csv}: lrs and losses have 5 points; steepest with skipStart 10 and skipEnd 1 needs at least 13 (an index counts the data rows from 0)\n");
    }

    [Fact]
    public void Suggest_InfiniteFactor_SearchesUpToTheFirstNaN()
    {
        // Without the check the range runs on through the blow-up to the first NaN loss (row 84); the lowest smoothed loss stays at 72.
        CliResult result = Cli.Run("suggest", Example, "--divergence-factor", "inf", "--method", "minimum");

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().EndWith("(a tenth of the lr at step 72, the lowest smoothed loss)\nsweep: 100 steps, loss NaN at step 84; searched steps 10 to 82\n");
    }
}
