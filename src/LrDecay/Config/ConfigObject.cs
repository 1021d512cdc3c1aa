using System.Globalization;
using System.Text.Json;
using LrDecay.Internal;

namespace LrDecay.Config;

/// <summary>
/// One JSON object of a config, read property by property as a catalog entry's parameters ask: numbers, step counts (written in
/// steps, or in a budget unit that <see cref="BudgetUnits"/> resolves, keeping a note of how for the constructor's errors), counts,
/// flags, choices, arrays and nested schedules. A property the type does not take is rejected by <see cref="EnsureKnown"/>.
/// </summary>
internal sealed class ConfigObject
{
    private readonly JsonElement _element;
    private readonly TrainingBudget? _budget;
    private Dictionary<string, string>? _resolved;

    internal ConfigObject(JsonElement element, string path, TrainingBudget? budget)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ScheduleConfigException(path, $"a schedule must be a JSON object, got {Describe(element)}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw new ScheduleConfigException(PathOf(path, property.Name), $"property '{property.Name}' appears more than once.");
            }
        }

        _element = element;
        Path = path;
        _budget = budget;
    }

    internal string Path { get; }

    internal static string PathOf(string parent, string name) => $"{parent}.{name}";

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.String => $"the string {Truncate(element.GetRawText())}",
        JsonValueKind.Number => $"the number {Truncate(element.GetRawText())}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => element.ValueKind.ToString(),
    };

    /// <summary>
    /// The end of an unknown-name error: <c>; did you mean 'x'?</c> when <paramref name="given"/> is close to a known name (or differs
    /// from one only in case), else the known names, <c> (known: a, b, c).</c>
    /// </summary>
    internal static string SuggestOrList(string given, IReadOnlyList<string> known) =>
        NameSuggestion.Closest(given, known) is string suggestion
            ? $"; did you mean '{suggestion}'?"
            : $" (known: {string.Join(", ", known)}).";

    internal static string Truncate(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";

    internal bool Has(string name) => _element.TryGetProperty(name, out _);

    /// <summary>
    /// How the step count of property <paramref name="name"/> (or of an array's items) came from budget units, for an error the
    /// constructor finds in it; null when it was written in steps.
    /// </summary>
    internal string? ResolvedFrom(string name) =>
        _resolved is not null && _resolved.TryGetValue(name, out string? note) ? note : null;

    internal string Type()
    {
        JsonElement value = Required("type");
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ScheduleConfigException(PathOf(Path, "type"), $"type must be a string, got {Describe(value)}.");
        }

        return value.GetString()!;
    }

    internal double Double(string name) => ReadDouble(name, Required(name));

    internal double Double(string name, double defaultValue) =>
        TryGet(name, out JsonElement value) ? ReadDouble(name, value) : defaultValue;

    internal long Steps(string name) => ReadSteps(PathOf(Path, name), name, Required(name));

    internal long Steps(string name, long defaultValue) =>
        TryGet(name, out JsonElement value) ? ReadSteps(PathOf(Path, name), name, value) : defaultValue;

    internal long? OptionalSteps(string name) =>
        TryGet(name, out JsonElement value) ? ReadSteps(PathOf(Path, name), name, value) : null;

    /// <summary>A count of something other than steps (<paramref name="unit"/>, plural), read as a step count is.</summary>
    internal long Count(string name, long defaultValue, string unit) =>
        TryGet(name, out JsonElement value) ? ReadSteps(PathOf(Path, name), name, value, unit) : defaultValue;

    internal bool Bool(string name, bool defaultValue)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return defaultValue;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ScheduleConfigException(PathOf(Path, name), $"{name} must be true or false, got {Describe(value)}."),
        };
    }

    internal T Choice<T>(string name, T defaultValue, params (string Name, T Value)[] choices) =>
        TryGet(name, out JsonElement value) ? ReadChoice(name, value, choices) : defaultValue;

    internal T? OptionalChoice<T>(string name, params (string Name, T Value)[] choices)
        where T : struct =>
        TryGet(name, out JsonElement value) ? ReadChoice(name, value, choices) : null;

    internal long[] StepsArray(string name)
    {
        JsonElement array = RequiredArray(name);
        var result = new long[array.GetArrayLength()];
        int i = 0;
        bool anyUnit = false;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string itemPath = $"{PathOf(Path, name)}[{i}]";
            result[i] = ReadSteps(itemPath, $"{name}[{i}]", item);
            anyUnit |= item.ValueKind == JsonValueKind.Object;
            i++;
        }

        if (anyUnit)
        {
            Note(name, $"{name} resolved to [{string.Join(", ", result.Select(r => r.ToString(CultureInfo.InvariantCulture)))}]");
        }

        return result;
    }

    internal double[] DoubleArray(string name)
    {
        JsonElement array = RequiredArray(name);
        var result = new double[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            result[i] = ReadDouble($"{name}[{i}]", item);
            i++;
        }

        return result;
    }

    internal ILearningRateSchedule Schedule(string name) =>
        ScheduleJsonReader.Read(Required(name), PathOf(Path, name), _budget);

    internal ILearningRateSchedule[] ScheduleArray(string name)
    {
        JsonElement array = RequiredArray(name);
        var result = new ILearningRateSchedule[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            result[i] = ScheduleJsonReader.Read(item, $"{PathOf(Path, name)}[{i}]", _budget);
            i++;
        }

        return result;
    }

    /// <summary>Rejects any property the type does not take.</summary>
    internal void EnsureKnown(string type, IReadOnlyList<string> known)
    {
        foreach (JsonProperty property in _element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new ScheduleConfigException(
                    PathOf(Path, property.Name),
                    $"unknown property '{property.Name}' for type '{type}'{SuggestOrList(property.Name, known)}");
            }
        }
    }

    private JsonElement RequiredArray(string name)
    {
        JsonElement value = Required(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ScheduleConfigException(PathOf(Path, name), $"{name} must be an array, got {Describe(value)}.");
        }

        return value;
    }

    private JsonElement Required(string name)
    {
        if (!TryGet(name, out JsonElement value))
        {
            throw new ScheduleConfigException(Path, $"missing required property '{name}'.");
        }

        return value;
    }

    private bool TryGet(string name, out JsonElement value) => _element.TryGetProperty(name, out value);

    private double ReadDouble(string name, JsonElement value)
    {
        string path = PathOf(Path, name);
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new ScheduleConfigException(path, $"{name} must be a number, got {Describe(value)}.");
        }

        if (!value.TryGetDouble(out double result) || double.IsInfinity(result) || double.IsNaN(result))
        {
            throw new ScheduleConfigException(path, $"{name} ('{value.GetRawText()}') is out of the range of a double.");
        }

        return result;
    }

    private long ReadSteps(string path, string name, JsonElement value, string unit = "steps")
    {
        if (value.ValueKind == JsonValueKind.Object && unit == "steps")
        {
            long resolved = BudgetUnits.Resolve(path, name, value, _budget, out string note);
            Note(name, note);
            return resolved;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new ScheduleConfigException(path, $"{name} must be an integer number of {unit}, got {Describe(value)}.");
        }

        if (value.TryGetInt64(out long steps))
        {
            return steps;
        }

        if (value.TryGetDouble(out double number) && number == Math.Floor(number)
            && number >= long.MinValue && number < 9.2233720368547758E18)
        {
            return (long)number;
        }

        string raw = value.GetRawText();
        // An infinite value equals its floor, so it is reported as out of range, not as fractional.
        bool fractional = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && parsed != Math.Floor(parsed);
        throw new ScheduleConfigException(
            path,
            fractional
                ? $"{name} ('{Truncate(raw)}') must be an integer number of {unit}."
                : $"{name} ('{Truncate(raw)}') is out of the range of {(unit == "steps" ? "a step count" : $"a count of {unit}")} (a 64-bit integer).");
    }

    private void Note(string name, string note) => (_resolved ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = note;

    private T ReadChoice<T>(string name, JsonElement value, (string Name, T Value)[] choices)
    {
        string path = PathOf(Path, name);
        string expected = string.Join(", ", choices.Select(c => $"\"{c.Name}\""));
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ScheduleConfigException(path, $"{name} must be one of {expected}, got {Describe(value)}.");
        }

        string text = value.GetString()!;
        foreach ((string choiceName, T choiceValue) in choices)
        {
            if (string.Equals(choiceName, text, StringComparison.Ordinal))
            {
                return choiceValue;
            }
        }

        string? suggestion = NameSuggestion.Closest(text, choices.Select(c => c.Name));
        throw new ScheduleConfigException(
            path,
            suggestion is null ? $"{name} ('{Truncate(text)}') must be one of {expected}." : $"{name} ('{Truncate(text)}') must be one of {expected}; did you mean \"{suggestion}\"?");
    }
}
