namespace LrDecay.Analysis;

/// <summary>The thresholds of <see cref="ScheduleLint.Check"/>; each default is given with its property.</summary>
public sealed class LintOptions
{
    /// <summary>Report a flat tail after a decay when it covers more than this fraction of the run. Range: <c>(0, 1]</c> (1: off). Default 0.5.</summary>
    public double FlatFraction { get; init; } = 0.5;

    /// <summary>
    /// Report an unfinished decay when, at the last step, more than this fraction of the way from the schedule's end value back up to
    /// the run's peak is left. Range: <c>(0, 1]</c> (1: off). Default 0.1.
    /// </summary>
    public double DecayLeft { get; init; } = 0.1;

    /// <summary>Report a rate of 0 on more than this fraction of the steps. Range: <c>[0, 1]</c> (1: off). Default 0.01.</summary>
    public double ZeroFraction { get; init; } = 0.01;

    /// <summary>
    /// Report a rise by more than this factor from one step to the next where one schedule of a <c>sequence</c> hands over to the next.
    /// Range: <c>&gt;= 1</c> (<see cref="double.PositiveInfinity"/>: off). Default 2.
    /// </summary>
    public double Jump { get; init; } = 2.0;

    /// <summary>Report a rise to the peak that takes more than this fraction of the run. Range: <c>(0, 1]</c> (1: off). Default 0.25.</summary>
    public double WarmupFraction { get; init; } = 0.25;

    /// <summary>At most this many jumps are reported one by one; the rest are counted in one more finding. Range: <c>&gt;= 1</c>. Default 10.</summary>
    public int MaxJumpLines { get; init; } = 10;
}
