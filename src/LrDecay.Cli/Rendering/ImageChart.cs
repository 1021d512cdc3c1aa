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

        plot.Axes.Left.TickGenerator = RateTicks(series, logY);
        if (!logY)
        {
            plot.Axes.AutoScale();
            (double low, double high) = LinearRateLimits(series);
            plot.Axes.SetLimitsY(low, high);
        }

        // Below the chart, the legend takes a line of the height rather than a column of the width.
        plot.ShowLegend(Edge.Bottom);
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
            panel.Axes.Left.TickGenerator = RateTicks(series, logY);

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

    /// <summary>
    /// The limits of every panel: all steps and all rates of all lines, with a margin; a linear lr axis of rates that are never
    /// negative starts at 0 exactly.
    /// </summary>
    private static AxisLimits SharedLimits(IReadOnlyList<PlotSeries> series, bool logY)
    {
        double xMin = double.PositiveInfinity;
        double xMax = double.NegativeInfinity;
        double yMin = double.PositiveInfinity;
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
        (yMin, yMax) = logY ? Pad(yMin, yMax) : LinearRateLimits(series);
        return new AxisLimits(xMin, xMax, yMin, yMax);
    }

    /// <summary>
    /// The limits of a linear lr axis: from 0 when no rate is negative (never below it), else from the lowest rate less a margin, up
    /// to the highest rate plus a margin of 5% of the span.
    /// </summary>
    /// <param name="series">The lines.</param>
    /// <returns>The lower and upper limit.</returns>
    internal static (double Low, double High) LinearRateLimits(IReadOnlyList<PlotSeries> series)
    {
        double min = 0;
        double max = 0;
        foreach (double rate in series.SelectMany(s => s.Rates))
        {
            min = Math.Min(min, rate);
            max = Math.Max(max, rate);
        }

        if (max <= min)
        {
            // Every rate is 0: an axis from 0 to 1.
            return (min, min + 1);
        }

        double pad = (max - min) * GridMargin;
        return (min < 0 ? min - pad : 0, max + pad);
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

    /// <summary>The ticks of the lr axis, every label in one style (see <see cref="RateLabel"/>); on a log axis, at powers of ten.</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic RateTicks(IReadOnlyList<PlotSeries> series, bool logY)
    {
        double[] rates = series.SelectMany(s => s.Rates).ToArray();
        if (logY)
        {
            bool scientific = ScientificLabels(rates.Where(r => r > 0).DefaultIfEmpty(1).Min(), rates.DefaultIfEmpty(1).Max());
            return new()
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = y => RateLabel(Math.Pow(10, y), scientific),
            };
        }

        double largest = rates.Select(Math.Abs).DefaultIfEmpty(0).Max();
        bool linearScientific = ScientificLabels(largest, largest);
        return new() { LabelFormatter = y => RateLabel(y, linearScientific) };
    }

    /// <summary>
    /// Whether an lr axis labels its ticks as <c>3e-4</c> rather than <c>0.0003</c>: when its values reach below 0.01 (on a linear
    /// axis, when its largest value does) or up to 100,000. All of one axis' labels are in the one style.
    /// </summary>
    /// <param name="smallest">The smallest value above 0 the axis shows.</param>
    /// <param name="largest">The largest value it shows.</param>
    /// <returns>True for the <c>3e-4</c> style.</returns>
    internal static bool ScientificLabels(double smallest, double largest) =>
        (smallest > 0 && smallest < 0.01) || largest >= 1e5;

    /// <summary>
    /// A tick label: <c>0</c> for zero; in the scientific style the mantissa to three significant digits and the power of ten,
    /// <c>2.5e-4</c>, <c>1e0</c>; in the plain style the decimal number rounded to twelve significant digits (so a tick such as
    /// 0.30000000000000004 reads 0.3).
    /// </summary>
    /// <param name="value">The tick's value.</param>
    /// <param name="scientific">The style (see <see cref="ScientificLabels"/>).</param>
    /// <returns>The label.</returns>
    internal static string RateLabel(double value, bool scientific)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture);
        }

        if (!scientific)
        {
            return double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                .ToString("0.############", CultureInfo.InvariantCulture);
        }

        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double mantissa = Math.Round(value / Math.Pow(10, exponent), 2);
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }

        return $"{mantissa.ToString("0.##", CultureInfo.InvariantCulture)}e{exponent.ToString(CultureInfo.InvariantCulture)}";
    }

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
