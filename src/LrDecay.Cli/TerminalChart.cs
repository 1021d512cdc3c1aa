using System.Globalization;
using System.Text;

namespace LrDecay.Cli;

/// <summary>
/// Draws the plot's lines as text: a glyph per config, each line connected column to column (a drop is a vertical run of glyphs),
/// a labelled y axis (lr), a labelled x axis (step) and a legend naming each config. Plain ASCII, so it survives any terminal and pipe.
/// </summary>
internal static class TerminalChart
{
    private const string Glyphs = "*+ox#@%&=~";

    public static void Draw(TextWriter output, IReadOnlyList<PlotSeries> series, string? title, bool logY, int width, int rows)
    {
        Func<double, double> scale = logY ? Math.Log10 : v => v;
        (double low, double high) = YRange(series, scale, startAtZero: !logY);

        string[] tickLabels = [Format(Unscale(high, logY)), Format(Unscale((low + high) / 2, logY)), Format(Unscale(low, logY))];
        int labelWidth = Math.Max(tickLabels.Max(l => l.Length), 2);
        int columns = Math.Max(width - labelWidth - 2, 10);
        double xMin = series.Where(s => s.Steps.Length > 0).Min(s => s.Steps[0]);
        double xMax = series.Where(s => s.Steps.Length > 0).Max(s => s.Steps[^1]);

        var grid = new char[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                grid[r, c] = ' ';
            }
        }

        for (int s = 0; s < series.Count; s++)
        {
            Plot(grid, series[s], Glyphs[s % Glyphs.Length], scale, low, high, xMin, xMax);
        }

        if (!string.IsNullOrEmpty(title))
        {
            output.WriteLine(title.PadLeft(labelWidth + 2 + ((columns + title.Length) / 2)));
        }

        output.WriteLine((logY ? "lr (log)" : "lr").PadLeft(labelWidth));
        var line = new StringBuilder();
        for (int r = 0; r < rows; r++)
        {
            string label = r == 0 ? tickLabels[0] : r == rows / 2 && rows > 2 ? tickLabels[1] : r == rows - 1 ? tickLabels[2] : string.Empty;
            line.Clear().Append(label.PadLeft(labelWidth)).Append(" |");
            for (int c = 0; c < columns; c++)
            {
                line.Append(grid[r, c]);
            }

            output.WriteLine(line.ToString().TrimEnd());
        }

        output.WriteLine(new string(' ', labelWidth) + " +" + new string('-', columns));
        output.WriteLine(XTicks(labelWidth + 2, columns, xMin, xMax));
        output.WriteLine("step".PadLeft(labelWidth + 2 + ((columns + 4) / 2)));
        WriteLegend(output, series, width);
        output.Flush();
    }

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

    private static void Plot(char[,] grid, PlotSeries series, char glyph, Func<double, double> scale, double low, double high, double xMin, double xMax)
    {
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
}
