namespace LrDecay.TorchSharp;

/// <summary>How one schedule sets the learning rates of an optimizer with several parameter groups.</summary>
public enum GroupRateMode
{
    /// <summary>Every group gets the schedule's rate: <c>lr_i(t) = schedule(t)</c>.</summary>
    Same,

    /// <summary>
    /// The ratios between the groups' initial learning rates are kept, and the first group follows the schedule:
    /// <c>lr_i(t) = schedule(t) * initialLr_i / initialLr_0</c> (a lower rate for a pretrained backbone than for a new head, say).
    /// </summary>
    KeepInitialRatios,
}
