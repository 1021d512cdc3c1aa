using System.Text.Json;

namespace LrDecay.Config;

/// <summary>A JSON property of schedule type <typeparamref name="T"/>: its name, default and range, and how it is written.</summary>
/// <typeparam name="T">The schedule class.</typeparam>
internal abstract class CatalogParameter<T>
{
    protected CatalogParameter(string name, string? defaultText, string? range)
    {
        Info = new ScheduleParameterInfo(name, defaultText, range);
    }

    internal ScheduleParameterInfo Info { get; }

    internal string Name => Info.Name;

    /// <summary>Writes the property of <paramref name="schedule"/>, or nothing when it is left out (a default of infinity, an absent base).</summary>
    internal abstract void Write(Utf8JsonWriter writer, T schedule, string path);
}

/// <summary>A JSON property of <typeparamref name="T"/> whose value reads as <typeparamref name="TValue"/>.</summary>
/// <typeparam name="T">The schedule class.</typeparam>
/// <typeparam name="TValue">The value the constructor takes.</typeparam>
internal sealed class CatalogParameter<T, TValue> : CatalogParameter<T>
{
    private readonly Func<ConfigObject, string, TValue> _read;
    private readonly Func<T, TValue> _get;
    private readonly Action<Utf8JsonWriter, string, TValue, string> _write;
    private readonly Func<T, bool>? _writeIf;

    internal CatalogParameter(
        string name,
        string? defaultText,
        string? range,
        Func<ConfigObject, string, TValue> read,
        Func<T, TValue> get,
        Action<Utf8JsonWriter, string, TValue, string> write,
        Func<T, bool>? writeIf = null)
        : base(name, defaultText, range)
    {
        _read = read;
        _get = get;
        _write = write;
        _writeIf = writeIf;
    }

    /// <summary>The property's value in <paramref name="config"/>, or its default.</summary>
    internal TValue Read(ConfigObject config) => _read(config, Name);

    /// <summary>Whether <paramref name="config"/> gives the property.</summary>
    internal bool IsIn(ConfigObject config) => config.Has(Name);

    internal override void Write(Utf8JsonWriter writer, T schedule, string path)
    {
        if (_writeIf is null || _writeIf(schedule))
        {
            _write(writer, Name, _get(schedule), path);
        }
    }
}
