using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LrDecay.Conformance;

/// <summary>A conformance vector file: <c>{"source": ..., "cases": [...]}</c>, in the format of the schedule-config contract.</summary>
public sealed class VectorFile
{
    /// <summary>The default relative tolerance of a case.</summary>
    public const double DefaultRelTol = 1e-12;

    /// <summary>The default absolute tolerance of a case.</summary>
    public const double DefaultAbsTol = 1e-15;

    private VectorFile(string path, string? source, IReadOnlyList<VectorCase> cases)
    {
        Path = path;
        Source = source;
        Cases = cases;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Where the expected values come from.</summary>
    public string? Source { get; }

    /// <summary>The cases, in file order.</summary>
    public IReadOnlyList<VectorCase> Cases { get; }

    /// <summary>Reads a vector file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The file's cases.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is not a vector file; the message names the file and the problem.</exception>
    public static VectorFile Load(string path)
    {
        string text = File.ReadAllText(path);
        string name = System.IO.Path.GetFileName(path);
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            string? source = root.TryGetProperty("source", out JsonElement s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (!root.TryGetProperty("cases", out JsonElement casesElement) || casesElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{name}: no \"cases\" array.");
            }

            var cases = new List<VectorCase>();
            int index = 0;
            foreach (JsonElement c in casesElement.EnumerateArray())
            {
                cases.Add(ReadCase(name, index++, c));
            }

            return new VectorFile(path, source, cases);
        }
        catch (JsonException ex)
        {
            (string jsonPath, string problem) = LrDecay.Config.JsonSyntax.Describe(Encoding.UTF8.GetBytes(text), default, ex, "vector file");
            throw new InvalidDataException($"{name}: {jsonPath}: {problem}", ex);
        }
    }

    /// <summary>The <c>*.json</c> files of each folder, sorted by name within a folder.</summary>
    /// <param name="directories">The folders.</param>
    /// <returns>The file paths.</returns>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    public static IReadOnlyList<string> FindFiles(IEnumerable<string> directories)
    {
        var files = new List<string>();
        foreach (string directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"conformance vector folder not found: {directory}");
            }

            files.AddRange(Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal));
        }

        return files;
    }

    private static VectorCase ReadCase(string file, int index, JsonElement c)
    {
        string name = c.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()!
            : $"case-{index}";
        if (!c.TryGetProperty("schedule", out JsonElement schedule))
        {
            throw new InvalidDataException($"{file}: case '{name}' has no \"schedule\".");
        }

        bool error = c.TryGetProperty("error", out JsonElement e) && e.ValueKind == JsonValueKind.True;
        long[]? steps = c.TryGetProperty("steps", out JsonElement st) ? st.EnumerateArray().Select(x => x.GetInt64()).ToArray() : null;
        double[]? metrics = c.TryGetProperty("metrics", out JsonElement m) ? m.EnumerateArray().Select(ReadNumber).ToArray() : null;
        double[]? expected = c.TryGetProperty("expected", out JsonElement ex) ? ex.EnumerateArray().Select(ReadNumber).ToArray() : null;
        double relTol = c.TryGetProperty("relTol", out JsonElement r) ? r.GetDouble() : DefaultRelTol;
        double absTol = c.TryGetProperty("absTol", out JsonElement a) ? a.GetDouble() : DefaultAbsTol;
        if (!error)
        {
            if (expected is null || (steps is null && metrics is null))
            {
                throw new InvalidDataException($"{file}: case '{name}' needs \"expected\" with \"steps\" or \"metrics\", or \"error\": true.");
            }

            int count = metrics?.Length ?? steps!.Length;
            if (expected.Length != count || (steps is not null && steps.Length != count))
            {
                throw new InvalidDataException($"{file}: case '{name}' has {expected.Length} expected values for {count} steps or metrics.");
            }
        }

        return new VectorCase(file, name, schedule.GetRawText(), steps, metrics, expected, error, relTol, absTol);
    }

    private static double ReadNumber(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                string other => throw new InvalidDataException($"not a number: \"{other}\""),
                null => throw new InvalidDataException("not a number: null"),
            };
        }

        return element.GetDouble();
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
