namespace LrDecay;

/// <summary>The shape of a warm-up or decay phase of a schedule (JSON <c>warmupShape</c> and <c>decayShape</c> of warmup-stable-decay).</summary>
public enum RampShape
{
    /// <summary>Linear: warm-up factor <c>p</c>, decay factor <c>1 - p</c> (JSON <c>"linear"</c>).</summary>
    Linear,

    /// <summary>Cosine: warm-up factor <c>(1 - cos(pi p)) / 2</c>, decay factor <c>(1 + cos(pi p)) / 2</c> (JSON <c>"cosine"</c>).</summary>
    Cosine,

    /// <summary>Square root: warm-up factor <c>1 - sqrt(1 - p)</c>, decay factor <c>1 - sqrt(p)</c> (JSON <c>"1-sqrt"</c>).</summary>
    OneMinusSqrt,
}

/// <summary>The JSON names of <see cref="RampShape"/>: the one table the config reader and writer use.</summary>
internal static class RampShapeNames
{
    internal static readonly Internal.EnumNames<RampShape> Json = new(("linear", RampShape.Linear), ("cosine", RampShape.Cosine), ("1-sqrt", RampShape.OneMinusSqrt));
}
