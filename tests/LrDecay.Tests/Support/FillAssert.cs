namespace LrDecay.Tests.Support;

/// <summary><see cref="ScheduleExtensions.Fill"/> against one call per step: within 1e-14 (relative, 1e-300 absolute), or bit for bit.</summary>
internal static class FillAssert
{
    private const double RelTol = 1e-14;
    private const double AbsFloor = 1e-300;

    internal static void Matches(ILearningRateSchedule schedule, long first, int length, bool exact = false)
    {
        var actual = new double[length];
        schedule.Fill(first, actual);
        for (int i = 0; i < length; i++)
        {
            double expected = schedule.GetLearningRate(first + i);
            double error = Math.Abs(actual[i] - expected);
            bool matches = exact ? BitConverter.DoubleToInt64Bits(actual[i]) == BitConverter.DoubleToInt64Bits(expected) : error <= AbsFloor + (RelTol * Math.Abs(expected));
            matches.Should().BeTrue(
                $"step {first + i} (fill from {first}, length {length}): fill {actual[i]:R}, per call {expected:R}");
        }
    }
}
