using System.Globalization;

namespace LrDecay.Cli;

/// <summary>A metrics file for a plateau schedule: one number per line (blank lines and <c>#</c> comments are skipped).</summary>
internal static class MetricsFile
{
    /// <summary>Reads the metrics; <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> (also <c>nan</c>, <c>inf</c>, <c>-inf</c>) are accepted.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The metrics in file order.</returns>
    /// <exception cref="UsageException">The file is missing or unreadable, or a line is not a number; the message names the file and line.</exception>
    public static double[] Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--metrics: file not found: {path}");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--metrics: cannot read {path}: {ex.Message}", ex);
        }

        var metrics = new List<double>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!MetricNumber.TryParse(line, out double value))
            {
                throw new UsageException($"--metrics: {path} line {i + 1}: '{line}' is not a number");
            }

            metrics.Add(value);
        }

        if (metrics.Count == 0)
        {
            throw new UsageException($"--metrics: {path} holds no metrics (one number per line)");
        }

        return metrics.ToArray();
    }
}
