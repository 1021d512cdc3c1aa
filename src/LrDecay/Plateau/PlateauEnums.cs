namespace LrDecay;

/// <summary>Whether a lower or a higher metric is better for <see cref="PlateauSchedule"/>.</summary>
public enum PlateauMode
{
    /// <summary>Lower is better (a loss; JSON <c>"min"</c>).</summary>
    Min,

    /// <summary>Higher is better (an accuracy; JSON <c>"max"</c>).</summary>
    Max,
}

/// <summary>Which library's reduce-on-plateau rules <see cref="PlateauSchedule"/> follows.</summary>
public enum PlateauCompat
{
    /// <summary>PyTorch <c>ReduceLROnPlateau</c>: reduce when the bad-epoch count exceeds patience; skip changes smaller than eps (JSON <c>"pytorch"</c>).</summary>
    PyTorch,

    /// <summary>Keras <c>ReduceLROnPlateau</c>: reduce when the wait count reaches patience, while the rate is above minLr (JSON <c>"keras"</c>).</summary>
    Keras,
}

/// <summary>How <see cref="PlateauSchedule.Threshold"/> measures an improvement.</summary>
public enum PlateauThresholdMode
{
    /// <summary>Relative: better than <c>best * (1 -/+ threshold)</c> (JSON <c>"rel"</c>; PyTorch only).</summary>
    Rel,

    /// <summary>Absolute: better than <c>best -/+ threshold</c> (JSON <c>"abs"</c>; Keras <c>min_delta</c>).</summary>
    Abs,
}
