namespace LrDecay;

/// <summary>How a piecewise schedule moves between two knots (JSON <c>interpolation</c>).</summary>
public enum PiecewiseInterpolation
{
    /// <summary>A straight line from one knot's value to the next (JSON <c>"linear"</c>).</summary>
    Linear,

    /// <summary>A half cosine from one knot's value to the next, flat at both knots (JSON <c>"cosine"</c>).</summary>
    Cosine,
}

/// <summary>The JSON names of <see cref="PiecewiseInterpolation"/>: the one table the config reader and writer use.</summary>
internal static class PiecewiseInterpolationNames
{
    internal static readonly Internal.EnumNames<PiecewiseInterpolation> Json = new(("linear", PiecewiseInterpolation.Linear), ("cosine", PiecewiseInterpolation.Cosine));
}
