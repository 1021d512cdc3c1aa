namespace LrDecay;

/// <summary>
/// One schedule type of the config contract: its JSON <c>type</c>, kind, formula and properties, as <see cref="ScheduleJson.Types"/>
/// lists them (the same table the JSON reader and writer use).
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class ScheduleTypeInfo
{
    internal ScheduleTypeInfo(string name, ScheduleKind kind, Type scheduleType, string formula, IReadOnlyList<ScheduleParameterInfo> parameters)
    {
        Name = name;
        Kind = kind;
        ScheduleType = scheduleType;
        Formula = formula;
        Parameters = parameters;
    }

    /// <summary>The JSON <c>type</c>, e.g. <c>cosineRestarts</c>.</summary>
    public string Name { get; }

    /// <summary>Closed form, composite or metric-driven.</summary>
    public ScheduleKind Kind { get; }

    /// <summary>The sealed class that implements the type.</summary>
    public Type ScheduleType { get; }

    /// <summary>The learning rate as a formula, and the upstream schedule it matches.</summary>
    public string Formula { get; }

    /// <summary>The JSON properties besides <c>type</c>, in the order the writer writes them.</summary>
    public IReadOnlyList<ScheduleParameterInfo> Parameters { get; }

    /// <summary>The type's JSON name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name;
}
