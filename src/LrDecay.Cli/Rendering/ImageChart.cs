using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace LrDecay.Cli;

/// <summary>
/// Draws the plot's lines into a PNG or SVG file with ScottPlot: one chart with a line per config (no markers, labelled axes, a
/// legend), or with <c>--grid</c> small multiples: a panel per config titled by its label, every panel with the same axis limits.
/// </summary>
internal static class ImageChart
{
    /// <summary>The share of each axis' span left free on either side of the lines in a grid (ScottPlot's own margin on one chart).</summary>
    private const double GridMargin = 0.05;

    private const float PanelTitleSize = 14;

    public static void Save(string path, IReadOnlyList<PlotSeries> series, string? title, bool logY, int width, int height)
    {
        var plot = new Plot();
        foreach (PlotSeries line in series)
        {
            AddLine(plot, line, logY).LegendText = line.Label;
        }

        plot.XLabel("step");
        plot.YLabel(YLabel(logY));
        if (!string.IsNullOrEmpty(title))
        {
            plot.Title(title);
        }

        if (logY)
        {
            plot.Axes.Left.TickGenerator = LogTicks();
        }

        plot.ShowLegend(Edge.Right);
        if (IsSvg(path))
        {
            plot.SaveSvg(path, width, height);
        }
        else
        {
            plot.SavePng(path, width, height);
        }
    }

    /// <summary>Small multiples: <paramref name="columns"/> panels a row, in the order of <paramref name="series"/>.</summary>
    public static void SaveGrid(string path, IReadOnlyList<PlotSeries> series, string? title, bool logY, int width, int height, int columns)
    {
        int rows = (series.Count + columns - 1) / columns;
        AxisLimits limits = SharedLimits(series, logY);
        var color = new ScottPlot.Palettes.Category10().GetColor(0);
        Plot frame = Frame(title, logY);
        var panels = new List<Plot>(series.Count);
        foreach (PlotSeries line in series)
        {
            var panel = new Plot();
            AddLine(panel, line, logY).Color = color;
            panel.Title(line.Label, PanelTitleSize);
            panel.RenderManager.ClearCanvasBeforeEachRender = false;
            panel.Axes.SetLimits(limits);
            if (logY)
            {
                panel.Axes.Left.TickGenerator = LogTicks();
            }

            panels.Add(panel);
        }

        void Render(SKCanvas canvas)
        {
            canvas.Clear(SKColors.White);
            frame.Render(canvas, new PixelRect(0, width, height, 0));

            // The panels share the frame's data area: its title sits above them, its axis labels below and left of them.
            PixelRect area = frame.RenderManager.LastRender.DataRect;
            float cellWidth = area.Width / columns;
            float cellHeight = area.Height / rows;
            for (int i = 0; i < panels.Count; i++)
            {
                float left = area.Left + (i % columns * cellWidth);
                float top = area.Top + (i / columns * cellHeight);
                panels[i].Render(canvas, new PixelRect(left, left + cellWidth, top + cellHeight, top));
            }
        }

        using SKSurface surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        Render(surface.Canvas);
        if (IsSvg(path))
        {
            // The pass above was each chart's first, which ScottPlot draws twice (it lays the chart out again); in the SVG each is drawn once.
            using FileStream stream = File.Create(path);
            using (SKCanvas canvas = SKSvgCanvas.Create(SKRect.Create(width, height), stream))
            {
                Render(canvas);
            }

            return;
        }

        using SKImage image = surface.Snapshot();
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        png.SaveTo(file);
    }

    private static ScottPlot.Plottables.Scatter AddLine(Plot plot, PlotSeries line, bool logY)
    {
        double[] ys = logY ? line.Rates.Select(Math.Log10).ToArray() : line.Rates;
        ScottPlot.Plottables.Scatter scatter = plot.Add.ScatterLine(line.Steps, ys);
        scatter.LineWidth = 2;
        scatter.MarkerSize = 0;
        return scatter;
    }

    /// <summary>A chart with no data, no ticks and no frame: it draws the grid's title and its one pair of axis labels.</summary>
    private static Plot Frame(string? title, bool logY)
    {
        var frame = new Plot();
        frame.XLabel("step");
        frame.YLabel(YLabel(logY));
        if (!string.IsNullOrEmpty(title))
        {
            frame.Title(title);
        }

        frame.HideGrid();

        // Each chart fills its own rectangle with white; a clear would wipe the whole canvas, the panels drawn before included.
        frame.RenderManager.ClearCanvasBeforeEachRender = false;
        frame.Axes.Frame(false);
        foreach (IAxis axis in new IAxis[] { frame.Axes.Bottom, frame.Axes.Left })
        {
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }

        return frame;
    }

    /// <summary>The limits of every panel: all steps and all rates of all lines (a linear lr axis starts at 0), with a margin.</summary>
    private static AxisLimits SharedLimits(IReadOnlyList<PlotSeries> series, bool logY)
    {
        double xMin = double.PositiveInfinity;
        double xMax = double.NegativeInfinity;
        double yMin = logY ? double.PositiveInfinity : 0;
        double yMax = double.NegativeInfinity;
        foreach (PlotSeries line in series.Where(s => s.Steps.Length > 0))
        {
            xMin = Math.Min(xMin, line.Steps[0]);
            xMax = Math.Max(xMax, line.Steps[^1]);
            foreach (double rate in line.Rates)
            {
                double y = logY ? Math.Log10(rate) : rate;
                yMin = Math.Min(yMin, y);
                yMax = Math.Max(yMax, y);
            }
        }

        (xMin, xMax) = Pad(xMin, xMax);
        (yMin, yMax) = Pad(yMin, yMax);
        return new AxisLimits(xMin, xMax, yMin, yMax);
    }

    private static (double Low, double High) Pad(double low, double high)
    {
        if (high <= low)
        {
            double half = low == 0 ? 1 : Math.Abs(low) * 0.1;
            return (low - half, high + half);
        }

        double pad = (high - low) * GridMargin;
        return (low - pad, high + pad);
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture),
    };

    private static string YLabel(bool logY) => logY ? "learning rate (log scale)" : "learning rate";

    private static bool IsSvg(string path) => Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks an <c>-o</c> path before any work: a .png or .svg file in a folder that exists.</summary>
    public static void CheckOutput(string output)
    {
        string extension = Path.GetExtension(output).ToLowerInvariant();
        if (extension is not ".png" and not ".svg")
        {
            throw new UsageException($"-o {output}: the file must end in .png or .svg");
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"-o {output}: folder not found: {folder}");
        }
    }
}
