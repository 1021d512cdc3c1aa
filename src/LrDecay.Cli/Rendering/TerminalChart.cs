using System.Globalization;
using System.Text;

namespace LrDecay.Cli;

/// <summary>
/// Draws the plot's lines as text: a glyph per config, each line connected column to column (a drop is a vertical run of glyphs),
/// a labelled y axis (lr), a labelled x axis (step) and a legend naming each config. Plain ASCII, so it survives any terminal and pipe.
/// </summary>
internal static class TerminalChart
{
    /// <summary>The minimum characters of a grid panel: the y labels, the axis and 10 columns to draw in.</summary>
    public const int MinPanelWidth = 24;

    private const string Glyphs = "*+ox#@%&=~";
    private const string GridGap = "   ";

    public static void Draw(TextWriter output, IReadOnlyList<PlotSeries> series, string? title, bool logY, int width, int rows)
    {
        var axes = Axes.Of(series, logY, width);
        var grid = axes.NewGrid(rows);
        for (int s = 0; s < series.Count; s++)
        {
            Plot(grid, series[s], Glyphs[s % Glyphs.Length], axes);
        }

        if (!string.IsNullOrEmpty(title))
        {
            output.WriteLine(title.PadLeft(axes.LabelWidth + 2 + ((axes.Columns + title.Length) / 2)));
        }

        output.WriteLine(YName(logY).PadLeft(axes.LabelWidth));
        foreach (string line in Chart(grid, axes))
        {
            output.WriteLine(line.TrimEnd());
        }

        output.WriteLine("step".PadLeft(axes.LabelWidth + 2 + ((axes.Columns + 4) / 2)));
        WriteLegend(output, series, width);
        output.Flush();
    }

    /// <summary>
    /// Small multiples: a panel per config, <paramref name="columns"/> panels side by side, each titled by its config's label and
    /// drawn with <c>*</c> on the same axes as every other panel; a last line names the axes.
    /// </summary>
    /// <param name="output">Where to write.</param>
    /// <param name="series">The lines, a panel each.</param>
    /// <param name="title">A title above the panels.</param>
    /// <param name="logY">A logarithmic lr axis.</param>
    /// <param name="panelWidth">Characters per panel, its axis labels included.</param>
    /// <param name="rows">Rows of each panel's chart.</param>
    /// <param name="columns">Panels side by side.</param>
    public static void DrawGrid(TextWriter output, IReadOnlyList<PlotSeries> series, string? title, bool logY, int panelWidth, int rows, int columns)
    {
        var axes = Axes.Of(series, logY, panelWidth);
        int totalWidth = (columns * panelWidth) + ((columns - 1) * GridGap.Length);
        if (!string.IsNullOrEmpty(title))
        {
            output.WriteLine(title.PadLeft((totalWidth + title.Length) / 2).TrimEnd());
        }

        for (int first = 0; first < series.Count; first += columns)
        {
            var panels = new List<List<string>>();
            for (int i = first; i < Math.Min(first + columns, series.Count); i++)
            {
                var grid = axes.NewGrid(rows);
                Plot(grid, series[i], Glyphs[0], axes);
                List<string> panel = [PanelTitle(series[i].Label, axes)];
                panel.AddRange(Chart(grid, axes));
                panels.Add(panel);
            }

            if (first > 0)
            {
                output.WriteLine();
            }

            for (int line = 0; line < panels[0].Count; line++)
            {
                string text = string.Join(GridGap, panels.Select(p => p[line].PadRight(panelWidth)));
                output.WriteLine(text.TrimEnd());
            }
        }

        output.WriteLine();
        output.WriteLine($"x: step, y: {YName(logY)}; every panel has the same axes");
        output.Flush();
    }

    /// <summary>The chart's rows under the y labels, the x axis and its tick labels (not trimmed).</summary>
    private static IEnumerable<string> Chart(char[,] grid, Axes axes)
    {
        int rows = grid.GetLength(0);
        var line = new StringBuilder();
        for (int r = 0; r < rows; r++)
        {
            string label = r == 0 ? axes.TickLabels[0] : r == rows / 2 && rows > 2 ? axes.TickLabels[1] : r == rows - 1 ? axes.TickLabels[2] : string.Empty;
            line.Clear().Append(label.PadLeft(axes.LabelWidth)).Append(" |");
            for (int c = 0; c < axes.Columns; c++)
            {
                line.Append(grid[r, c]);
            }

            yield return line.ToString();
        }

        yield return new string(' ', axes.LabelWidth) + " +" + new string('-', axes.Columns);
        yield return XTicks(axes.LabelWidth + 2, axes.Columns, axes.XMin, axes.XMax);
    }

    /// <summary>A panel's label centred over its plot area, cut short with <c>...</c> when it does not fit.</summary>
    private static string PanelTitle(string label, Axes axes)
    {
        if (label.Length > axes.Columns)
        {
            label = axes.Columns > 3 ? label[..(axes.Columns - 3)] + "..." : label[..axes.Columns];
        }

        return new string(' ', axes.LabelWidth + 2 + ((axes.Columns - label.Length) / 2)) + label;
    }

    private static string YName(bool logY) => logY ? "lr (log)" : "lr";

    private static void WriteLegend(TextWriter output, IReadOnlyList<PlotSeries> series, int width)
    {
        // Entries side by side, wrapped to the chart's width.
        var line = new StringBuilder();
        for (int i = 0; i < series.Count; i++)
        {
            string entry = $"{Glyphs[i % Glyphs.Length]} {series[i].Label}";
            if (line.Length > 0 && line.Length + 3 + entry.Length > width)
            {
                output.WriteLine(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? "   " : string.Empty).Append(entry);
        }

        output.WriteLine(line.ToString());
    }

    private static void Plot(char[,] grid, PlotSeries series, char glyph, Axes axes)
    {
        (Func<double, double> scale, double low, double high, double xMin, double xMax) = (axes.Scale, axes.Low, axes.High, axes.XMin, axes.XMax);
        int rows = grid.GetLength(0);
        int columns = grid.GetLength(1);
        int previousRow = -1;
        int previousColumn = -1;
        for (int i = 0; i < series.Steps.Length; i++)
        {
            int column = xMax > xMin ? (int)Math.Round((series.Steps[i] - xMin) / (xMax - xMin) * (columns - 1)) : 0;
            double y = scale(series.Rates[i]);
            int row = high > low ? (int)Math.Round((high - y) / (high - low) * (rows - 1)) : rows / 2;
            row = Math.Clamp(row, 0, rows - 1);

            // Connect to the previous point: a vertical run in this column from the row the line left the previous one.
            int from = previousColumn >= 0 && column - previousColumn <= 1 ? previousRow : row;
            if (previousColumn >= 0 && column - previousColumn > 1)
            {
                // A gap of columns (few points): join the two points with a straight segment.
                for (int c = previousColumn + 1; c < column; c++)
                {
                    double t = (double)(c - previousColumn) / (column - previousColumn);
                    grid[(int)Math.Round(previousRow + ((row - previousRow) * t)), c] = glyph;
                }

                from = row;
            }

            for (int r = Math.Min(from, row); r <= Math.Max(from, row); r++)
            {
                grid[r, column] = glyph;
            }

            previousRow = row;
            previousColumn = column;
        }
    }

    private static (double Low, double High) YRange(IReadOnlyList<PlotSeries> series, Func<double, double> scale, bool startAtZero)
    {
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        foreach (PlotSeries s in series)
        {
            foreach (double rate in s.Rates)
            {
                double y = scale(rate);
                low = Math.Min(low, y);
                high = Math.Max(high, y);
            }
        }

        if (startAtZero)
        {
            // Learning rates are >= 0: a linear axis starts at 0, so the height of a line reads as its rate.
            low = Math.Min(low, 0);
        }

        if (high <= low)
        {
            double pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
            return (low - pad, high + pad);
        }

        return (low, high);
    }

    private static string XTicks(int indent, int columns, double xMin, double xMax)
    {
        string left = Format(xMin);
        string middle = Format(Math.Round((xMin + xMax) / 2));
        string right = Format(xMax);
        var text = new StringBuilder(new string(' ', indent + columns + right.Length));
        Put(text, indent, left);
        int middleAt = indent + ((columns - middle.Length) / 2);
        if (xMax > xMin && middleAt > indent + left.Length + 1 && middleAt + middle.Length < indent + columns - right.Length)
        {
            Put(text, middleAt, middle);
        }

        if (xMax > xMin)
        {
            Put(text, indent + columns - right.Length, right);
        }

        return text.ToString().TrimEnd();
    }

    private static void Put(StringBuilder text, int at, string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            text[at + i] = value[i];
        }
    }

    private static double Unscale(double y, bool logY) => logY ? Math.Pow(10, y) : y;

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>What the lines are drawn against: the y range (scaled), its tick labels, the x range and the columns to draw in.</summary>
    private sealed record Axes(Func<double, double> Scale, double Low, double High, string[] TickLabels, int LabelWidth, int Columns, double XMin, double XMax)
    {
        /// <summary>The axes of <paramref name="series"/> in <paramref name="width"/> characters, y labels included.</summary>
        public static Axes Of(IReadOnlyList<PlotSeries> series, bool logY, int width)
        {
            Func<double, double> scale = logY ? Math.Log10 : v => v;
            (double low, double high) = YRange(series, scale, startAtZero: !logY);
            string[] tickLabels = [Format(Unscale(high, logY)), Format(Unscale((low + high) / 2, logY)), Format(Unscale(low, logY))];
            int labelWidth = Math.Max(tickLabels.Max(l => l.Length), 2);
            int columns = Math.Max(width - labelWidth - 2, 10);
            double xMin = series.Where(s => s.Steps.Length > 0).Min(s => s.Steps[0]);
            double xMax = series.Where(s => s.Steps.Length > 0).Max(s => s.Steps[^1]);
            return new Axes(scale, low, high, tickLabels, labelWidth, columns, xMin, xMax);
        }

        public char[,] NewGrid(int rows)
        {
            var grid = new char[rows, Columns];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < Columns; c++)
                {
                    grid[r, c] = ' ';
                }
            }

            return grid;
        }
    }
}
