using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Reduce-on-plateau as pure functions: <c>lr(state, t) = max(base(t) * factor^k, minLr)</c>, <c>k</c> the reductions in
/// the state; <see cref="Observe"/> gives the state after one more metric.
/// </summary>
/// <remarks>
/// <para>
/// The schedule holds only its settings; the caller keeps the <see cref="PlateauState"/>: <c>state = plateau.Observe(state, loss)</c>
/// once per epoch, then <c>plateau.GetLearningRate(state, step)</c>. As an <see cref="ILearningRateSchedule"/> it gives the rate of
/// the <see cref="InitialState"/> (no reductions yet).
/// </para>
/// <para>
/// <see cref="PlateauCompat.PyTorch"/> follows <c>torch.optim.lr_scheduler.ReduceLROnPlateau</c>: a reduction comes when the bad-epoch
/// count exceeds <see cref="Patience"/>, and one that would change the rate by <see cref="Eps"/> or less is not applied.
/// <see cref="PlateauCompat.Keras"/> follows <c>keras.callbacks.ReduceLROnPlateau</c>: a reduction comes when the wait count reaches
/// <see cref="Patience"/>, while the rate is above <c>minLr</c> (compared, as Keras does, with <c>minLr</c> rounded to float32);
/// <see cref="Threshold"/> is its <c>min_delta</c>. A NaN metric is never an improvement. With a <see cref="Schedule"/> (not a
/// constant), the eps and minLr checks that decide whether a reduction is applied look at the base's peak, the larger of its rate
/// at step 0 and the largest rate it can give (so that a base that warms up from 0 is still reduced).
/// </para>
/// JSON: <c>{"type":"plateau","initialLr":0.1,"mode":"min","factor":0.1,"patience":10,"threshold":0.0001,"thresholdMode":"rel","cooldown":0,"minLr":0,"eps":1e-8,"compat":"pytorch"}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads. The state is a value the caller keeps.</threadsafety>
public sealed class PlateauSchedule : ILearningRateSchedule, IBatchSchedule, IMetricSchedule
{
    private readonly double _referenceLr;
    private readonly double _keepAboveLr;
    private readonly double _relMinFactor;
    private readonly double _relMaxFactor;
    private readonly double _minLr;

    /// <summary>Creates a reduce-on-plateau schedule over a constant learning rate.</summary>
    /// <param name="initialLr">The learning rate before any reduction. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="mode">Whether lower or higher metrics are better. Default <see cref="PlateauMode.Minimize"/>.</param>
    /// <param name="factor">The factor of each reduction. Range: <c>(0, 1)</c>. Default 0.1.</param>
    /// <param name="patience">Epochs without improvement tolerated. Range: <c>&gt;= 0</c>. Default 10.</param>
    /// <param name="threshold">The smallest change that counts as an improvement. Range: finite, <c>&gt;= 0</c>. Default 1e-4.</param>
    /// <param name="thresholdMode">How <paramref name="threshold"/> is measured; null picks <see cref="PlateauThresholdMode.Relative"/> under PyTorch and <see cref="PlateauThresholdMode.Absolute"/> under Keras (where Relative is an error).</param>
    /// <param name="cooldown">Epochs after a reduction during which bad epochs are not counted. Range: <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="minLr">The lower bound of the learning rate. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="eps">The smallest change of the rate that is applied (PyTorch only). Range: finite, <c>&gt;= 0</c>. Default 1e-8.</param>
    /// <param name="compat">Which library's rules to follow. Default <see cref="PlateauCompat.PyTorch"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public PlateauSchedule(
        double initialLr,
        PlateauMode mode = PlateauMode.Minimize,
        double factor = 0.1,
        long patience = 10,
        double threshold = 1e-4,
        PlateauThresholdMode? thresholdMode = null,
        long cooldown = 0,
        double minLr = 0.0,
        double eps = 1e-8,
        PlateauCompat compat = PlateauCompat.PyTorch)
        : this(null, initialLr, new PlateauOptions(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps, compat))
    {
    }

    /// <summary>Creates a reduce-on-plateau schedule over any base schedule: <c>lr = max(base(t) * factor^k, minLr)</c>.</summary>
    /// <param name="schedule">The base schedule.</param>
    /// <param name="mode">Whether lower or higher metrics are better. Default <see cref="PlateauMode.Minimize"/>.</param>
    /// <param name="factor">The factor of each reduction. Range: <c>(0, 1)</c>. Default 0.1.</param>
    /// <param name="patience">Epochs without improvement tolerated. Range: <c>&gt;= 0</c>. Default 10.</param>
    /// <param name="threshold">The smallest change that counts as an improvement. Range: finite, <c>&gt;= 0</c>. Default 1e-4.</param>
    /// <param name="thresholdMode">How <paramref name="threshold"/> is measured; null picks <see cref="PlateauThresholdMode.Relative"/> under PyTorch and <see cref="PlateauThresholdMode.Absolute"/> under Keras (where Relative is an error).</param>
    /// <param name="cooldown">Epochs after a reduction during which bad epochs are not counted. Range: <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="minLr">The lower bound of the learning rate. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="eps">The smallest change of the rate that is applied (PyTorch only). Range: finite, <c>&gt;= 0</c>. Default 1e-8.</param>
    /// <param name="compat">Which library's rules to follow. Default <see cref="PlateauCompat.PyTorch"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public PlateauSchedule(
        ILearningRateSchedule schedule,
        PlateauMode mode = PlateauMode.Minimize,
        double factor = 0.1,
        long patience = 10,
        double threshold = 1e-4,
        PlateauThresholdMode? thresholdMode = null,
        long cooldown = 0,
        double minLr = 0.0,
        double eps = 1e-8,
        PlateauCompat compat = PlateauCompat.PyTorch)
        : this(Guard.NotNull(schedule), 0.0, new PlateauOptions(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps, compat))
    {
    }

    /// <summary>Creates a reduce-on-plateau schedule over a constant learning rate, with settings checked once.</summary>
    /// <param name="initialLr">The learning rate before any reduction. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialLr"/> is out of range.</exception>
    public PlateauSchedule(double initialLr, PlateauOptions options)
        : this(null, initialLr, Guard.NotNull(options))
    {
    }

    /// <summary>Creates a reduce-on-plateau schedule over any base schedule, with settings checked once: <c>lr = max(base(t) * factor^k, minLr)</c>.</summary>
    /// <param name="schedule">The base schedule.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> or <paramref name="options"/> is null.</exception>
    public PlateauSchedule(ILearningRateSchedule schedule, PlateauOptions options)
        : this(Guard.NotNull(schedule), 0.0, Guard.NotNull(options))
    {
    }

    private PlateauSchedule(ILearningRateSchedule? schedule, double initialLr, PlateauOptions options)
    {
        if (schedule is null)
        {
            Guard.LearningRate(initialLr);
        }

        Options = options;
        PlateauMode mode = options.Mode;
        double threshold = options.Threshold;
        double minLr = options.MinLr;
        Schedule = schedule;
        InitialLr = schedule is null ? initialLr : schedule.GetLearningRate(0);
        _referenceLr = schedule is null ? initialLr : ReferenceOf(schedule);
        _keepAboveLr = (double)(float)minLr;
        _relMinFactor = 1.0 - threshold;
        _relMaxFactor = threshold + 1.0;
        _minLr = minLr;
        InitialState = new PlateauState(mode == PlateauMode.Minimize ? double.PositiveInfinity : double.NegativeInfinity, 0, 0, 0, 1.0, 0);
    }

    /// <summary>The settings: mode, factor, patience, threshold, cooldown, minLr, eps and compat.</summary>
    public PlateauOptions Options { get; }

    /// <summary>The base schedule, or null when the base is the constant <see cref="InitialLr"/>.</summary>
    public ILearningRateSchedule? Schedule { get; }

    /// <summary>The learning rate before any reduction (the base schedule's rate at step 0 when there is one).</summary>
    public double InitialLr { get; }

    /// <summary>Whether lower or higher metrics are better.</summary>
    public PlateauMode Mode => Options.Mode;

    /// <summary>The factor of each reduction.</summary>
    public double Factor => Options.Factor;

    /// <summary>Epochs without improvement tolerated.</summary>
    public long Patience => Options.Patience;

    /// <summary>The smallest change that counts as an improvement.</summary>
    public double Threshold => Options.Threshold;

    /// <summary>How <see cref="Threshold"/> is measured.</summary>
    public PlateauThresholdMode ThresholdMode => Options.ThresholdMode;

    /// <summary>Epochs after a reduction during which bad epochs are not counted.</summary>
    public long Cooldown => Options.Cooldown;

    /// <summary>The lower bound of the learning rate.</summary>
    public double MinLr => Options.MinLr;

    /// <summary>The smallest change of the rate that is applied (PyTorch only).</summary>
    public double Eps => Options.Eps;

    /// <summary>Which library's rules are followed.</summary>
    public PlateauCompat Compat => Options.Compat;

    /// <summary>The first epoch whose metric is observed (<see cref="PlateauOptions.StartEpoch"/>); the metrics before it are only counted.</summary>
    public long StartEpoch => Options.StartEpoch;

    /// <summary>The state before any metric: best <c>+inf</c> (min) or <c>-inf</c> (max), no bad epochs, no reductions.</summary>
    public PlateauState InitialState { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <summary>
    /// The learning rate of the <see cref="InitialState"/>, <c>max(base(t), minLr)</c>: no reduction is ever applied through this
    /// member. It is what a composite or a plot sees of the plateau; a training loop calls <see cref="GetLearningRate(PlateauState, long)"/>.
    /// </summary>
    /// <param name="step">The 0-based step. Range: <c>&gt;= 0</c>.</param>
    /// <returns>The learning rate before any reduction.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    double ILearningRateSchedule.GetLearningRate(long step) => GetLearningRate(InitialState, step);

    /// <summary>
    /// The learning rate in <paramref name="state"/> at <paramref name="step"/>: <c>max(base(t) * state.Scale, minLr)</c> (for a constant
    /// base, <c>initialLr</c> itself until the first reduction, as PyTorch and Keras keep an initial rate below <c>minLr</c>).
    /// </summary>
    /// <param name="state">The state after the metrics observed so far.</param>
    /// <param name="step">The 0-based step. Range: <c>&gt;= 0</c>.</param>
    /// <returns>The learning rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double GetLearningRate(PlateauState state, long step)
    {
        Guard.Step(step);
        if (Schedule is null)
        {
            return ConstantLr(state.Reductions, state.Scale);
        }

        return AtLeastMinLr(Schedule.GetLearningRate(step) * state.Scale);
    }

    /// <summary>The state after observing one more metric (a pure function: <paramref name="state"/> is not changed).</summary>
    /// <param name="state">The state so far; <see cref="InitialState"/> for a fresh run.</param>
    /// <param name="metric">The metric of the epoch just finished. NaN is never an improvement.</param>
    /// <returns>The next state.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PlateauState Observe(PlateauState state, double metric) =>
        state.Epochs < Options.StartEpoch
            ? PlateauState.CreateUnchecked(state.Best, state.BadEpochs, state.CooldownCounter, state.Reductions, state.Scale, state.Epochs + 1)
            : Compat == PlateauCompat.PyTorch ? ObservePyTorch(state, metric) : ObserveKeras(state, metric);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PlateauState ObservePyTorch(PlateauState state, double metric)
    {
        double best = state.Best;
        long bad = state.BadEpochs;
        long cooldown = state.CooldownCounter;
        long reductions = state.Reductions;
        double scale = state.Scale;
        if (IsBetterPyTorch(metric, best))
        {
            best = metric;
            bad = 0;
        }
        else
        {
            bad++;
        }

        if (cooldown > 0)
        {
            cooldown--;
            bad = 0;
        }

        if (bad > Patience)
        {
            double oldLr = ConstantLr(reductions, scale);
            double newLr = AtLeastMinLr(oldLr * Factor);
            if (oldLr - newLr > Eps)
            {
                scale *= Factor;
                reductions++;
            }

            cooldown = Cooldown;
            bad = 0;
        }

        return PlateauState.CreateUnchecked(best, bad, cooldown, reductions, scale, state.Epochs + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PlateauState ObserveKeras(PlateauState state, double metric)
    {
        double best = state.Best;
        long wait = state.BadEpochs;
        long cooldown = state.CooldownCounter;
        long reductions = state.Reductions;
        double scale = state.Scale;
        if (cooldown > 0)
        {
            cooldown--;
            wait = 0;
        }

        if (IsBetterKeras(metric, best))
        {
            best = metric;
            wait = 0;
        }
        else if (cooldown == 0)
        {
            wait++;
            if (wait >= Patience)
            {
                double oldLr = ConstantLr(reductions, scale);
                if (oldLr > _keepAboveLr)
                {
                    scale *= Factor;
                    reductions++;
                    cooldown = Cooldown;
                    wait = 0;
                }
            }
        }

        return PlateauState.CreateUnchecked(best, wait, cooldown, reductions, scale, state.Epochs + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsBetterPyTorch(double metric, double best)
    {
        if (ThresholdMode == PlateauThresholdMode.Relative)
        {
            return Mode == PlateauMode.Minimize ? metric < best * _relMinFactor : metric > best * _relMaxFactor;
        }

        return Mode == PlateauMode.Minimize ? metric < best - Threshold : metric > best + Threshold;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsBetterKeras(double metric, double best) =>
        Mode == PlateauMode.Minimize ? metric + Threshold < best : metric - Threshold > best;

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        double scale = InitialState.Scale;
        if (Schedule is null)
        {
            destination.Fill(ConstantLr(InitialState.Reductions, scale));
            return;
        }

        Batch.Fill(Schedule, firstStep, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = AtLeastMinLr(destination[i] * scale);
        }
    }

    /// <summary>
    /// The rate of a constant base (or the base's rate at step 0): <c>initialLr</c> until a reduction is applied, then
    /// <c>max(initialLr * scale, minLr)</c>. Both PyTorch and Keras leave an initial rate below <c>minLr</c> as it is: neither
    /// applies a "reduction" that would raise it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double ConstantLr(long reductions, double scale) => reductions == 0 ? _referenceLr : AtLeastMinLr(_referenceLr * scale);

    /// <summary>
    /// The rate the eps and minLr checks of a reduction look at, over a base schedule: its peak, the larger of its rate at step 0 and
    /// the largest rate its catalog entry says it can give (its rate at step 0 alone for a schedule the catalog does not know).
    /// </summary>
    private static double ReferenceOf(ILearningRateSchedule schedule)
    {
        double first = schedule.GetLearningRate(0);
        double peak = Bounds.Max(schedule);
        return peak > first && !double.IsInfinity(peak) ? peak : first;
    }

    /// <summary><c>max(lr, MinLr)</c> for the finite, non-negative rates here: a compare, not <see cref="Math.Max(double, double)"/>'s NaN handling.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double AtLeastMinLr(double lr) => lr >= _minLr ? lr : _minLr;
}
