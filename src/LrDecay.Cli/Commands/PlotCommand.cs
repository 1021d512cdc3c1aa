using System.CommandLine;

namespace LrDecay.Cli;

/// <summary>
/// <c>lrdecay plot CONFIG... --steps A:B -o FILE.png|FILE.svg [--log-y] [--title T] [--width W --height H] [--grid [--columns N]]</c>:
/// one chart, a line per config, or with <c>--grid</c> a panel per config, all on the same axes; without <c>-o</c> the chart is
/// drawn in the terminal.
/// </summary>
internal static class PlotCommand
{
    public const int DefaultImageWidth = 800;
    public const int DefaultImageHeight = 500;
    public const int DefaultTerminalWidth = 80;
    public const int DefaultTerminalRows = 16;

    /// <summary>With <c>--grid</c>, the default image size is this many pixels a panel.</summary>
    public const int DefaultPanelWidth = 320;

    public const int DefaultPanelHeight = 240;

    /// <summary>With <c>--grid</c>, the default image height adds this for the title and the x axis label.</summary>
    public const int GridLabelsHeight = 60;

    /// <summary>With <c>--grid</c> in the terminal, the rows of each panel's chart unless <c>--height</c> says otherwise.</summary>
    public const int DefaultTerminalPanelRows = 8;

    /// <summary>With <c>--grid</c> in the terminal and no <c>--columns</c>, as many panels of at least this width as fit side by side.</summary>
    public const int PreferredTerminalPanelWidth = 36;

    public const int MaxColumns = 100;

    private const int TerminalGap = 3;

    public static Command Create(CliConsole console)
    {
        var configs = new Argument<string[]>("CONFIG")
        {
            Description = "One or more JSON config files or inline JSON configs; each is a line named by its file name.",
            Arity = ArgumentArity.OneOrMore,
        };
        var steps = new Option<string>("--steps")
        {
            Description = "The steps A:B[:STRIDE]: from A up to B exclusive (every step is evaluated unless a STRIDE is given).",
            HelpName = "A:B[:STRIDE]",
            Required = true,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The image to write, FILE.png or FILE.svg; without it the chart is drawn in the terminal.",
            HelpName = "FILE",
        };
        var logY = new Option<bool>("--log-y") { Description = "A logarithmic lr axis (steps whose lr is 0 are left out)." };
        var title = new Option<string?>("--title") { Description = "A title above the chart.", HelpName = "T" };
        var width = new Option<string?>("--width")
        {
            Description = $"Image width in pixels (default {DefaultImageWidth}; with --grid {DefaultPanelWidth} a panel); in the terminal, columns (default: the terminal's width).",
            HelpName = "W",
        };
        var height = new Option<string?>("--height")
        {
            Description = $"Image height in pixels (default {DefaultImageHeight}; with --grid {DefaultPanelHeight} a panel, plus {GridLabelsHeight}); in the terminal, rows of the chart "
                + $"(default {DefaultTerminalRows}; with --grid rows of each panel, default {DefaultTerminalPanelRows}).",
            HelpName = "H",
        };

        var grid = new Option<bool>("--grid")
        {
            Description = "Small multiples: a panel per config, titled by its label, every panel with the same axes.",
        };
        var columns = new Option<string?>("--columns")
        {
            Description = $"With --grid, panels a row, 1 to {MaxColumns} (default: in an image the square root of the number of configs, rounded up; in the terminal as many "
                + $"panels {PreferredTerminalPanelWidth} columns wide as fit).",
            HelpName = "N",
        };

        var command = new Command("plot", "Plot schedules: one chart with a line per config, or a grid of panels, to a PNG or SVG file or to the terminal.")
        {
            configs,
            steps,
            output,
            logY,
            title,
            width,
            height,
            grid,
            columns,
        };
        BudgetOptions budget = BudgetOptions.AddTo(command);
        command.SetAction(parseResult => Run(
            console,
            parseResult.GetRequiredValue(configs),
            StepRange.Parse(parseResult.GetRequiredValue(steps)),
            parseResult.GetValue(output),
            parseResult.GetValue(logY),
            parseResult.GetValue(title),
            parseResult.GetValue(width),
            parseResult.GetValue(height),
            parseResult.GetValue(grid),
            parseResult.GetValue(columns),
            budget.Read(parseResult)));
        return command;
    }

    private static int Run(
        CliConsole console, string[] configArguments, StepRange range, string? output, bool logY, string? title, string? widthText, string? heightText, bool grid, string? columnsText, TrainingBudget? budget)
    {
        int? width = ParseSize("--width", widthText);
        int? height = ParseSize("--height", heightText);
        int? columns = ParseSize("--columns", columnsText);
        if (columns is not null && !grid)
        {
            throw new UsageException($"--columns {columns}: only with --grid");
        }

        CheckSize("--columns", columns, 1, MaxColumns);
        if (output is not null)
        {
            ImageChart.CheckOutput(output);
            CheckSize("--width", width, 100, 10_000);
            CheckSize("--height", height, 100, 10_000);
        }
        else
        {
            CheckSize("--width", width, 20, 1_000);
            CheckSize("--height", height, 3, 500);
        }

        // A terminal grid that does not fit is bad input before any step is evaluated.
        int terminalWidth = width ?? console.TerminalWidth ?? DefaultTerminalWidth;
        (int Columns, int PanelWidth) terminalGrid = output is null && grid ? TerminalGrid(configArguments.Length, columns, terminalWidth, width is not null) : default;
        var sources = configArguments.Select(a => ConfigSource.Load(a, console.Input, budget)).ToArray();
        var progress = new ProgressReporter(console, "plot", range.Count * sources.Length);
        var series = new List<PlotSeries>(sources.Length);
        string[] labels = DistinctLabels(sources.Select(s => s.Label).ToArray());
        for (int i = 0; i < sources.Length; i++)
        {
            series.Add(PlotSeries.Evaluate(labels[i], sources[i].Schedule, range, progress, range.Count * i));
        }

        progress.Complete();
        if (logY)
        {
            series = LeaveOutZeros(console, series);
        }

        if (output is null)
        {
            if (grid)
            {
                TerminalChart.DrawGrid(console.Output, series, title, logY, terminalGrid.PanelWidth, height ?? DefaultTerminalPanelRows, terminalGrid.Columns);
            }
            else
            {
                TerminalChart.Draw(console.Output, series, title, logY, terminalWidth, height ?? DefaultTerminalRows);
            }

            return ExitCodes.Ok;
        }

        try
        {
            if (grid)
            {
                int panelColumns = Math.Min(columns ?? (int)Math.Ceiling(Math.Sqrt(series.Count)), series.Count);
                int panelRows = (series.Count + panelColumns - 1) / panelColumns;
                int imageWidth = width ?? Math.Min(DefaultPanelWidth * panelColumns, 10_000);
                int imageHeight = height ?? Math.Min((DefaultPanelHeight * panelRows) + GridLabelsHeight, 10_000);
                ImageChart.SaveGrid(output, series, title, logY, imageWidth, imageHeight, panelColumns);
            }
            else
            {
                ImageChart.Save(output, series, title, logY, width ?? DefaultImageWidth, height ?? DefaultImageHeight);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"-o: cannot write {output}: {ex.Message}", ex);
        }

        console.Output.WriteLine($"wrote {output}");
        console.Output.Flush();
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The labels of the lines, told apart: a label that two or more configs share (two files of one name in different folders, two
    /// inline configs of the same types) gets the config's position, <c>warmup(cosine) #2</c>.
    /// </summary>
    /// <param name="labels">Each config's label, in the order given.</param>
    /// <returns>The labels to draw.</returns>
    internal static string[] DistinctLabels(string[] labels) =>
        labels.Select((label, i) => labels.Count(l => l == label) > 1 ? $"{label} #{i + 1}" : label).ToArray();

    /// <summary>The panels a row and the width of each for a terminal grid of <paramref name="count"/> panels in <paramref name="width"/> characters.</summary>
    private static (int Columns, int PanelWidth) TerminalGrid(int count, int? columns, int width, bool widthGiven)
    {
        int fit = Math.Max(1, (width + TerminalGap) / (TerminalChart.MinPanelWidth + TerminalGap));
        int chosen = Math.Min(columns ?? Math.Max(1, (width + TerminalGap) / (PreferredTerminalPanelWidth + TerminalGap)), count);
        int panelWidth = (width - ((chosen - 1) * TerminalGap)) / chosen;
        if (panelWidth >= TerminalChart.MinPanelWidth)
        {
            return (chosen, panelWidth);
        }

        string widthText = widthGiven ? $"--width {width}" : $"a terminal {width} columns wide";
        if (columns is null)
        {
            // Even one panel does not fit: only a narrow --width (or terminal) gets here.
            throw new UsageException($"--grid: {widthText} is too narrow for a panel, which needs at least {TerminalChart.MinPanelWidth} columns");
        }

        throw new UsageException(
            $"--columns {columns}: panels {panelWidth} columns wide are too narrow (at least {TerminalChart.MinPanelWidth}); in {widthText} at most {fit} fit side by side");
    }

    private static int? ParseSize(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int value))
        {
            throw new UsageException($"{option} '{text}': not a whole number");
        }

        return value;
    }

    private static void CheckSize(string option, int? value, int min, int max)
    {
        if (value is int v && (v < min || v > max))
        {
            throw new UsageException($"{option} {v}: must be between {min} and {max}");
        }
    }

    private static List<PlotSeries> LeaveOutZeros(CliConsole console, List<PlotSeries> series)
    {
        List<PlotSeries> kept = series.Select(s => s.Where(rate => rate > 0)).ToList();
        if (kept.All(s => s.Rates.Length == 0))
        {
            throw new UsageException("--log-y: no learning rate above 0 to draw");
        }

        for (int i = 0; i < kept.Count; i++)
        {
            if (kept[i].Rates.Length < series[i].Rates.Length)
            {
                console.Error.WriteLine($"lrdecay: note: --log-y leaves out the points of {series[i].Label} where lr is 0");
            }
        }

        return kept;
    }
}
