using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LrDecay.Import;

/// <summary>Reads YAML (timm's <c>args.yaml</c>) into the plain values of <see cref="ImportObject"/>, with YAML 1.1's scalars as PyYAML reads them.</summary>
internal static class YamlTree
{
    internal static object? Parse(string text, string what)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                throw new ScheduleImportException($"{what}: the file is empty.");
            }

            int budget = MaxNodes;
            return Convert(stream.Documents[0].RootNode, 0, what, ref budget);
        }
        catch (YamlException ex)
        {
            throw new ScheduleImportException($"{what}: malformed YAML at line {ex.Start.Line}, column {ex.Start.Column}.");
        }
        catch (InvalidOperationException)
        {
            throw new ScheduleImportException($"{what}: malformed YAML.");
        }
    }

    /// <summary>The most nodes read: aliases share their anchor's node, so a small file can name a huge tree.</summary>
    private const int MaxNodes = 100_000;

    private static object? Convert(YamlNode node, int depth, string what, ref int budget)
    {
        if (--budget < 0)
        {
            throw new ScheduleImportException($"{what}: malformed file: more than {MaxNodes} values once its aliases are expanded.");
        }

        if (depth > ImportLimits.MaxDepth)
        {
            throw new ScheduleImportException($"{what}: malformed file: nested deeper than {ImportLimits.MaxDepth} levels.");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
                {
                    string key = pair.Key is YamlScalarNode k ? k.Value ?? string.Empty : pair.Key.ToString();
                    map[key] = Convert(pair.Value, depth + 1, what, ref budget);
                }

                return map;
            case YamlSequenceNode sequence:
                var list = new List<object?>(sequence.Children.Count);
                foreach (YamlNode child in sequence.Children)
                {
                    list.Add(Convert(child, depth + 1, what, ref budget));
                }

                return list;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return new Opaque("YAML alias");
        }
    }

    private static object? Scalar(YamlScalarNode scalar)
    {
        string value = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return value;
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
        {
            return l;
        }

        if ((char.IsDigit(value[0]) || value[0] is '-' or '+' or '.') &&
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            return d;
        }

        return value;
    }
}
