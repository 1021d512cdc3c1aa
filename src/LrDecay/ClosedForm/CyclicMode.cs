namespace LrDecay;

/// <summary>The amplitude policy of a cyclic schedule (JSON <c>mode</c>).</summary>
public enum CyclicMode
{
    /// <summary>Constant amplitude (JSON <c>"triangular"</c>).</summary>
    Triangular,

    /// <summary>Amplitude halved every cycle: <c>1 / 2^(cycle - 1)</c> (JSON <c>"triangular2"</c>).</summary>
    Triangular2,

    /// <summary>Amplitude <c>gamma^t</c> (JSON <c>"expRange"</c>).</summary>
    ExponentialRange,
}

/// <summary>The JSON names of <see cref="CyclicMode"/>: the one table the config reader and writer use.</summary>
internal static class CyclicModeNames
{
    internal static readonly Internal.EnumNames<CyclicMode> Json = new(("triangular", CyclicMode.Triangular), ("triangular2", CyclicMode.Triangular2), ("expRange", CyclicMode.ExponentialRange));
}
