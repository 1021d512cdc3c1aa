using System.Text;
using System.Text.Json;

namespace LrDecay.Cli;

/// <summary>A schedule config named on the command line: a file path, inline JSON (starts with <c>{</c> or <c>[</c>), or <c>-</c> for stdin.</summary>
internal sealed class ConfigSource
{
    private const int MaxLabelLength = 48;

    private ConfigSource(string origin, string label, string json, ILearningRateSchedule schedule)
    {
        Origin = origin;
        Label = label;
        Json = json;
        Schedule = schedule;
    }

    /// <summary>Where the config came from, for messages: the file path, <c>inline config</c> or <c>stdin</c>.</summary>
    public string Origin { get; }

    /// <summary>A short name for a legend: the file name without <c>.json</c>, or a summary of inline JSON.</summary>
    public string Label { get; }

    /// <summary>The config as given.</summary>
    public string Json { get; }

    /// <summary>The schedule built from it.</summary>
    public ILearningRateSchedule Schedule { get; }

    /// <summary>Reads and builds a config.</summary>
    /// <param name="argument">A path, inline JSON, or <c>-</c>.</param>
    /// <param name="input">Read when <paramref name="argument"/> is <c>-</c>.</param>
    /// <returns>The config and its schedule.</returns>
    /// <exception cref="UsageException">The file is missing or unreadable, the JSON malformed or the config invalid; the message names the file and the JSON path.</exception>
    public static ConfigSource Load(string argument, TextReader input) => Load(argument, input, null);

    /// <summary>Reads and builds a config whose step counts may be written in units, resolved against <paramref name="budget"/>.</summary>
    /// <param name="argument">A path, inline JSON, or <c>-</c>.</param>
    /// <param name="input">Read when <paramref name="argument"/> is <c>-</c>.</param>
    /// <param name="budget">The training budget from <see cref="BudgetOptions"/>, or null.</param>
    /// <returns>The config and its schedule.</returns>
    /// <exception cref="UsageException">The file is missing or unreadable, the JSON malformed or the config invalid; the message names the file and the JSON path.</exception>
    public static ConfigSource Load(string argument, TextReader input, TrainingBudget? budget)
    {
        string origin;
        string json;
        string? label = null;
        string trimmed = argument.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            origin = "inline config";
            json = argument;
        }
        else if (argument == "-")
        {
            origin = "stdin";
            json = input.ReadToEnd();
        }
        else
        {
            origin = argument;
            json = ReadFile(argument);
            label = Path.GetFileNameWithoutExtension(argument);
        }

        ILearningRateSchedule schedule;
        try
        {
            schedule = ScheduleJson.Parse(json, budget);
        }
        catch (ScheduleConfigException ex)
        {
            throw new UsageException($"{origin}: {ex.Message}{BudgetOptions.HintFor(ex)}", ex);
        }

        return new ConfigSource(origin, label ?? Describe(json), json, schedule);
    }

    private static string ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"config '{path}' is a folder, not a JSON file");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"config file not found: {path} (give a JSON file or inline JSON such as '{{\"type\":\"constant\",\"lr\":0.1}}')");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read config file {path}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A one-line summary of a config for a legend: <c>cosine(initialLr=0.1, decaySteps=1000)</c>; when that is longer than
    /// <see cref="MaxLabelLength"/>, the types alone, <c>warmup(cosine)</c>, rather than a summary cut short.
    /// </summary>
    internal static string Describe(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var text = new StringBuilder();
        Describe(document.RootElement, text);
        if (text.Length > MaxLabelLength)
        {
            text.Clear();
            Types(document.RootElement, text);
        }

        return text.Length <= MaxLabelLength ? text.ToString() : string.Concat(text.ToString(0, MaxLabelLength - 3), "...");
    }

    /// <summary>The types of a config and of the schedules nested in it: <c>warmup(cosine)</c>, <c>sequence(constant, cosine)</c>.</summary>
    private static void Types(JsonElement schedule, StringBuilder text)
    {
        text.Append(schedule.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "?");
        var nested = new List<JsonElement>();
        foreach (JsonProperty property in schedule.EnumerateObject())
        {
            if (IsSchedule(property.Value))
            {
                nested.Add(property.Value);
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                nested.AddRange(property.Value.EnumerateArray().Where(IsSchedule));
            }
        }

        if (nested.Count == 0)
        {
            return;
        }

        text.Append('(');
        for (int i = 0; i < nested.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            Types(nested[i], text);
        }

        text.Append(')');
    }

    private static bool IsSchedule(JsonElement element) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out _);

    private static void Describe(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when !element.TryGetProperty("type", out _):
            {
                // A step count in budget units: {"epochs": 3} reads as epochs:3.
                text.Append(string.Join(", ", element.EnumerateObject().Select(p => $"{p.Name}:{p.Value.GetRawText()}")));
                break;
            }

            case JsonValueKind.Object:
            {
                string type = element.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "?";
                text.Append(type).Append('(');
                bool first = true;
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (property.NameEquals("type"))
                    {
                        continue;
                    }

                    if (!first)
                    {
                        text.Append(", ");
                    }

                    first = false;
                    if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.TryGetProperty("type", out _))
                    {
                        text.Append(property.Name).Append('=');
                    }

                    Describe(property.Value, text);
                }

                text.Append(')');
                break;
            }

            case JsonValueKind.Array:
            {
                text.Append('[');
                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (i++ > 0)
                    {
                        text.Append(", ");
                    }

                    Describe(item, text);
                }

                text.Append(']');
                break;
            }

            case JsonValueKind.String:
                text.Append(element.GetString());
                break;

            default:
                text.Append(element.GetRawText());
                break;
        }
    }
}
