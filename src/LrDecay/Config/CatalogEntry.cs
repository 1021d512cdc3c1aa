using System.Text.Json;

namespace LrDecay.Config;

/// <summary>
/// One schedule type in the catalog: its public description, how it is read from JSON and written back, the largest rate it can
/// give (for the overflow checks of the composites that multiply), and the facts of its structure that the analysis reads
/// (<see cref="Analysis.ScheduleStructure"/>): its children with their JSON paths, the step from which it holds its final rate, what
/// a rise of its rate belongs to, and whether it depends on a metric.
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

    /// <summary>
    /// Whether the type's reductions depend on metrics rather than the step alone (the schedule itself, not its children); null when
    /// the entry does not say.
    /// </summary>
    internal abstract bool? DependsOnMetric { get; }

    /// <summary>The structure facts the entry does not state (<c>holdsFrom</c>, <c>rises</c>, <c>dependsOnMetric</c>); empty when complete.</summary>
    internal abstract IReadOnlyList<string> MissingFacts { get; }

    /// <summary>
    /// The schedules inside <paramref name="schedule"/>, each with its JSON path relative to the schedule (<c>schedule</c>,
    /// <c>schedules[1]</c>), in the order of its properties.
    /// </summary>
    internal abstract IReadOnlyList<(string Path, ILearningRateSchedule Schedule)> Children(ILearningRateSchedule schedule);

    /// <summary>
    /// A step from which the schedule holds its final rate (an upper bound of the first such step), or null when it has none that its
    /// settings state (it decays forever, it cycles) or the entry does not say.
    /// </summary>
    internal abstract long? HoldsFrom(ILearningRateSchedule schedule);

    /// <summary>What a rise of the rate from step <c>step - 1</c> to <paramref name="step"/> belongs to; <see cref="Rise.Cycle"/> when the entry does not say.</summary>
    internal abstract Rise RiseAt(ILearningRateSchedule schedule, long step);
}

/// <summary>The catalog entry of schedule class <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The schedule class.</typeparam>
internal sealed class CatalogEntry<T> : CatalogEntry
    where T : class, ILearningRateSchedule
{
    private readonly IReadOnlyList<CatalogParameter<T>> _parameters;
    private readonly Func<ConfigObject, T> _read;
    private readonly Func<T, double> _max;
    private readonly CatalogFacts<T> _facts;

    internal CatalogEntry(
        string name,
        ScheduleKind kind,
        string formula,
        IReadOnlyList<CatalogParameter<T>> parameters,
        Func<ConfigObject, T> read,
        Func<T, double> max,
        CatalogFacts<T> facts)
        : base(new ScheduleTypeInfo(name, kind, typeof(T), formula, parameters.Select(p => p.Info).ToArray()))
    {
        _parameters = parameters;
        _read = read;
        _max = max;
        _facts = facts;
        var missing = new List<string>();
        if (facts.HoldsFrom is null)
        {
            missing.Add("holdsFrom");
        }

        if (facts.Rises is null)
        {
            missing.Add("rises");
        }

        if (facts.DependsOnMetric is null)
        {
            missing.Add("dependsOnMetric");
        }

        MissingFacts = missing;
    }

    internal override bool? DependsOnMetric => _facts.DependsOnMetric;

    internal override IReadOnlyList<string> MissingFacts { get; }

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

    internal override IReadOnlyList<(string Path, ILearningRateSchedule Schedule)> Children(ILearningRateSchedule schedule)
    {
        var typed = (T)schedule;
        var children = new List<(string Path, ILearningRateSchedule Schedule)>();
        foreach (Func<T, IEnumerable<(string Path, ILearningRateSchedule Schedule)>> child in _facts.Children)
        {
            children.AddRange(child(typed));
        }

        return children;
    }

    internal override long? HoldsFrom(ILearningRateSchedule schedule) => _facts.HoldsFrom?.Invoke((T)schedule);

    internal override Rise RiseAt(ILearningRateSchedule schedule, long step) => _facts.Rises?.Invoke((T)schedule, step) ?? Rise.Cycle;
}

/// <summary>The structure facts a <see cref="CatalogBuilder{T}"/> gathers for an entry; see <see cref="CatalogEntry"/>.</summary>
/// <typeparam name="T">The schedule class.</typeparam>
internal sealed class CatalogFacts<T>
    where T : class, ILearningRateSchedule
{
    internal CatalogFacts(
        IReadOnlyList<Func<T, IEnumerable<(string Path, ILearningRateSchedule Schedule)>>> children,
        Func<T, long?>? holdsFrom,
        Func<T, long, Rise>? rises,
        bool? dependsOnMetric)
    {
        Children = children;
        HoldsFrom = holdsFrom;
        Rises = rises;
        DependsOnMetric = dependsOnMetric;
    }

    /// <summary>The nested-schedule properties, each giving its schedules with their relative JSON paths.</summary>
    internal IReadOnlyList<Func<T, IEnumerable<(string Path, ILearningRateSchedule Schedule)>>> Children { get; }

    /// <summary>The step from which the schedule holds its final rate, or null when not declared.</summary>
    internal Func<T, long?>? HoldsFrom { get; }

    /// <summary>What a rise into a step belongs to, or null when not declared.</summary>
    internal Func<T, long, Rise>? Rises { get; }

    /// <summary>Whether the type depends on a metric, or null when not declared.</summary>
    internal bool? DependsOnMetric { get; }
}
