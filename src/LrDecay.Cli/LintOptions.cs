namespace LrDecay.Cli;

/// <summary>The thresholds of <c>lrdecay lint</c>; each default is documented with its option.</summary>
internal sealed record LintOptions
{
    /// <summary><c>--flat-fraction</c>: report a flat tail after a decay when it covers more than this fraction of the run. Default 0.5.</summary>
    public double FlatFraction { get; init; } = 0.5;

    /// <summary>
    /// <c>--decay-left</c>: report an unfinished decay when, at the last step, more than this fraction of the way from the
    /// schedule's end value back up to the run's peak is left. Default 0.1.
    /// </summary>
    public double DecayLeft { get; init; } = 0.1;

    /// <summary><c>--zero-fraction</c>: report a rate of 0 on more than this fraction of the steps. Default 0.01.</summary>
    public double ZeroFraction { get; init; } = 0.01;

    /// <summary><c>--jump</c>: report a rise by more than this factor from one step to the next at a sequence boundary. Default 2.</summary>
    public double Jump { get; init; } = 2.0;

    /// <summary><c>--warmup-fraction</c>: report a rise to the peak that takes more than this fraction of the run. Default 0.25.</summary>
    public double WarmupFraction { get; init; } = 0.25;

    /// <summary>At most this many jumps are reported one by one; the rest are counted on one more line.</summary>
    public int MaxJumpLines { get; init; } = 10;
}
