using LrDecay.Analysis;

namespace LrDecay.Conformance;

/// <summary>The outcome of one conformance case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Message">What happened: for a failure, the first differing step with both values, or the unexpected error.</param>
/// <param name="Step">For a value failure, the step (or the 1-based epoch of a plateau case) that first differs.</param>
/// <param name="Expected">For a value failure, the expected learning rate.</param>
/// <param name="Actual">For a value failure, the learning rate computed.</param>
public sealed record CaseResult(VectorCase Case, bool Passed, string Message, long? Step = null, double? Expected = null, double? Actual = null);

/// <summary>Runs conformance cases against the library; shared by the test suite and the <c>lrdecay check</c> command.</summary>
public static class ConformanceRunner
{
    /// <summary>The environment variable that names extra vector folders (path-separated).</summary>
    public const string DirectoriesVariable = "LRDECAY_CONFORMANCE_DIRS";

    /// <summary>Whether <paramref name="actual"/> is within <c>absTol + relTol * |expected|</c> of <paramref name="expected"/>.</summary>
    /// <param name="expected">The expected value.</param>
    /// <param name="actual">The computed value.</param>
    /// <param name="relTol">Relative tolerance.</param>
    /// <param name="absTol">Absolute tolerance.</param>
    /// <returns>True when close enough (NaN is never close).</returns>
    public static bool IsClose(double expected, double actual, double relTol, double absTol) =>
        expected == actual || Math.Abs(actual - expected) <= absTol + (relTol * Math.Abs(expected));

    /// <summary>The folders named by <see cref="DirectoriesVariable"/>, if any.</summary>
    /// <returns>The folders, empty when the variable is unset.</returns>
    public static IReadOnlyList<string> ExtraDirectories()
    {
        string? value = Environment.GetEnvironmentVariable(DirectoriesVariable);
        return string.IsNullOrWhiteSpace(value)
            ? []
            : value!.Split(Path.PathSeparator).Where(d => d.Trim().Length > 0).Select(d => d.Trim()).ToArray();
    }

    /// <summary>Runs one case.</summary>
    /// <param name="vectorCase">The case.</param>
    /// <returns>The outcome.</returns>
    public static CaseResult Run(VectorCase vectorCase)
    {
        ILearningRateSchedule schedule;
        try
        {
            schedule = ScheduleJson.Parse(vectorCase.ScheduleJson);
        }
        catch (ScheduleConfigException ex)
        {
            return vectorCase.Error
                ? new CaseResult(vectorCase, true, $"rejected: {ex.Message}")
                : new CaseResult(vectorCase, false, $"config rejected: {ex.Message}");
        }
        catch (Exception ex)
        {
            return new CaseResult(vectorCase, false, $"unexpected {ex.GetType().Name} (not a config error): {ex.Message}");
        }

        if (vectorCase.Error)
        {
            return new CaseResult(vectorCase, false, "expected a config error, but the schedule was built");
        }

        try
        {
            return vectorCase.Metrics is null ? RunSteps(vectorCase, schedule) : RunMetrics(vectorCase, schedule);
        }
        catch (Exception ex)
        {
            return new CaseResult(vectorCase, false, $"{ex.GetType().Name} while evaluating: {ex.Message}");
        }
    }

    private static CaseResult RunSteps(VectorCase c, ILearningRateSchedule schedule)
    {
        IReadOnlyList<long> steps = c.Steps!;
        IReadOnlyList<double> expected = c.Expected!;
        for (int i = 0; i < steps.Count; i++)
        {
            double actual = schedule.GetLearningRate(steps[i]);
            if (!IsClose(expected[i], actual, c.RelTol, c.AbsTol))
            {
                return Mismatch(c, $"step {steps[i]}", steps[i], expected[i], actual);
            }
        }

        return new CaseResult(c, true, $"{steps.Count} steps");
    }

    private static CaseResult RunMetrics(VectorCase c, ILearningRateSchedule schedule)
    {
        if (!MetricReplay.CanReplay(schedule))
        {
            return new CaseResult(c, false, $"a metrics case needs a plateau schedule, got {ScheduleJson.TypeOf(schedule)?.Name ?? schedule.GetType().Name}");
        }

        IReadOnlyList<double> metrics = c.Metrics!;
        IReadOnlyList<double> expected = c.Expected!;
        var replay = new MetricReplay(schedule);
        for (int i = 0; i < metrics.Count; i++)
        {
            replay.Observe(metrics[i]);
            long step = c.Steps is null ? i + 1 : c.Steps[i];
            double actual = replay.GetLearningRate(step);
            if (!IsClose(expected[i], actual, c.RelTol, c.AbsTol))
            {
                return Mismatch(c, $"metric #{i} ({VectorFile.Format(metrics[i])}), step {step}", step, expected[i], actual);
            }
        }

        return new CaseResult(c, true, $"{metrics.Count} metrics");
    }

    private static CaseResult Mismatch(VectorCase c, string where, long step, double expected, double actual) =>
        new(c, false, $"at {where}: expected {VectorFile.Format(expected)}, got {VectorFile.Format(actual)}", step, expected, actual);
}
