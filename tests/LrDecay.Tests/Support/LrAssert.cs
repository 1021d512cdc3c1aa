using System.Globalization;

namespace LrDecay.Tests.Support;

/// <summary>The one tolerance helper: <c>|a - e| &lt;= absTol + relTol * |e|</c>.</summary>
internal static class LrAssert
{
    internal static void Close(double expected, double actual, double relTol = 1e-12, double absTol = 1e-15, long? step = null)
    {
        bool ok = expected == actual || Math.Abs(actual - expected) <= absTol + (relTol * Math.Abs(expected));
        Assert.True(
            ok,
            string.Format(
                CultureInfo.InvariantCulture,
                "{0}expected {1:R}, got {2:R} (relTol {3:R}, absTol {4:R})",
                step is null ? string.Empty : $"step {step}: ",
                expected,
                actual,
                relTol,
                absTol));
    }

    internal static void At(ILearningRateSchedule schedule, long step, double expected, double relTol = 1e-12) =>
        Close(expected, schedule.GetLearningRate(step), relTol, 1e-15, step);
}
