namespace LrDecay;

/// <summary>Which library's reduce-on-plateau rules a plateau schedule follows (JSON <c>compat</c>).</summary>
public enum PlateauCompat
{
    /// <summary>PyTorch <c>ReduceLROnPlateau</c>: reduce when the bad-epoch count exceeds patience; skip changes smaller than eps (JSON <c>"pytorch"</c>).</summary>
    PyTorch,

    /// <summary>Keras <c>ReduceLROnPlateau</c>: reduce when the wait count reaches patience, while the rate is above minLr (JSON <c>"keras"</c>).</summary>
    Keras,
}

/// <summary>The JSON names of <see cref="PlateauCompat"/>: the one table the config reader and writer use.</summary>
internal static class PlateauCompatNames
{
    internal static readonly Internal.EnumNames<PlateauCompat> Json = new(("pytorch", PlateauCompat.PyTorch), ("keras", PlateauCompat.Keras));
}
