namespace LrDecay;

/// <summary>How a learning-rate range test sweeps from its start rate to its end rate (JSON <c>mode</c>).</summary>
public enum RangeTestMode
{
    /// <summary>Geometric: <c>startLr * (endLr / startLr)^r</c> (JSON <c>"exponential"</c>).</summary>
    Exponential,

    /// <summary>Arithmetic: <c>startLr + (endLr - startLr) * r</c> (JSON <c>"linear"</c>).</summary>
    Linear,
}

/// <summary>The JSON names of <see cref="RangeTestMode"/>: the one table the config reader and writer use.</summary>
internal static class RangeTestModeNames
{
    internal static readonly Internal.EnumNames<RangeTestMode> Json = new(("exponential", RangeTestMode.Exponential), ("linear", RangeTestMode.Linear));
}
