using System.Text.Json;
using LrDecay.Internal;

namespace LrDecay.Config;

/// <summary>
/// Declares the catalog entry of schedule class <typeparamref name="T"/>: each property once, with its name, default, range and
/// getter, then the constructor call that reads them.
/// </summary>
/// <typeparam name="T">The schedule class.</typeparam>
internal sealed class CatalogBuilder<T>
    where T : class, ILearningRateSchedule
{
    private readonly string _name;
    private readonly ScheduleKind _kind;
    private readonly string _formula;
    private readonly List<CatalogParameter<T>> _parameters = [];
    private readonly List<Func<T, IEnumerable<(string Path, ILearningRateSchedule Schedule)>>> _children = [];
    private Func<T, long?>? _holdsFrom;
    private Func<T, long, Rise>? _rises;
    private bool? _dependsOnMetric;

    internal CatalogBuilder(string name, ScheduleKind kind, string formula)
    {
        _name = name;
        _kind = kind;
        _formula = formula;
    }

    /// <summary>A required number.</summary>
    internal CatalogParameter<T, double> Double(string name, Func<T, double> get, string? range = null, Func<T, bool>? writeIf = null) =>
        Add(new CatalogParameter<T, double>(name, null, range, (c, n) => c.Double(n), get, WriteDouble, writeIf));

    /// <summary>A number with a default.</summary>
    internal CatalogParameter<T, double> Double(
        string name, double defaultValue, Func<T, double> get, string? range = null, string? defaultText = null, Func<T, bool>? writeIf = null) =>
        Add(new CatalogParameter<T, double>(
            name, defaultText ?? Guard.Format(defaultValue), range, (c, n) => c.Double(n, defaultValue), get, WriteDouble, writeIf));

    /// <summary>A required step count.</summary>
    internal CatalogParameter<T, long> Steps(string name, Func<T, long> get, string range = "integer > 0") =>
        Add(new CatalogParameter<T, long>(name, null, range, (c, n) => c.Steps(n), get, WriteLong));

    /// <summary>A step count with a default.</summary>
    internal CatalogParameter<T, long> Steps(
        string name, long defaultValue, Func<T, long> get, string range = "integer > 0", Func<T, bool>? writeIf = null) =>
        Add(new CatalogParameter<T, long>(name, Guard.Format(defaultValue), range, (c, n) => c.Steps(n, defaultValue), get, WriteLong, writeIf));

    /// <summary>A count of <paramref name="unit"/> (plural) other than steps, with a default.</summary>
    internal CatalogParameter<T, long> Count(
        string name, long defaultValue, string unit, Func<T, long> get, string range, Func<T, bool>? writeIf = null) =>
        Add(new CatalogParameter<T, long>(name, Guard.Format(defaultValue), range, (c, n) => c.Count(n, defaultValue, unit), get, WriteLong, writeIf));

    /// <summary>A step count whose default depends on other properties (null when absent); written as resolved.</summary>
    internal CatalogParameter<T, long?> OptionalSteps(string name, string defaultText, Func<T, long> get, string range = "integer > 0") =>
        Add(new CatalogParameter<T, long?>(name, defaultText, range, (c, n) => c.OptionalSteps(n), s => get(s), (w, n, v, _) => w.WriteNumber(n, v!.Value)));

    /// <summary>A flag with a default.</summary>
    internal CatalogParameter<T, bool> Bool(string name, bool defaultValue, Func<T, bool> get) =>
        Add(new CatalogParameter<T, bool>(
            name, defaultValue ? "true" : "false", null, (c, n) => c.Bool(n, defaultValue), get, (w, n, v, _) => w.WriteBoolean(n, v)));

    /// <summary>One of an enum's JSON names, with a default.</summary>
    internal CatalogParameter<T, TEnum> Choice<TEnum>(
        string name, EnumNames<TEnum> names, TEnum defaultValue, Func<T, TEnum> get, Func<T, bool>? writeIf = null)
        where TEnum : struct, Enum =>
        Add(new CatalogParameter<T, TEnum>(
            name,
            $"\"{names.NameOf(defaultValue)}\"",
            names.Describe(),
            (c, n) => c.Choice(n, defaultValue, names.Pairs),
            get,
            (w, n, v, _) => w.WriteString(n, names.NameOf(v)),
            writeIf));

    /// <summary>One of an enum's JSON names whose default depends on other properties (null when absent); written as resolved.</summary>
    internal CatalogParameter<T, TEnum?> OptionalChoice<TEnum>(string name, EnumNames<TEnum> names, string defaultText, Func<T, TEnum> get)
        where TEnum : struct, Enum =>
        Add(new CatalogParameter<T, TEnum?>(
            name,
            defaultText,
            names.Describe(),
            (c, n) => c.OptionalChoice(n, names.Pairs),
            s => get(s),
            (w, n, v, _) => w.WriteString(n, names.NameOf(v!.Value))));

    /// <summary>A required array of step counts.</summary>
    internal CatalogParameter<T, long[]> StepsArray(string name, Func<T, IReadOnlyList<long>> get, string range) =>
        Add(new CatalogParameter<T, long[]>(name, null, range, (c, n) => c.StepsArray(n), s => get(s).ToArray(), WriteLongs));

    /// <summary>A required array of numbers.</summary>
    internal CatalogParameter<T, double[]> DoubleArray(string name, Func<T, IReadOnlyList<double>> get, string range) =>
        Add(new CatalogParameter<T, double[]>(name, null, range, (c, n) => c.DoubleArray(n), s => get(s).ToArray(), WriteDoubles));

    /// <summary>A nested schedule; left out when the getter gives null.</summary>
    internal CatalogParameter<T, ILearningRateSchedule> Schedule(
        string name, Func<T, ILearningRateSchedule?> get, string range = "a schedule", string? defaultText = null)
    {
        _children.Add(s => get(s) is ILearningRateSchedule child ? [(name, child)] : []);
        return Add(new CatalogParameter<T, ILearningRateSchedule>(
            name,
            defaultText,
            range,
            (c, n) => c.Schedule(n),
            s => get(s)!,
            (w, n, v, path) =>
            {
                w.WritePropertyName(n);
                ScheduleJsonWriter.Write(w, v, $"{path}.{n}");
            },
            s => get(s) is not null));
    }

    /// <summary>A required array of nested schedules.</summary>
    internal CatalogParameter<T, ILearningRateSchedule[]> ScheduleArray(string name, Func<T, IReadOnlyList<ILearningRateSchedule>> get, string range)
    {
        _children.Add(s => get(s).Select((child, i) => ($"{name}[{i}]", child)));
        return Add(new CatalogParameter<T, ILearningRateSchedule[]>(
            name,
            null,
            range,
            (c, n) => c.ScheduleArray(n),
            s => get(s).ToArray(),
            (w, n, v, path) =>
            {
                w.WriteStartArray(n);
                for (int i = 0; i < v.Length; i++)
                {
                    ScheduleJsonWriter.Write(w, v[i], $"{path}.{n}[{i}]");
                }

                w.WriteEndArray();
            }));
    }

    /// <summary>
    /// States the step from which the schedule holds its final rate (an upper bound of the first such step; the rate at it is the
    /// final rate), or null for a schedule that has none: it decays forever or cycles.
    /// </summary>
    internal void HoldsFrom(Func<T, long?> step) => _holdsFrom = step;

    /// <summary>States what a rise of the rate from step <c>t - 1</c> to step <c>t</c> belongs to.</summary>
    internal void Rises(Func<T, long, Rise> rise) => _rises = rise;

    /// <summary>States what any rise of the rate belongs to, whatever the step.</summary>
    internal void Rises(Rise rise) => _rises = (_, _) => rise;

    /// <summary>States whether the type's rate depends on metrics rather than the step alone (its children aside).</summary>
    internal void DependsOnMetric(bool depends) => _dependsOnMetric = depends;

    /// <summary>
    /// The entry: <paramref name="read"/> calls the public constructor with the parameters read (nested schedules first, so their
    /// errors carry their own paths); the constructor's argument errors become config errors at the named property's path.
    /// </summary>
    internal CatalogEntry<T> Build(Func<ConfigObject, T> read, Func<T, double> max) =>
        new(
            _name,
            _kind,
            _formula,
            _parameters.ToArray(),
            c => ScheduleJsonReader.Construct(c, () => read(c)),
            max,
            new CatalogFacts<T>(_children.ToArray(), _holdsFrom, _rises, _dependsOnMetric));

    private CatalogParameter<T, TValue> Add<TValue>(CatalogParameter<T, TValue> parameter)
    {
        _parameters.Add(parameter);
        return parameter;
    }

    private static void WriteDouble(Utf8JsonWriter w, string name, double value, string path) => w.WriteNumber(name, value);

    private static void WriteLong(Utf8JsonWriter w, string name, long value, string path) => w.WriteNumber(name, value);

    private static void WriteLongs(Utf8JsonWriter w, string name, long[] values, string path)
    {
        w.WriteStartArray(name);
        foreach (long value in values)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteDoubles(Utf8JsonWriter w, string name, double[] values, string path)
    {
        w.WriteStartArray(name);
        foreach (double value in values)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }
}
