namespace LrDecay;

/// <summary>The shape of a cool-down: the factor <c>d(f)</c> that falls from 1 at <c>f = 0</c> to 0 at <c>f = 1</c> (JSON <c>shape</c>).</summary>
public enum CooldownShape
{
    /// <summary>Square root: <c>d(f) = 1 - sqrt(f)</c> (JSON <c>"1-sqrt"</c>), the cool-down of Hagele et al., arXiv 2405.18392.</summary>
    OneMinusSqrt,

    /// <summary>Linear: <c>d(f) = 1 - f</c> (JSON <c>"linear"</c>).</summary>
    Linear,

    /// <summary>Cosine: <c>d(f) = (1 + cos(pi f)) / 2</c> (JSON <c>"cosine"</c>).</summary>
    Cosine,

    /// <summary>Power: <c>d(f) = 1 - f^power</c> (JSON <c>"power"</c>); 0.5 is the square root, 1 the linear shape.</summary>
    Power,

    /// <summary>Exponential: <c>d(f) = (ratio^f - ratio) / (1 - ratio)</c> (JSON <c>"exp"</c>), normalised to reach 0.</summary>
    Exponential,
}

/// <summary>The JSON names of <see cref="CooldownShape"/>: the one table the config reader and writer use.</summary>
internal static class CooldownShapeNames
{
    internal static readonly Internal.EnumNames<CooldownShape> Json = new(
        ("1-sqrt", CooldownShape.OneMinusSqrt), ("linear", CooldownShape.Linear), ("cosine", CooldownShape.Cosine), ("power", CooldownShape.Power), ("exp", CooldownShape.Exponential));
}
