using LrDecay.Internal;

namespace LrDecay;

/// <summary>The settings of <see cref="LearningRateFinder.Analyze"/>: the method, the smoothing, the divergence rule and the skipped points.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class FinderOptions
{
    /// <summary>The default beta of the smoothing.</summary>
    public const double DefaultBeta = 0.98;

    /// <summary>The default divergence factor.</summary>
    public const double DefaultDivergenceFactor = 4;

    /// <summary>The default number of points skipped at the start of the search.</summary>
    public const int DefaultSkipStart = 10;

    /// <summary>The default number of points skipped at the end of the search.</summary>
    public const int DefaultSkipEnd = 1;

    /// <summary>Creates finder settings.</summary>
    /// <param name="method">How the suggestion is picked. Default <see cref="FinderMethod.Steepest"/>.</param>
    /// <param name="beta">The weight of the past in the moving average of the loss. Range: <c>[0, 1)</c>; 0 leaves the losses as they are. Default 0.98.</param>
    /// <param name="divergenceFactor">
    /// The sweep diverged at the first smoothed loss above this many times the lowest smoothed loss before it. Range: <c>&gt; 1</c>;
    /// <see cref="double.PositiveInfinity"/> turns the check off. Default 4.
    /// </param>
    /// <param name="skipStart">Points left out of the search at the start of the usable range. Range: <c>&gt;= 0</c>. Default 10.</param>
    /// <param name="skipEnd">Points left out of the search at the end of the usable range. Range: <c>&gt;= 0</c>. Default 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it and its value.</exception>
    public FinderOptions(
        FinderMethod method = FinderMethod.Steepest,
        double beta = DefaultBeta,
        double divergenceFactor = DefaultDivergenceFactor,
        int skipStart = DefaultSkipStart,
        int skipEnd = DefaultSkipEnd)
    {
        if (method is not (FinderMethod.Steepest or FinderMethod.SteepestLogLr or FinderMethod.Valley or FinderMethod.Minimum))
        {
            Guard.ThrowOutOfRange(nameof(method), method, "must be 'Steepest', 'SteepestLogLr', 'Valley' or 'Minimum'");
        }

        if (!(beta >= 0.0 && beta < 1.0))
        {
            Guard.ThrowOutOfRange(nameof(beta), beta, "must be in [0, 1)");
        }

        if (!(divergenceFactor > 1.0))
        {
            Guard.ThrowOutOfRange(nameof(divergenceFactor), divergenceFactor, "must be greater than '1' (Infinity turns the check off)");
        }

        if (skipStart < 0)
        {
            Guard.ThrowOutOfRange(nameof(skipStart), skipStart, "must be a non-negative value");
        }

        if (skipEnd < 0)
        {
            Guard.ThrowOutOfRange(nameof(skipEnd), skipEnd, "must be a non-negative value");
        }

        Method = method;
        Beta = beta;
        DivergenceFactor = divergenceFactor;
        SkipStart = skipStart;
        SkipEnd = skipEnd;
    }

    /// <summary>The default settings: <see cref="FinderMethod.Steepest"/>, beta 0.98, divergence factor 4, skipping 10 points at the start and 1 at the end.</summary>
    public static FinderOptions Default { get; } = new();

    /// <summary>How the suggestion is picked.</summary>
    public FinderMethod Method { get; }

    /// <summary>The weight of the past in the moving average of the loss.</summary>
    public double Beta { get; }

    /// <summary>The factor over the lowest smoothed loss so far at which the sweep counts as diverged.</summary>
    public double DivergenceFactor { get; }

    /// <summary>Points left out of the search at the start of the usable range.</summary>
    public int SkipStart { get; }

    /// <summary>Points left out of the search at the end of the usable range.</summary>
    public int SkipEnd { get; }

    /// <summary>These settings with another method.</summary>
    /// <param name="method">The method.</param>
    /// <returns>New settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined method.</exception>
    public FinderOptions WithMethod(FinderMethod method) => new(method, Beta, DivergenceFactor, SkipStart, SkipEnd);
}
