namespace LrDecay.Import;

/// <summary>An imported schedule and what the import derived on the way.</summary>
public sealed class ImportResult
{
    internal ImportResult(ImportSource source, ILearningRateSchedule schedule, IReadOnlyList<string> facts, long? resumeStep, long? totalSteps, long? warmupSteps, PlateauState? plateauState)
    {
        Source = source;
        Schedule = schedule;
        Facts = facts;
        ResumeStep = resumeStep;
        TotalSteps = totalSteps;
        WarmupSteps = warmupSteps;
        PlateauState = plateauState;
    }

    /// <summary>The tool the file came from.</summary>
    public ImportSource Source { get; }

    /// <summary>
    /// The schedule: its step <c>t</c> is the rate the tool's own training loop applies to optimizer update <c>t</c> (0-based), over the
    /// whole run from step 0.
    /// </summary>
    public ILearningRateSchedule Schedule { get; }

    /// <summary>Each derived fact as one line of text (total steps, warm-up steps, updates per epoch, the step to resume from, a scaled rate).</summary>
    public IReadOnlyList<string> Facts { get; }

    /// <summary>The step a run saved at this point resumes from (PyTorch <c>last_epoch</c>), or null when the file holds no progress.</summary>
    public long? ResumeStep { get; }

    /// <summary>The run's total optimizer updates when the file and options determine them, else null.</summary>
    public long? TotalSteps { get; }

    /// <summary>The warm-up's optimizer updates when the schedule has one, else null.</summary>
    public long? WarmupSteps { get; }

    /// <summary>The live state of a reduce-on-plateau scheduler saved mid-run (PyTorch ReduceLROnPlateau), else null.</summary>
    public PlateauState? PlateauState { get; }
}
