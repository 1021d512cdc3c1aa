namespace LrDecay;

/// <summary>
/// How a restart's <c>mMul^i</c> scales period <c>i</c> of cosine decay with warm restarts, <c>h</c> being the period's cosine
/// ramp from 1 down to 0.
/// </summary>
public enum MMulMode
{
    /// <summary>
    /// The range above <c>minLr</c> shrinks: <c>minLr + (initialLr - minLr) * mMul^i * h</c> (Keras <c>m_mul</c>; JSON <c>"range"</c>).
    /// </summary>
    Range,

    /// <summary>
    /// The peak shrinks: <c>minLr + (initialLr * mMul^i - minLr) * h</c> (timm <c>cycle_decay</c>; JSON <c>"peak"</c>).
    /// </summary>
    Peak,
}

/// <summary>The JSON names of <see cref="MMulMode"/>: the one table the config reader and writer use.</summary>
internal static class MMulModeNames
{
    internal static readonly Internal.EnumNames<MMulMode> Json = new(("range", MMulMode.Range), ("peak", MMulMode.Peak));
}
