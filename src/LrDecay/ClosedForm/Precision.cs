namespace LrDecay;

/// <summary>The arithmetic a Keras-style closed form computes in.</summary>
public enum Precision
{
    /// <summary>Double precision throughout (JSON <c>"float64"</c>, the default).</summary>
    Float64,

    /// <summary>
    /// Keras 3's arithmetic with its default <c>floatx</c> float32 (JSON <c>"float32"</c>): the step and every tensor constant cast to
    /// float32, each operation rounded to float32 in Keras's order, <c>cos</c>, <c>exp</c>, <c>log</c> and <c>pow</c> correctly rounded;
    /// the float32 result is returned as a double.
    /// </summary>
    Float32,
}

/// <summary>The JSON names of <see cref="Precision"/>: the one table the config reader and writer use.</summary>
internal static class PrecisionNames
{
    internal static readonly Internal.EnumNames<Precision> Json = new(("float64", Precision.Float64), ("float32", Precision.Float32));
}
