using System.Globalization;

namespace LrDecay.Import;

/// <summary>
/// A mapping read from a JSON, pickle or YAML file, as plain values: <see cref="Dictionary{TKey, TValue}"/> of string keys,
/// <see cref="List{T}"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="bool"/>, null, and
/// <see cref="Opaque"/> for anything else. Its accessors throw <see cref="ScheduleImportException"/> naming <see cref="What"/> and the key.
/// </summary>
internal sealed class ImportObject
{
    internal ImportObject(string what, Dictionary<string, object?> map)
    {
        What = what;
        Map = map;
    }

    /// <summary>What the mapping is, for messages ("PyTorch StepLR").</summary>
    internal string What { get; }

    internal Dictionary<string, object?> Map { get; }

    internal IEnumerable<string> Keys => Map.Keys;

    internal bool Has(string key) => Map.ContainsKey(key);

    internal bool HasValue(string key) => Map.TryGetValue(key, out object? v) && v is not null;

    internal object? Raw(string key) => Map.TryGetValue(key, out object? v) ? v : null;

    internal ImportObject Named(string what) => new(what, Map);

    internal double Number(string key) =>
        Map.TryGetValue(key, out object? v) ? AsNumber(v, key) : throw Missing(key);

    internal double Number(string key, double defaultValue) =>
        Map.TryGetValue(key, out object? v) && v is not null ? AsNumber(v, key) : defaultValue;

    internal double? OptionalNumber(string key) =>
        Map.TryGetValue(key, out object? v) && v is not null ? AsNumber(v, key) : null;

    internal long Integer(string key) =>
        Map.TryGetValue(key, out object? v) ? AsInteger(v, key) : throw Missing(key);

    internal long Integer(string key, long defaultValue) =>
        Map.TryGetValue(key, out object? v) && v is not null ? AsInteger(v, key) : defaultValue;

    internal long? OptionalInteger(string key) =>
        Map.TryGetValue(key, out object? v) && v is not null ? AsInteger(v, key) : null;

    internal string Text(string key) =>
        Map.TryGetValue(key, out object? v) ? (v as string ?? throw Bad(key, v, "must be a string")) : throw Missing(key);

    internal string? OptionalText(string key) =>
        Map.TryGetValue(key, out object? v) && v is not null ? (v as string ?? throw Bad(key, v, "must be a string")) : null;

    internal bool Flag(string key, bool defaultValue) =>
        Map.TryGetValue(key, out object? v) && v is not null ? (v is bool b ? b : throw Bad(key, v, "must be true or false")) : defaultValue;

    internal ImportObject Object(string key) =>
        Map.TryGetValue(key, out object? v) ? AsObject(v, key) : throw Missing(key);

    internal List<object?> List(string key) =>
        Map.TryGetValue(key, out object? v) ? (v as List<object?> ?? throw Bad(key, v, "must be a list")) : throw Missing(key);

    internal ImportObject AsObject(object? v, string key) =>
        v is Dictionary<string, object?> map ? new ImportObject($"{What} {key}", map) : throw Bad(key, v, "must be a mapping");

    internal double AsNumber(object? v, string key) => v switch
    {
        long l => l,
        double d => d,
        bool => throw Bad(key, v, "must be a number"),
        _ => throw Bad(key, v, "must be a number"),
    };

    internal long AsInteger(object? v, string key) => v switch
    {
        long l => l,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9.2e18 => (long)d,
        _ => throw Bad(key, v, "must be an integer"),
    };

    internal ScheduleImportException Missing(string key) => new($"{What}: '{key}' is missing.");

    internal ScheduleImportException Bad(string key, object? value, string why) => new($"{What}: '{key}' ({Show(value)}) {why}.");

    internal ScheduleImportException Refuse(string why) => new($"{What}: {why}");

    /// <summary>A value as a message shows it.</summary>
    internal static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{(s.Length > 60 ? s.Substring(0, 60) + "..." : s)}\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        List<object?> list => $"a list of {list.Count}",
        Dictionary<string, object?> => "a mapping",
        Opaque o => o.ToString(),
        _ => value.GetType().Name,
    };
}

/// <summary>A value of a class the reader does not decode (a tensor, a Python object), kept by its class name.</summary>
internal sealed class Opaque
{
    internal Opaque(string className, object? payload = null)
    {
        ClassName = className;
        Payload = payload;
    }

    internal string ClassName { get; }

    internal object? Payload { get; }

    public override string ToString() => $"a {ClassName}";
}
