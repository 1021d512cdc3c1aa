namespace LrDecay;

/// <summary>How a plateau schedule's threshold measures an improvement.</summary>
public enum PlateauThresholdMode
{
    /// <summary>Relative: better than <c>best * (1 -/+ threshold)</c> (JSON <c>"rel"</c>; PyTorch only).</summary>
    Relative,

    /// <summary>Absolute: better than <c>best -/+ threshold</c> (JSON <c>"abs"</c>; Keras <c>min_delta</c>).</summary>
    Absolute,
}

/// <summary>The JSON names of <see cref="PlateauThresholdMode"/>: the one table the config reader and writer use.</summary>
internal static class PlateauThresholdModeNames
{
    internal static readonly Internal.EnumNames<PlateauThresholdMode> Json = new(("rel", PlateauThresholdMode.Relative), ("abs", PlateauThresholdMode.Absolute));
}
