using System.Globalization;
using ScottPlot;

namespace LrDecay.Cli;

/// <summary>
/// The chart of <c>lrdecay suggest -o</c>: the recorded loss and the smoothed loss against the lr on a log axis, a marker at the
/// point the suggestion comes from and a dashed line at the suggested lr.
/// </summary>
internal static class FinderChart
{
    public const int Width = 800;
    public const int Height = 500;

    public static void Save(string path, LossCurveFile curve, FinderResult result, double beta)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();

        // The raw losses: every finite one, faint.
        double[] rawX = Enumerable.Range(0, curve.Lrs.Length).Where(i => double.IsFinite(curve.Losses[i])).Select(i => Math.Log10(curve.Lrs[i])).ToArray();
        double[] rawY = curve.Losses.Where(double.IsFinite).ToArray();
        ScottPlot.Plottables.Scatter raw = plot.Add.ScatterLine(rawX, rawY);
        raw.Color = palette.GetColor(0).WithAlpha(0.45);
        raw.LineWidth = 1;
        raw.LegendText = "loss";

        // The smoothed losses of the usable range.
        double[] smoothX = curve.Lrs.Take(result.UsableEnd).Select(Math.Log10).ToArray();
        double[] smoothY = result.SmoothedLosses.ToArray();
        ScottPlot.Plottables.Scatter smooth = plot.Add.ScatterLine(smoothX, smoothY);
        smooth.Color = palette.GetColor(0);
        smooth.LineWidth = 2.5f;
        smooth.LegendText = $"smoothed (beta {SuggestCommand.Format(beta)})";

        string name = SuggestCommand.MethodName(result.Method);
        double suggestedX = Math.Log10(result.SuggestedLearningRate);
        ScottPlot.Plottables.VerticalLine line = plot.Add.VerticalLine(suggestedX);
        line.Color = palette.GetColor(3);
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 1.5f;
        line.LegendText = $"{name}: lr {result.SuggestedLearningRate.ToString("G4", CultureInfo.InvariantCulture)}";

        ScottPlot.Plottables.Marker marker = plot.Add.Marker(Math.Log10(curve.Lrs[result.SuggestedIndex]), result.SmoothedLosses[result.SuggestedIndex]);
        marker.Color = palette.GetColor(3);
        marker.Size = 12;
        marker.Shape = MarkerShape.FilledCircle;

        // y: the smoothed losses before the divergence and the raw ones below them, so neither the blow-up nor a spike flattens the
        // curve (the raw line may run off the top).
        int counted = Math.Max(result.DivergedIndex ?? result.UsableEnd, 1);
        double high = result.SmoothedLosses.Take(counted).Max();
        double low = Math.Min(result.SmoothedLosses.Take(counted).Min(), curve.Losses.Take(counted).Where(double.IsFinite).DefaultIfEmpty(high).Min());
        double pad = high > low ? (high - low) * 0.1 : Math.Max(Math.Abs(low) * 0.1, 1);
        double left = Math.Min(rawX.Concat(smoothX).Min(), suggestedX);
        double right = Math.Max(rawX.Concat(smoothX).Max(), suggestedX);
        double xPad = right > left ? (right - left) * 0.03 : 0.5;
        plot.Axes.SetLimits(left - xPad, right + xPad, low - pad, high + pad);

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = x => Math.Pow(10, x).ToString("G3", CultureInfo.InvariantCulture),
        };
        plot.XLabel("learning rate (log scale)");
        plot.YLabel("loss");
        plot.Title($"Range test: {name} suggests {result.SuggestedLearningRate.ToString("G4", CultureInfo.InvariantCulture)}");
        plot.ShowLegend(Alignment.UpperLeft);
        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            plot.SaveSvg(path, Width, Height);
        }
        else
        {
            plot.SavePng(path, Width, Height);
        }
    }
}
