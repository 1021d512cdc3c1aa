using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// The settings of a reduce-on-plateau schedule, checked once: how metrics are compared, how much
/// and how often the rate is reduced, and which library's rules are followed.
/// </summary>
/// <example>
/// <code>
/// var plateau = Schedules.Cosine(0.1, 20_000).ReduceOnPlateau(new PlateauOptions(factor: 0.5, patience: 3));
/// </code>
/// </example>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PlateauOptions
{
    /// <summary>Creates plateau settings.</summary>
    /// <param name="mode">Whether lower or higher metrics are better. Default <see cref="PlateauMode.Minimize"/>.</param>
    /// <param name="factor">The factor of each reduction. Range: <c>(0, 1)</c>. Default 0.1.</param>
    /// <param name="patience">Epochs without improvement tolerated. Range: <c>&gt;= 0</c>. Default 10.</param>
    /// <param name="threshold">The smallest change that counts as an improvement. Range: finite, <c>&gt;= 0</c>. Default 1e-4.</param>
    /// <param name="thresholdMode">How <paramref name="threshold"/> is measured; null picks <see cref="PlateauThresholdMode.Relative"/> under PyTorch and <see cref="PlateauThresholdMode.Absolute"/> under Keras (where Relative is an error).</param>
    /// <param name="cooldown">Epochs after a reduction during which bad epochs are not counted. Range: <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="minLr">The lower bound of the learning rate. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="eps">The smallest change of the rate that is applied (PyTorch only). Range: finite, <c>&gt;= 0</c>. Default 1e-8.</param>
    /// <param name="compat">Which library's rules to follow. Default <see cref="PlateauCompat.PyTorch"/>.</param>
    /// <param name="startEpoch">
    /// The metrics of the epochs before this one are not observed (only counted): timm's plateau scheduler hands none to its reducer
    /// during its warm-up. Range: <c>&gt;= 0</c>. Default 0.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it and its value.</exception>
    public PlateauOptions(
        PlateauMode mode = PlateauMode.Minimize,
        double factor = 0.1,
        long patience = 10,
        double threshold = 1e-4,
        PlateauThresholdMode? thresholdMode = null,
        long cooldown = 0,
        double minLr = 0.0,
        double eps = 1e-8,
        PlateauCompat compat = PlateauCompat.PyTorch,
        long startEpoch = 0)
    {
        if (mode is not (PlateauMode.Minimize or PlateauMode.Maximize))
        {
            Guard.ThrowOutOfRange(nameof(mode), mode, "must be 'Minimize' or 'Maximize'");
        }

        if (compat is not (PlateauCompat.PyTorch or PlateauCompat.Keras))
        {
            Guard.ThrowOutOfRange(nameof(compat), compat, "must be 'PyTorch' or 'Keras'");
        }

        Guard.InOpenUnitInterval(factor);
        Guard.NonNegativeSteps(patience);
        Guard.NonNegative(threshold);
        PlateauThresholdMode resolved = thresholdMode ?? (compat == PlateauCompat.Keras ? PlateauThresholdMode.Absolute : PlateauThresholdMode.Relative);
        if (resolved is not (PlateauThresholdMode.Relative or PlateauThresholdMode.Absolute))
        {
            Guard.ThrowOutOfRange(nameof(thresholdMode), resolved, "must be 'Relative' or 'Absolute'");
        }

        if (compat == PlateauCompat.Keras && resolved == PlateauThresholdMode.Relative)
        {
            Guard.ThrowOutOfRange(nameof(thresholdMode), resolved, "must be 'Absolute' under Keras compat (Keras has only an absolute min_delta)");
        }

        Guard.NonNegativeSteps(cooldown);
        Guard.LearningRate(minLr);
        Guard.NonNegative(eps);
        Guard.NonNegativeSteps(startEpoch);

        Mode = mode;
        Factor = factor;
        Patience = patience;
        Threshold = threshold;
        ThresholdMode = resolved;
        Cooldown = cooldown;
        MinLr = minLr;
        Eps = eps;
        Compat = compat;
        StartEpoch = startEpoch;
    }

    /// <summary>The defaults: PyTorch's <c>ReduceLROnPlateau()</c> (min, factor 0.1, patience 10, threshold 1e-4 relative).</summary>
    public static PlateauOptions Default { get; } = new();

    /// <summary>Whether lower or higher metrics are better.</summary>
    public PlateauMode Mode { get; }

    /// <summary>The factor of each reduction.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement tolerated.</summary>
    public long Patience { get; }

    /// <summary>The smallest change that counts as an improvement.</summary>
    public double Threshold { get; }

    /// <summary>How <see cref="Threshold"/> is measured (resolved from the compat when not given).</summary>
    public PlateauThresholdMode ThresholdMode { get; }

    /// <summary>Epochs after a reduction during which bad epochs are not counted.</summary>
    public long Cooldown { get; }

    /// <summary>The lower bound of the learning rate.</summary>
    public double MinLr { get; }

    /// <summary>The smallest change of the rate that is applied (PyTorch only).</summary>
    public double Eps { get; }

    /// <summary>Which library's rules are followed.</summary>
    public PlateauCompat Compat { get; }

    /// <summary>The first epoch whose metric is observed; the metrics before it are only counted.</summary>
    public long StartEpoch { get; }
}
