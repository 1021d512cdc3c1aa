namespace LrDecay.Config;

/// <summary>
/// Every schedule type of the config contract, one entry each: the JSON reader, the writer, the composites' overflow bounds,
/// <see cref="ScheduleJson.Types"/> and <c>lrdecay list</c> all derive from it. A new type adds its entry here (closed forms in
/// <c>Catalog.ClosedForms.cs</c>, composites and the plateau in <c>Catalog.Composites.cs</c>) and to the list that <see cref="Build"/>
/// gathers.
/// </summary>
internal static partial class Catalog
{
    private static Tables? s_tables;

    /// <summary>The public descriptions, in the same order.</summary>
    internal static IReadOnlyList<ScheduleTypeInfo> Types => Current.Types;

    /// <summary>
    /// The entries and their lookups, built on first use by an ordinary call rather than by a static initializer, so that what
    /// builds them runs as any other code does (and a mutation-testing run can switch its mutants on).
    /// </summary>
    private static Tables Current => Volatile.Read(ref s_tables) ?? Publish(new Tables(Build()));

    /// <summary>Stores <paramref name="built"/> unless another thread stored its own first; returns the one stored.</summary>
    private static Tables Publish(Tables built) => Interlocked.CompareExchange(ref s_tables, built, null) ?? built;

    /// <summary>
    /// Builds every entry afresh, in the order of the contract: closed forms, composites, metric-driven. The lookups hold the entries
    /// built when the catalog is first used; the catalog's own tests build them again while they run, so that what each declaration
    /// says is checked as it executes.
    /// </summary>
    internal static IReadOnlyList<CatalogEntry> Build() =>
    [
        .. ClosedForms(),
        .. Composites(),
        Plateau(),
    ];

    /// <summary>The entry of JSON type <paramref name="name"/>, or null.</summary>
    internal static CatalogEntry? Find(string name) => Current.ByName.TryGetValue(name, out CatalogEntry? entry) ? entry : null;

    /// <summary>The entry of <paramref name="schedule"/>'s class, or null for a schedule from outside the library.</summary>
    internal static CatalogEntry? Of(ILearningRateSchedule schedule) =>
        Current.ByClass.TryGetValue(schedule.GetType(), out CatalogEntry? entry) ? entry : null;

    /// <summary>The built catalog: its entries' public descriptions, and the two lookups.</summary>
    internal sealed class Tables
    {
        internal Tables(IReadOnlyList<CatalogEntry> entries)
        {
            Types = entries.Select(e => e.Info).ToArray();
            ByName = entries.ToDictionary(e => e.Info.Name, StringComparer.Ordinal);
            ByClass = entries.ToDictionary(e => e.Info.ScheduleType);
        }

        internal IReadOnlyList<ScheduleTypeInfo> Types { get; }

        internal Dictionary<string, CatalogEntry> ByName { get; }

        internal Dictionary<Type, CatalogEntry> ByClass { get; }
    }
}
