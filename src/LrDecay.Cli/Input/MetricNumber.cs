using System.Globalization;

namespace LrDecay.Cli;

/// <summary>A metric or loss read from a text file: a number, or NaN and infinities spelled as people write them.</summary>
internal static class MetricNumber
{
    /// <summary>Parses <paramref name="text"/>: invariant-culture numbers, <c>nan</c>, <c>inf</c>/<c>infinity</c> with an optional sign.</summary>
    public static bool TryParse(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case "nan":
                value = double.NaN;
                return true;
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf":
            case "-infinity":
                value = double.NegativeInfinity;
                return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
