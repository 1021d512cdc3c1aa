namespace LrDecay;

/// <summary>Whether a lower or a higher metric is better for a plateau schedule (JSON <c>mode</c>).</summary>
public enum PlateauMode
{
    /// <summary>Lower is better (a loss; JSON <c>"min"</c>).</summary>
    Minimize,

    /// <summary>Higher is better (an accuracy; JSON <c>"max"</c>).</summary>
    Maximize,
}

/// <summary>The JSON names of <see cref="PlateauMode"/>: the one table the config reader and writer use.</summary>
internal static class PlateauModeNames
{
    internal static readonly Internal.EnumNames<PlateauMode> Json = new(("min", PlateauMode.Minimize), ("max", PlateauMode.Maximize));
}
