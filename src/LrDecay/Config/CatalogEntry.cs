using System.Text.Json;

namespace LrDecay.Config;

/// <summary>
/// One schedule type in the catalog: its public description, how it is read from JSON and written back, and the largest rate it can
/// give (for the overflow checks of the composites that multiply).
/// </summary>
internal abstract class CatalogEntry
{
    protected CatalogEntry(ScheduleTypeInfo info)
    {
        Info = info;
        PropertyNames = ["type", .. info.Parameters.Select(p => p.Name)];
    }

    internal ScheduleTypeInfo Info { get; }

    /// <summary><c>type</c> and every property the type takes.</summary>
    internal IReadOnlyList<string> PropertyNames { get; }

    /// <summary>Builds the schedule from a config object whose <c>type</c> is this entry's.</summary>
    internal abstract ILearningRateSchedule Read(ConfigObject config);

    /// <summary>Writes the schedule's properties (after <c>type</c>).</summary>
    internal abstract void WriteProperties(Utf8JsonWriter writer, ILearningRateSchedule schedule, string path);

    /// <summary>The largest rate the schedule can give, from its settings (NaN when unknown).</summary>
    internal abstract double Max(ILearningRateSchedule schedule);
}

/// <summary>The catalog entry of schedule class <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The schedule class.</typeparam>
internal sealed class CatalogEntry<T> : CatalogEntry
    where T : class, ILearningRateSchedule
{
    private readonly IReadOnlyList<CatalogParameter<T>> _parameters;
    private readonly Func<ConfigObject, T> _read;
    private readonly Func<T, double> _max;

    internal CatalogEntry(
        string name,
        ScheduleKind kind,
        string formula,
        IReadOnlyList<CatalogParameter<T>> parameters,
        Func<ConfigObject, T> read,
        Func<T, double> max)
        : base(new ScheduleTypeInfo(name, kind, typeof(T), formula, parameters.Select(p => p.Info).ToArray()))
    {
        _parameters = parameters;
        _read = read;
        _max = max;
    }

    internal override ILearningRateSchedule Read(ConfigObject config) => _read(config);

    internal override void WriteProperties(Utf8JsonWriter writer, ILearningRateSchedule schedule, string path)
    {
        var typed = (T)schedule;
        foreach (CatalogParameter<T> parameter in _parameters)
        {
            parameter.Write(writer, typed, path);
        }
    }

    internal override double Max(ILearningRateSchedule schedule) => _max((T)schedule);
}
