namespace LrDecay;

/// <summary>What a schedule type is built from, as <see cref="ScheduleJson.Types"/> lists it.</summary>
public enum ScheduleKind
{
    /// <summary>A formula of the step alone (<c>cosine</c>, <c>step</c>, ...).</summary>
    ClosedForm,

    /// <summary>Built over other schedules (<c>warmup</c>, <c>sequence</c>, ...).</summary>
    Composite,

    /// <summary>Driven by an observed metric as well as the step (<c>plateau</c>).</summary>
    MetricDriven,
}
