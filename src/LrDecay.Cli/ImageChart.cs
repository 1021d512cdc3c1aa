using System.Globalization;
using ScottPlot;

namespace LrDecay.Cli;

/// <summary>Draws the plot's lines into a PNG or SVG file with ScottPlot: a line per config, no markers, labelled axes, a legend.</summary>
internal static class ImageChart
{
    public static void Save(string path, IReadOnlyList<PlotSeries> series, string? title, bool logY, int width, int height)
    {
        var plot = new Plot();
        foreach (PlotSeries line in series)
        {
            double[] ys = logY ? line.Rates.Select(Math.Log10).ToArray() : line.Rates;
            ScottPlot.Plottables.Scatter scatter = plot.Add.ScatterLine(line.Steps, ys);
            scatter.LegendText = line.Label;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 0;
        }

        plot.XLabel("step");
        plot.YLabel(logY ? "learning rate (log scale)" : "learning rate");
        if (!string.IsNullOrEmpty(title))
        {
            plot.Title(title);
        }

        if (logY)
        {
            var ticks = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture),
            };
            plot.Axes.Left.TickGenerator = ticks;
        }

        plot.ShowLegend(Edge.Right);
        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            plot.SaveSvg(path, width, height);
        }
        else
        {
            plot.SavePng(path, width, height);
        }
    }
}
