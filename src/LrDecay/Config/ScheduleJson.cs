using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LrDecay.Config;

namespace LrDecay;

/// <summary>
/// Schedules as data: build a schedule from config JSON and write it back. <c>Parse(Serialize(s))</c> gives bit-identical learning rates.
/// </summary>
/// <remarks>
/// Every type, property, default and range is the one of the schedule-config contract; unknown types and properties, missing
/// required properties and values out of range are a <see cref="ScheduleConfigException"/> whose message starts with the JSON path.
/// JSON nesting deeper than <see cref="MaxDepth"/> is rejected the same way. No reflection is used: configs are read through
/// <see cref="JsonDocument"/> and each schedule's public constructor, and written with <see cref="Utf8JsonWriter"/>.
/// </remarks>
/// <threadsafety>All members are safe to call from any thread.</threadsafety>
public static class ScheduleJson
{
    /// <summary>The deepest JSON nesting a config may have (each composite adds one or two levels).</summary>
    public const int MaxDepth = 128;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>The reader options <see cref="DocumentOptions"/> amount to, for reading a refused config again to say what is wrong.</summary>
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>
    /// Every schedule type a config can name, with its kind, formula and properties (name, default, range), in the order of the
    /// contract: closed forms, composites, metric-driven. The reader and the writer use the same table.
    /// </summary>
    public static IReadOnlyList<ScheduleTypeInfo> Types => Catalog.Types;

    /// <summary>The schedule type whose JSON <c>type</c> is <paramref name="name"/> (case-sensitive), or null.</summary>
    /// <param name="name">The JSON type, e.g. <c>cosine</c>.</param>
    /// <returns>The type, or null when no type has that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static ScheduleTypeInfo? FindType(string name) =>
        Catalog.Find(name ?? throw new ArgumentNullException(nameof(name)))?.Info;

    /// <summary>The schedule type of <paramref name="schedule"/>, or null for a schedule class from outside this library.</summary>
    /// <param name="schedule">Any schedule.</param>
    /// <returns>The type, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static ScheduleTypeInfo? TypeOf(ILearningRateSchedule schedule) =>
        Catalog.Of(schedule ?? throw new ArgumentNullException(nameof(schedule)))?.Info;

    /// <summary>Builds a schedule from config JSON, e.g. <c>{"type":"cosine","initialLr":0.1,"decaySteps":1000}</c>.</summary>
    /// <param name="json">The config.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ScheduleConfigException">The JSON is malformed or the config is invalid; the message names the path and value.</exception>
    public static ILearningRateSchedule Parse(string json) => Parse(json, null);

    /// <summary>
    /// Builds a schedule from config JSON whose step counts may be written in budget units, e.g.
    /// <c>{"type":"cosine","initialLr":0.1,"decaySteps":{"epochs":3}}</c>, resolved against <paramref name="budget"/>.
    /// </summary>
    /// <remarks>
    /// Any step-count property, and any item of an array of step counts, may be an object of exactly one unit: <c>{"epochs": x}</c>,
    /// <c>{"samples": x}</c>, <c>{"tokens": x}</c> or <c>{"fraction": x}</c> (of the run's total steps), x a finite number
    /// <c>&gt;= 0</c>. It becomes the steps <see cref="TrainingBudget"/> gives for it (rounded to the nearest integer, ties up), which
    /// must then meet the property's range. A unit whose budget field is missing is a <see cref="ScheduleConfigException"/> at the
    /// property's path, e.g. <c>$.schedule.decaySteps: 'epochs' needs stepsPerEpoch, ...</c>.
    /// </remarks>
    /// <param name="json">The config.</param>
    /// <param name="budget">The run the units are resolved against, or null for none (then a unit is an error).</param>
    /// <returns>The schedule; <see cref="Serialize(ILearningRateSchedule)"/> writes its resolved steps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ScheduleConfigException">The JSON is malformed or the config is invalid; the message names the path and value.</exception>
    public static ILearningRateSchedule Parse(string json, TrainingBudget? budget)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        return Parse(Encoding.UTF8.GetBytes(json), budget);
    }

    /// <summary>Builds a schedule from UTF-8 config JSON.</summary>
    /// <param name="utf8Json">The config as UTF-8 bytes.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleConfigException">The JSON is malformed or the config is invalid; the message names the path and value.</exception>
    public static ILearningRateSchedule Parse(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, null);

    /// <summary>Builds a schedule from UTF-8 config JSON whose step counts may be written in budget units (see <see cref="Parse(string, TrainingBudget?)"/>).</summary>
    /// <param name="utf8Json">The config as UTF-8 bytes.</param>
    /// <param name="budget">The run the units are resolved against, or null for none (then a unit is an error).</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleConfigException">The JSON is malformed or the config is invalid; the message names the path and value.</exception>
    public static ILearningRateSchedule Parse(ReadOnlySpan<byte> utf8Json, TrainingBudget? budget)
    {
        using JsonDocument document = OpenDocument(utf8Json.ToArray());
        return ScheduleJsonReader.Read(document.RootElement, "$", budget);
    }

    /// <summary>Builds a schedule from a stream of UTF-8 config JSON.</summary>
    /// <param name="utf8Json">The stream; read to its end, not closed.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ScheduleConfigException">The JSON is malformed or the config is invalid; the message names the path and value.</exception>
    public static ILearningRateSchedule Parse(Stream utf8Json) => Parse(utf8Json, null);

    /// <summary>Builds a schedule from a stream of UTF-8 config JSON whose step counts may be written in budget units (see <see cref="Parse(string, TrainingBudget?)"/>).</summary>
    /// <param name="utf8Json">The stream; read to its end, not closed.</param>
    /// <param name="budget">The run the units are resolved against, or null for none (then a unit is an error).</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ScheduleConfigException">The JSON is malformed or the config is invalid; the message names the path and value.</exception>
    public static ILearningRateSchedule Parse(Stream utf8Json, TrainingBudget? budget)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Parse(buffer.ToArray(), budget);
    }

    /// <summary>Writes a schedule as compact config JSON, <c>type</c> first and every default made explicit.</summary>
    /// <param name="schedule">A schedule of this library (any nesting of them).</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">The schedule, or one nested in it, is not one of this library's types.</exception>
    public static string Serialize(ILearningRateSchedule schedule) => Serialize(schedule, indented: false);

    /// <summary>Writes a schedule as config JSON, <c>type</c> first and every default made explicit.</summary>
    /// <param name="schedule">A schedule of this library (any nesting of them).</param>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">The schedule, or one nested in it, is not one of this library's types.</exception>
    public static string Serialize(ILearningRateSchedule schedule, bool indented)
    {
        if (schedule is null)
        {
            throw new ArgumentNullException(nameof(schedule));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            ScheduleJsonWriter.Write(writer, schedule, "$");
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The compact JSON of a schedule for its <c>ToString()</c>: as <see cref="Serialize(ILearningRateSchedule)"/>, but a nest deeper
    /// than <see cref="MaxDepth"/> is described instead of thrown.
    /// </summary>
    internal static string ToText(ILearningRateSchedule schedule)
    {
        try
        {
            return Serialize(schedule, indented: false);
        }
        catch (ArgumentException ex)
        {
            return $"{schedule.GetType().Name} ({ScheduleJsonReader.ProblemOf(ex)})";
        }
    }

    /// <summary>Writes a plateau state as JSON, for a checkpoint.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The JSON, e.g. <c>{"best":0.5,"badEpochs":1,"cooldownCounter":0,"reductions":2,"scale":0.01,"epochs":7}</c>.</returns>
    public static string SerializeState(PlateauState state) =>
        JsonSerializer.Serialize(state, PlateauStateJsonContext.Default.PlateauState);

    /// <summary>Reads a plateau state written by <see cref="SerializeState"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ScheduleConfigException">The JSON is malformed or a part is missing or out of range.</exception>
    public static PlateauState ParseState(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        try
        {
            return JsonSerializer.Deserialize(json, PlateauStateJsonContext.Default.PlateauState);
        }
        catch (ArgumentException ex)
        {
            throw new ScheduleConfigException("$." + ex.ParamName, ScheduleJsonReader.ProblemOf(ex), ex);
        }
        catch (JsonException ex) when (ex is not ScheduleConfigException)
        {
            throw new ScheduleConfigException(ex.Path ?? "$", ex.Message, ex);
        }
    }

    private static JsonDocument OpenDocument(byte[] utf8Json)
    {
        try
        {
            // JsonDocument checks UTF-8 only when a string is read, and then throws InvalidOperationException: check it up front.
            _ = StrictUtf8.GetCharCount(utf8Json);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ScheduleConfigException("$", $"malformed JSON: invalid UTF-8 at byte {ex.Index + 1}.", ex);
        }

        try
        {
            return JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // The reader's own wording speaks of its options and buffers: say what is wrong, and where, in the config's terms.
            throw JsonSyntax.Error(utf8Json, ReaderOptions, ex);
        }
    }
}

/// <summary>Source-generated JSON metadata for <see cref="PlateauState"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(PlateauState))]
internal sealed partial class PlateauStateJsonContext : JsonSerializerContext
{
}
