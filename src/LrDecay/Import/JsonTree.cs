using System.Text.Json;

namespace LrDecay.Import;

/// <summary>Reads JSON into the plain values of <see cref="ImportObject"/>.</summary>
internal static class JsonTree
{
    internal static object? Parse(string text, string what)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(NamedNumbersAsStrings(text), new JsonDocumentOptions { MaxDepth = ImportLimits.MaxDepth, AllowTrailingCommas = false });
            return Convert(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new ScheduleImportException($"{what}: malformed JSON{Where(ex)}.");
        }
    }

    internal static bool LooksLikeJson(byte[] content)
    {
        foreach (byte b in content)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[';
        }

        return false;
    }

    /// <summary>
    /// Python's <c>json.dumps</c> writes infinity and NaN as the bare words <c>Infinity</c>, <c>-Infinity</c> and <c>NaN</c> (a fresh
    /// ReduceLROnPlateau's <c>best</c> is infinite): outside strings they become marked strings, read back as numbers.
    /// </summary>
    private static string NamedNumbersAsStrings(string text)
    {
        if (text.IndexOf("Infinity", StringComparison.Ordinal) < 0 && text.IndexOf("NaN", StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length + 16);
        bool inString = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                result.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    result.Append(text[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
                result.Append(c);
                continue;
            }

            string? word = Starts(text, i, "-Infinity") ?? Starts(text, i, "Infinity") ?? Starts(text, i, "NaN");
            if (word is not null)
            {
                result.Append("\"\\u0001").Append(word).Append('"');
                i += word.Length - 1;
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private const char Marker = '\u0001';

    private static string? Starts(string text, int i, string word) =>
        string.CompareOrdinal(text, i, word, 0, word.Length) == 0 ? word : null;

    private static string Where(JsonException ex) =>
        ex.LineNumber is long line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;

    private static object? Convert(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (JsonProperty p in e.EnumerateObject())
                {
                    map[p.Name] = Convert(p.Value);
                }

                return map;
            case JsonValueKind.Array:
                return e.EnumerateArray().Select(Convert).ToList();
            case JsonValueKind.String:
                string s = e.GetString()!;
                return s.Length > 1 && s[0] == Marker
                    ? s.Substring(1) switch
                    {
                        "Infinity" => double.PositiveInfinity,
                        "-Infinity" => double.NegativeInfinity,
                        _ => double.NaN,
                    }
                    : s;
            case JsonValueKind.Number:
                return e.TryGetInt64(out long l) ? l : e.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
