using ScottPlot;
using SkiaSharp;

namespace LrDecay.Samples.Training;

/// <summary>
/// One PNG with four panels, one coloured line per run in each: the training loss per step (smoothed), the test accuracy per
/// epoch, the learning rate per step and SGD's momentum per step.
/// </summary>
internal static class TrainingChart
{
    private const int PanelWidth = 800;
    private const int PanelHeight = 480;

    public static void Save(string path, IReadOnlyList<RunLog> runs, long stepsPerEpoch, string title)
    {
        Color[] colors = new ScottPlot.Palettes.Category10().Colors;

        Plot loss = Panel("Training loss (exponential moving average)", "step", "cross-entropy");
        Plot accuracy = Panel("Test accuracy after each epoch", "epoch", "accuracy");
        Plot rate = Panel("Learning rate", "step", "learning rate");
        Plot momentum = Panel("SGD momentum (the other runs: plain SGD, momentum 0)", "step", "momentum");

        for (int r = 0; r < runs.Count; r++)
        {
            RunLog run = runs[r];
            Color color = colors[r % colors.Length];
            double[] steps = Enumerable.Range(0, run.StepLoss.Count).Select(i => (double)i).ToArray();
            double[] epochs = Enumerable.Range(1, run.EpochTestAccuracy.Count).Select(i => (double)i).ToArray();

            Line(loss, steps, Smooth(run.StepLoss, SmoothingSpan(stepsPerEpoch)), color, run.Name, 0);
            Line(accuracy, epochs, run.EpochTestAccuracy.ToArray(), color, run.Name, 7);
            Line(rate, steps, run.StepLr.ToArray(), color, run.Name, 0);
            if (run.StepMomentum.Any(m => m != 0))
            {
                Line(momentum, steps, run.StepMomentum.ToArray(), color, run.Name, 0);
            }
        }

        // Epoch boundaries on the per-step panels, faint, so the per-epoch panel lines up with them by eye.
        foreach (Plot plot in new[] { loss, rate, momentum })
        {
            long totalSteps = runs.Count == 0 ? 0 : runs[0].StepLr.Count;
            for (long s = stepsPerEpoch; s < totalSteps; s += stepsPerEpoch)
            {
                var line = plot.Add.VerticalLine(s, 1, Colors.Gray.WithAlpha(0.4));
                line.LinePattern = LinePattern.Dashed;
            }
        }

        accuracy.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        momentum.Axes.SetLimitsY(0.8, 1.0);
        rate.Axes.SetLimitsY(0, runs.SelectMany(r => r.StepLr).DefaultIfEmpty(0.1).Max() * 1.08);

        // The first steps' loss (2.3 falling fast) would squash the rest: the panel starts where the runs part ways.
        double lowest = runs.SelectMany(r => Smooth(r.StepLoss, SmoothingSpan(stepsPerEpoch))).DefaultIfEmpty(0.0).Min();
        loss.Axes.SetLimitsY(lowest * 0.9, Math.Max(1.0, lowest * 2));

        // One legend for all four panels, in a row under the title; the panels' own legends stay hidden.
        foreach (Plot plot in new[] { loss, accuracy, rate, momentum })
        {
            plot.HideLegend();
        }

        const int titleHeight = 50;
        const int legendHeight = 40;
        int top = titleHeight + legendHeight;
        using var surface = SKSurface.Create(new SKImageInfo(2 * PanelWidth, (2 * PanelHeight) + top));
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var titleFont = new SKFont(SKTypeface.Default, 26))
        using (var legendFont = new SKFont(SKTypeface.Default, 19))
        using (var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true })
        using (var pen = new SKPaint { IsAntialias = true, StrokeWidth = 4, Style = SKPaintStyle.Stroke })
        {
            canvas.DrawText(title, PanelWidth, 36, SKTextAlign.Center, titleFont, ink);

            // Each entry: a short coloured line, then the run's name; the row centred.
            const float swatch = 34, gap = 8, spacing = 36;
            float[] widths = runs.Select(r => swatch + gap + legendFont.MeasureText(r.Name)).ToArray();
            float x = PanelWidth - ((widths.Sum() + (spacing * Math.Max(0, runs.Count - 1))) / 2);
            float y = titleHeight + (legendHeight / 2f);
            for (int r = 0; r < runs.Count; r++)
            {
                Color color = colors[r % colors.Length];
                pen.Color = new SKColor(color.R, color.G, color.B);
                canvas.DrawLine(x, y, x + swatch, y, pen);
                canvas.DrawText(runs[r].Name, x + swatch + gap, y + 7, SKTextAlign.Left, legendFont, ink);
                x += widths[r] + spacing;
            }
        }

        Draw(canvas, loss, 0, top);
        Draw(canvas, accuracy, PanelWidth, top);
        Draw(canvas, rate, 0, top + PanelHeight);
        Draw(canvas, momentum, PanelWidth, top + PanelHeight);

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        using SKImage image = surface.Snapshot();
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        png.SaveTo(file);
    }

    /// <summary>The smoothing of the loss curves: about half an epoch of batches.</summary>
    private static long SmoothingSpan(long stepsPerEpoch) => Math.Max(10, stepsPerEpoch / 2);

    /// <summary>An exponential moving average over about <paramref name="span"/> points, corrected for its start at zero.</summary>
    public static double[] Smooth(IReadOnlyList<double> values, long span)
    {
        double alpha = 2.0 / (span + 1);
        var smoothed = new double[values.Count];
        double average = 0;
        double weight = 0;
        for (int i = 0; i < values.Count; i++)
        {
            average = ((1 - alpha) * average) + (alpha * values[i]);
            weight = ((1 - alpha) * weight) + alpha;
            smoothed[i] = average / weight;
        }

        return smoothed;
    }

    private static Plot Panel(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, size: 18);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        return plot;
    }

    private static void Line(Plot plot, double[] xs, double[] ys, Color color, string label, float markerSize)
    {
        ScottPlot.Plottables.Scatter scatter = plot.Add.Scatter(xs, ys, color);
        scatter.LegendText = label;
        scatter.LineWidth = 2;
        scatter.MarkerSize = markerSize;
    }

    private static void Draw(SKCanvas canvas, Plot plot, int left, int top)
    {
        canvas.Save();
        canvas.Translate(left, top);
        canvas.ClipRect(new SKRect(0, 0, PanelWidth, PanelHeight));
        plot.Render(canvas, PanelWidth, PanelHeight);
        canvas.Restore();
    }
}
