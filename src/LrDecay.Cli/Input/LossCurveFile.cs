using System.Globalization;

namespace LrDecay.Cli;

/// <summary>A recorded range test: a CSV with the header <c>lr,loss</c> or <c>step,lr,loss</c> and one row per step.</summary>
internal sealed class LossCurveFile
{
    private LossCurveFile(long[] steps, double[] lrs, double[] losses)
    {
        Steps = steps;
        Lrs = lrs;
        Losses = losses;
    }

    /// <summary>The step of each row: the <c>step</c> column, or the row's position from 0 without one.</summary>
    public long[] Steps { get; }

    public double[] Lrs { get; }

    /// <summary>The losses; <c>nan</c>, <c>inf</c>, <c>-inf</c> (any case, also <c>Infinity</c>) are read as such.</summary>
    public double[] Losses { get; }

    /// <summary>Reads the file; blank lines are skipped.</summary>
    /// <exception cref="UsageException">The file is missing or unreadable, or the header or a row is bad; the message names the file and line.</exception>
    public static LossCurveFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: file not found");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read: {ex.Message}", ex);
        }

        int headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerLine < 0)
        {
            throw new UsageException($"{path}: the file is empty; it needs the header 'lr,loss' or 'step,lr,loss' and a row per step");
        }

        string[] header = Split(lines[headerLine]).Select(c => c.ToLowerInvariant()).ToArray();
        bool withStep = header.SequenceEqual(["step", "lr", "loss"]);
        if (!withStep && !header.SequenceEqual(["lr", "loss"]))
        {
            throw new UsageException($"{path} line {headerLine + 1}: the header must be 'lr,loss' or 'step,lr,loss', not '{lines[headerLine].Trim()}'");
        }

        var steps = new List<long>();
        var lrs = new List<double>();
        var losses = new List<double>();
        for (int i = headerLine + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            string where = $"{path} line {i + 1}";
            string[] cells = Split(lines[i]);
            if (cells.Length != header.Length)
            {
                throw new UsageException($"{where}: {cells.Length} columns, the header has {header.Length} ({string.Join(",", header)})");
            }

            int column = 0;
            long step = steps.Count;
            if (withStep)
            {
                if (!long.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out step))
                {
                    throw new UsageException($"{where}: step '{cells[0]}' is not a whole number >= 0");
                }

                if (steps.Count > 0 && step <= steps[^1])
                {
                    throw new UsageException($"{where}: step {step} does not follow step {steps[^1]}; steps must increase");
                }

                column = 1;
            }

            if (!double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double lr) || !(lr > 0) || double.IsInfinity(lr))
            {
                throw new UsageException($"{where}: lr '{cells[column]}' must be a finite number > 0");
            }

            if (!MetricNumber.TryParse(cells[column + 1], out double loss))
            {
                throw new UsageException($"{where}: loss '{cells[column + 1]}' is not a number");
            }

            steps.Add(step);
            lrs.Add(lr);
            losses.Add(loss);
        }

        if (lrs.Count == 0)
        {
            throw new UsageException($"{path}: no rows after the header");
        }

        return new LossCurveFile(steps.ToArray(), lrs.ToArray(), losses.ToArray());
    }

    private static string[] Split(string line) => line.Split(',').Select(c => c.Trim()).ToArray();
}
