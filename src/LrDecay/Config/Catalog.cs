namespace LrDecay.Config;

/// <summary>
/// Every schedule type of the config contract, one entry each: the JSON reader, the writer, the composites' overflow bounds,
/// <see cref="ScheduleJson.Types"/> and <c>lrdecay list</c> all derive from it. A new type adds its entry here (closed forms in
/// <c>Catalog.ClosedForms.cs</c>, composites and the plateau in <c>Catalog.Composites.cs</c>) and to <see cref="Entries"/>.
/// </summary>
internal static partial class Catalog
{
    /// <summary>Every entry, in the order of the contract: closed forms, composites, metric-driven.</summary>
    internal static IReadOnlyList<CatalogEntry> Entries { get; } = Build();

    /// <summary>The public descriptions, in the same order.</summary>
    internal static IReadOnlyList<ScheduleTypeInfo> Types { get; } = Entries.Select(e => e.Info).ToArray();

    private static readonly Dictionary<string, CatalogEntry> ByName = Entries.ToDictionary(e => e.Info.Name, StringComparer.Ordinal);

    private static readonly Dictionary<Type, CatalogEntry> ByClass = Entries.ToDictionary(e => e.Info.ScheduleType);

    /// <summary>
    /// Builds every entry afresh. <see cref="Entries"/> holds the one built when the catalog is first used; the catalog's own tests
    /// build it again while they run, so that what each declaration says is checked as it executes.
    /// </summary>
    internal static IReadOnlyList<CatalogEntry> Build() =>
    [
        .. ClosedForms(),
        .. Composites(),
        Plateau(),
    ];

    /// <summary>The entry of JSON type <paramref name="name"/>, or null.</summary>
    internal static CatalogEntry? Find(string name) => ByName.TryGetValue(name, out CatalogEntry? entry) ? entry : null;

    /// <summary>The entry of <paramref name="schedule"/>'s class, or null for a schedule from outside the library.</summary>
    internal static CatalogEntry? Of(ILearningRateSchedule schedule) =>
        ByClass.TryGetValue(schedule.GetType(), out CatalogEntry? entry) ? entry : null;
}
