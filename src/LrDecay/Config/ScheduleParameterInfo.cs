namespace LrDecay;

/// <summary>One JSON property of a schedule type, as <see cref="ScheduleTypeInfo.Parameters"/> lists it.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class ScheduleParameterInfo
{
    internal ScheduleParameterInfo(string name, string? defaultValue, string? range)
    {
        Name = name;
        Default = defaultValue;
        Range = range;
    }

    /// <summary>The JSON property name, e.g. <c>decaySteps</c>; the schedule's C# property is its PascalCase twin.</summary>
    public string Name { get; }

    /// <summary>The default as text (<c>"0"</c>, <c>"\"cos\""</c>, <c>"stepSizeUp"</c>), or null when the property is required.</summary>
    public string? Default { get; }

    /// <summary>The values allowed, as text (<c>"integer &gt; 0"</c>), or null when any value of its JSON kind is allowed.</summary>
    public string? Range { get; }

    /// <summary>Whether a config must give the property.</summary>
    public bool IsRequired => Default is null;

    /// <summary>The parameter as one line: <c>name (default) range</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({Default ?? "required"}){(Range is null ? string.Empty : " " + Range)}";
}
