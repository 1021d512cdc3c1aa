using System.ComponentModel;

namespace LrDecay;

/// <summary>
/// Composition verbs that read in training order:
/// <c>Schedules.Cosine(3e-4, 10_000).WithWarmup(500).Clamped(minLr: 1e-6)</c> warms up for 500 steps, then runs the cosine from its
/// step 0, and clamps the result. Each verb wraps the schedule it is called on; the last verb is the outermost.
/// </summary>
/// <threadsafety>All members are safe to call from any thread.</threadsafety>
public static class ScheduleExtensions
{
    /// <summary>
    /// Warm-up from <paramref name="startLr"/> to <c>schedule(0)</c>, then the schedule shifted by <paramref name="warmupSteps"/> (or on the
    /// caller's clock without <paramref name="prefix"/>). See <see cref="WarmupSchedule"/>.
    /// </summary>
    /// <param name="schedule">The schedule after the warm-up.</param>
    /// <param name="warmupSteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="startLr">Default 0.</param>
    /// <param name="shape">The shape of the rise. Default <see cref="RampShape.Linear"/>.</param>
    /// <param name="prefix">Default true: the schedule starts at its step 0 when the warm-up ends; false: it keeps the caller's clock.</param>
    /// <returns>The composed schedule.</returns>
    /// <inheritdoc cref="WarmupSchedule(ILearningRateSchedule, long, double, RampShape, bool)" path="/exception"/>
    public static WarmupSchedule WithWarmup(
        this ILearningRateSchedule schedule, long warmupSteps, double startLr = 0.0, RampShape shape = RampShape.Linear, bool prefix = true) =>
        new(schedule, warmupSteps, startLr, shape, prefix);

    /// <summary>
    /// Linear warm-up from <paramref name="startLr"/> to <c>schedule(0)</c>, <c>lr(t) = startLr + (schedule(0) - startLr) * t / warmupSteps</c>
    /// while <c>t &lt; warmupSteps</c>, then <c>schedule(t - warmupSteps)</c>;
    /// <see cref="WithWarmup(ILearningRateSchedule, long, double, RampShape, bool)"/> with <see cref="RampShape.Linear"/> and
    /// <c>prefix</c> true.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it returns the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="schedule">The schedule after the warm-up.</param>
    /// <param name="warmupSteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="startLr">The learning rate at step 0.</param>
    /// <returns>The composed schedule.</returns>
    /// <inheritdoc cref="WarmupSchedule(ILearningRateSchedule, long, double)" path="/exception"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static WarmupSchedule WithWarmup(this ILearningRateSchedule schedule, long warmupSteps, double startLr) =>
        WithWarmup(schedule, warmupSteps, startLr, shape: RampShape.Linear, prefix: true);

    /// <summary>
    /// A cool-down of this schedule from <paramref name="startStep"/> over <paramref name="decaySteps"/> steps down to
    /// <paramref name="endLr"/>, the schedule still running under it. See <see cref="CooldownSchedule"/>.
    /// </summary>
    /// <param name="schedule">The schedule to cool down.</param>
    /// <param name="startStep">Range: <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="shape">Default <see cref="CooldownShape.OneMinusSqrt"/>.</param>
    /// <param name="power">The exponent of <see cref="CooldownShape.Power"/> (default 0.5); only with that shape.</param>
    /// <param name="ratio">The ratio of <see cref="CooldownShape.Exponential"/> (default 0.1); only with that shape.</param>
    /// <param name="endLr">Default 0.</param>
    /// <returns>The composed schedule.</returns>
    /// <inheritdoc cref="CooldownSchedule(ILearningRateSchedule, long, long, CooldownShape, double?, double?, double)" path="/exception"/>
    public static CooldownSchedule CooldownFrom(
        this ILearningRateSchedule schedule,
        long startStep,
        long decaySteps,
        CooldownShape shape = CooldownShape.OneMinusSqrt,
        double? power = null,
        double? ratio = null,
        double endLr = 0.0) =>
        new(schedule, startStep, decaySteps, shape, power, ratio, endLr);

    /// <summary>This schedule until <paramref name="boundary"/>, then <paramref name="next"/> from its step 0. See <see cref="SequenceSchedule"/>.</summary>
    /// <param name="schedule">The first schedule.</param>
    /// <param name="boundary">The step at which <paramref name="next"/> takes over. Range: <c>&gt; 0</c>.</param>
    /// <param name="next">The schedule that follows.</param>
    /// <returns>The composed schedule (a sequence is extended rather than nested).</returns>
    /// <inheritdoc cref="SequenceSchedule(IEnumerable{ILearningRateSchedule}, IEnumerable{long})" path="/exception"/>
    public static SequenceSchedule Then(this ILearningRateSchedule schedule, long boundary, ILearningRateSchedule next)
    {
        if (schedule is SequenceSchedule sequence)
        {
            return new SequenceSchedule(sequence.Schedules.Append(next), sequence.Boundaries.Append(boundary));
        }

        return new SequenceSchedule([schedule, next], [boundary]);
    }

    /// <summary><c>factor * schedule(t)</c>. See <see cref="ScaleSchedule"/>.</summary>
    /// <param name="schedule">The schedule to scale.</param>
    /// <param name="factor">Range: finite, <c>&gt; 0</c>.</param>
    /// <returns>The composed schedule.</returns>
    /// <inheritdoc cref="ScaleSchedule(ILearningRateSchedule, double)" path="/exception"/>
    public static ScaleSchedule Scaled(this ILearningRateSchedule schedule, double factor) => new(schedule, factor);

    /// <summary><c>min(max(schedule(t), minLr), maxLr)</c>. See <see cref="ClampSchedule"/>.</summary>
    /// <param name="schedule">The schedule to clamp.</param>
    /// <param name="minLr">Default 0.</param>
    /// <param name="maxLr">Default no upper bound.</param>
    /// <returns>The composed schedule.</returns>
    /// <inheritdoc cref="ClampSchedule(ILearningRateSchedule, double, double)" path="/exception"/>
    public static ClampSchedule Clamped(this ILearningRateSchedule schedule, double minLr = 0.0, double maxLr = double.PositiveInfinity) =>
        new(schedule, minLr, maxLr);

    /// <summary>This schedule multiplied by the factors of <paramref name="factors"/> (each normalised to start at 1). See <see cref="ChainSchedule"/>.</summary>
    /// <param name="schedule">The base schedule.</param>
    /// <param name="factors">Schedules whose rate at step 0 is <c>&gt; 0</c>.</param>
    /// <returns>The composed schedule.</returns>
    /// <inheritdoc cref="ChainSchedule(IEnumerable{ILearningRateSchedule})" path="/exception"/>
    public static ChainSchedule ChainedWith(this ILearningRateSchedule schedule, params ILearningRateSchedule[] factors) =>
        new(new[] { schedule }.Concat(factors ?? throw new ArgumentNullException(nameof(factors))));

    /// <summary>Drives a schedule written in epochs once per optimizer step: <c>lr(t) = schedule(floor(t / stepsPerEpoch))</c>. See <see cref="PerEpochSchedule"/>.</summary>
    /// <param name="schedule">The schedule in epochs.</param>
    /// <param name="stepsPerEpoch">Range: <c>&gt; 0</c>.</param>
    /// <returns>The composed schedule.</returns>
    /// <inheritdoc cref="PerEpochSchedule(ILearningRateSchedule, long)" path="/exception"/>
    public static PerEpochSchedule PerEpoch(this ILearningRateSchedule schedule, long stepsPerEpoch) => new(schedule, stepsPerEpoch);

    /// <summary>
    /// Fills <paramref name="destination"/> with the learning rates of steps <c>firstStep, firstStep + 1, ...</c>:
    /// <c>destination[i] = schedule(firstStep + i)</c>, bit for bit the value <see cref="ILearningRateSchedule.GetLearningRate"/> returns
    /// for that step (the same double, not merely a close one), for every schedule of this library and any nesting of them.
    /// </summary>
    /// <remarks>
    /// The library's schedules fill through vectorised or run-length paths that are faster than a loop of calls; a schedule class from
    /// outside the library is filled by calling it once per step. A table filled here and rates read one by one after a resume agree.
    /// </remarks>
    /// <param name="schedule">The schedule.</param>
    /// <param name="firstStep">The step of <c>destination[0]</c>. Range: <c>&gt;= 0</c>, and the last step must fit in a long.</param>
    /// <param name="destination">The buffer to fill; the caller owns it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstStep"/> is negative or the range passes <see cref="long.MaxValue"/>.</exception>
    public static void Fill(this ILearningRateSchedule schedule, long firstStep, Span<double> destination)
    {
        if (schedule is null)
        {
            throw new ArgumentNullException(nameof(schedule));
        }

        Internal.Guard.NonNegativeSteps(firstStep);
        if (destination.Length > 0 && firstStep > long.MaxValue - (destination.Length - 1))
        {
            Internal.Guard.ThrowOutOfRange(nameof(firstStep), firstStep, $"plus {destination.Length - 1} steps passes long.MaxValue");
        }

        Internal.Batch.Fill(schedule, firstStep, destination);
    }

    /// <summary>
    /// Reduces the schedule's rate on a plateau of a metric: <c>lr(state, t) = max(schedule(t) * factor^k, minLr)</c>, <c>k</c> the
    /// reductions so far (JSON's <c>{"type":"plateau","schedule":{...}}</c>). Keep the state and feed it metrics with
    /// <see cref="PlateauSchedule.Observe"/>.
    /// </summary>
    /// <param name="schedule">The base schedule.</param>
    /// <param name="options">The settings; null for <see cref="PlateauOptions.Default"/>.</param>
    /// <returns>The plateau schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static PlateauSchedule ReduceOnPlateau(this ILearningRateSchedule schedule, PlateauOptions? options = null) =>
        new(schedule, options ?? PlateauOptions.Default);
}
