namespace LrDecay.Tests.Support;

/// <summary>How the learning rate of a generated config moves with the step.</summary>
public enum Trend
{
    /// <summary>No promise about the direction.</summary>
    Any,

    /// <summary>Non-increasing in the step.</summary>
    NonIncreasing,
}
