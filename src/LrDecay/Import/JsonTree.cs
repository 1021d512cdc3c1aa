using System.Text.Json;

namespace LrDecay.Import;

/// <summary>Reads JSON into the plain values of <see cref="ImportObject"/>.</summary>
internal static class JsonTree
{
    internal static object? Parse(string text, string what)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = ImportLimits.MaxDepth, AllowTrailingCommas = false });
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
                return e.GetString();
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
