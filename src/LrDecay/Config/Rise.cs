namespace LrDecay.Config;

/// <summary>
/// Where a rise of a schedule's rate from step <c>t - 1</c> to step <c>t</c> comes from, as the schedule's catalog entry states it:
/// a warm-up or ramp the config writes, a cycle or restart of a type that rises by design, the hand-over to one of its children, or
/// the rise of one of its children.
/// </summary>
internal readonly struct Rise
{
    private Rise(RiseSource source, int child, long step)
    {
        Source = source;
        Child = child;
        Step = step;
    }

    /// <summary>The type never rises; a rise that rounding makes is not judged.</summary>
    internal static Rise Never { get; } = new(RiseSource.Never, -1, 0);

    /// <summary>A warm-up or a rising ramp the config writes.</summary>
    internal static Rise Ramp { get; } = new(RiseSource.Ramp, -1, 0);

    /// <summary>A cycle or restart of a type that rises by design.</summary>
    internal static Rise Cycle { get; } = new(RiseSource.Cycle, -1, 0);

    /// <summary>The rise of whichever children rise at the same step (a product of its children).</summary>
    internal static Rise RisingChildren { get; } = new(RiseSource.RisingChildren, -1, 0);

    /// <summary>What made the rise.</summary>
    internal RiseSource Source { get; }

    /// <summary>For <see cref="RiseSource.Child"/> and <see cref="RiseSource.Junction"/>, the index of the child in the entry's children.</summary>
    internal int Child { get; }

    /// <summary>For <see cref="RiseSource.Child"/>, the child's own step.</summary>
    internal long Step { get; }

    /// <summary>The rise of child <paramref name="child"/> into its own step <paramref name="step"/>.</summary>
    internal static Rise In(int child, long step) => new(RiseSource.Child, child, step);

    /// <summary>The hand-over to child <paramref name="child"/>, which starts at this step.</summary>
    internal static Rise Junction(int child) => new(RiseSource.Junction, child, 0);
}

/// <summary>The kinds of <see cref="Rise"/>.</summary>
internal enum RiseSource
{
    /// <summary>See <see cref="Rise.Never"/>.</summary>
    Never,

    /// <summary>See <see cref="Rise.Ramp"/>.</summary>
    Ramp,

    /// <summary>See <see cref="Rise.Cycle"/>.</summary>
    Cycle,

    /// <summary>See <see cref="Rise.Junction"/>.</summary>
    Junction,

    /// <summary>See <see cref="Rise.In"/>.</summary>
    Child,

    /// <summary>See <see cref="Rise.RisingChildren"/>.</summary>
    RisingChildren,
}
