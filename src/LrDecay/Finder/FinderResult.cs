namespace LrDecay;

/// <summary>What <see cref="LearningRateFinder.Analyze"/> found in a range test: the suggestion, the smoothed curve and where it stopped counting.</summary>
/// <remarks>
/// Indices are positions in the recorded lists. The usable range is <c>[0, UsableEnd)</c>: it ends after the point where the sweep
/// diverged (that point included, as Lightning and fastai record it) or before the first non-finite loss. The method searched
/// <c>[SearchStart, SearchEnd)</c>, the usable range without the skipped points.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class FinderResult
{
    internal FinderResult(
        FinderMethod method, double suggestedLearningRate, int suggestedIndex, double[] smoothedLosses, int? divergedIndex, int? nonFiniteLossIndex, int searchStart, int searchEnd)
    {
        Method = method;
        SuggestedLearningRate = suggestedLearningRate;
        SuggestedIndex = suggestedIndex;
        SmoothedLosses = Array.AsReadOnly(smoothedLosses);
        DivergedIndex = divergedIndex;
        NonFiniteLossIndex = nonFiniteLossIndex;
        SearchStart = searchStart;
        SearchEnd = searchEnd;
    }

    /// <summary>The method that picked the suggestion.</summary>
    public FinderMethod Method { get; }

    /// <summary>The suggested learning rate: the lr at <see cref="SuggestedIndex"/>, divided by 10 for <see cref="FinderMethod.Minimum"/>.</summary>
    public double SuggestedLearningRate { get; }

    /// <summary>The index of the point the suggestion comes from (for <see cref="FinderMethod.Minimum"/>, the lowest smoothed loss).</summary>
    public int SuggestedIndex { get; }

    /// <summary>The smoothed losses of the usable range, one per point in <c>[0, UsableEnd)</c>.</summary>
    public IReadOnlyList<double> SmoothedLosses { get; }

    /// <summary>The end (exclusive) of the usable range: the number of points that count.</summary>
    public int UsableEnd => SmoothedLosses.Count;

    /// <summary>The index of the first smoothed loss above the divergence factor times the lowest one before it, or null when the sweep did not diverge.</summary>
    public int? DivergedIndex { get; }

    /// <summary>The index of the first loss that is NaN or infinite, or null when every loss up to the divergence is finite.</summary>
    public int? NonFiniteLossIndex { get; }

    /// <summary>The first index the method searched.</summary>
    public int SearchStart { get; }

    /// <summary>The end (exclusive) of the searched indices.</summary>
    public int SearchEnd { get; }
}
