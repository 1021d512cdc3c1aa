namespace LrDecay;

/// <summary>How <see cref="LearningRateFinder"/> picks a learning rate from a smoothed range-test curve.</summary>
public enum FinderMethod
{
    /// <summary>
    /// The point of the most negative gradient of the smoothed losses, the gradient taken with unit spacing (central differences
    /// inside, one-sided at the ends), as PyTorch Lightning's <c>lr_find</c> suggestion computes it with <c>torch.gradient</c>
    /// (CLI <c>steepest</c>).
    /// </summary>
    Steepest,

    /// <summary>
    /// As <see cref="Steepest"/>, the gradient taken against <c>log10(lr)</c> (<c>torch.gradient</c> with those coordinates), so
    /// that uneven lr spacing counts (CLI <c>steepest-log</c>). The lrs in the searched window must increase strictly.
    /// </summary>
    SteepestLogLr,

    /// <summary>
    /// fastai's <c>valley</c>: the longest strictly decreasing subsequence of the smoothed losses, and the point about halfway
    /// along it (CLI <c>valley</c>).
    /// </summary>
    Valley,

    /// <summary>fastai's <c>minimum</c>: the lr at the lowest smoothed loss, divided by 10 (CLI <c>minimum</c>).</summary>
    Minimum,
}
