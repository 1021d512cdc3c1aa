namespace LrDecay;

/// <summary>How a one-cycle schedule moves between its phase end points.</summary>
public enum AnnealStrategy
{
    /// <summary>Cosine: <c>end + (start - end) / 2 * (cos(pi * pct) + 1)</c> (JSON <c>"cos"</c>).</summary>
    Cosine,

    /// <summary>Linear: <c>start + (end - start) * pct</c> (JSON <c>"linear"</c>).</summary>
    Linear,
}

/// <summary>The JSON names of <see cref="AnnealStrategy"/>: the one table the config reader and writer use.</summary>
internal static class AnnealStrategyNames
{
    internal static readonly Internal.EnumNames<AnnealStrategy> Json = new(("cos", AnnealStrategy.Cosine), ("linear", AnnealStrategy.Linear));
}
