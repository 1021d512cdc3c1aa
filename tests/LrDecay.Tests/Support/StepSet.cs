namespace LrDecay.Tests.Support;

/// <summary>Steps to evaluate a schedule at: random ones in [0, long.MaxValue] (small, near 2^31, 2^53 and long.MaxValue, or anywhere).</summary>
public sealed class StepSet
{
    public StepSet(long[] steps) => Steps = steps;

    public long[] Steps { get; }

    public override string ToString() => "[" + string.Join(", ", Steps) + "]";
}
