using System.Globalization;
using System.Reflection;
using LrDecay.TorchSharp.Internal;
using TorchSharp;

namespace LrDecay.TorchSharp;

/// <summary>
/// A drop-in <c>torch.optim.lr_scheduler.LRScheduler</c> driven by an LrDecay schedule: an existing TorchSharp loop that calls
/// <c>scheduler.step()</c> after each optimizer step (or epoch) works unchanged, and the rate of step <c>t</c> is the schedule's
/// <c>lr(t)</c> exactly, computed in closed form (never by multiplying the previous rate).
/// </summary>
/// <remarks>
/// <para>
/// Like PyTorch's schedulers, the constructor applies step 0 (or <c>lastStep + 1</c> when resuming); each <c>step()</c> then
/// advances one step, <c>step(epoch)</c> jumps, and <c>get_last_lr()</c> reads the rates last set. It nests in TorchSharp's
/// <c>SequentialLR</c> (each schedule restarts from its own step 0 at its milestone) and <c>ChainedLR</c>.
/// </para>
/// <para>
/// Steps are <see cref="long"/> here. TorchSharp counts epochs in an <see cref="int"/>: <c>step()</c> keeps counting past
/// <see cref="int.MaxValue"/> on this scheduler's own <see cref="Step"/> (TorchSharp's counter wraps, the rates do not), an explicit
/// <c>step(epoch)</c> reaches only <see cref="int.MaxValue"/>, and <see cref="SetStep"/> jumps to any <see cref="long"/> step.
/// </para>
/// <para>
/// With a <see cref="PlateauSchedule"/>, <c>step(metric)</c> observes the metric (a pure transition of <see cref="State"/>) and
/// advances; <see cref="Observe"/> observes without advancing, for a base schedule stepped per batch. TorchSharp schedulers have
/// no <c>state_dict</c>: checkpoint <see cref="Step"/> and <see cref="State"/> (<c>ScheduleJson.SerializeState</c>), and resume
/// with <c>lastStep</c> and the <c>state</c> argument.
/// </para>
/// </remarks>
/// <threadsafety>An instance drives one optimizer from one training loop; it is not meant to be shared across threads.</threadsafety>
public sealed class LrDecayScheduler : torch.optim.lr_scheduler.LRScheduler
{
    private static readonly FieldInfo? LastEpochField =
        typeof(torch.optim.lr_scheduler.LRScheduler).GetField("_last_epoch", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly GroupRates _rates;
    private long _step;
    private int? _explicitStep;

    /// <summary>
    /// Creates a scheduler that sets every parameter group from <paramref name="schedule"/> (see <paramref name="mode"/>), and the
    /// groups' momentum or beta1 from <paramref name="momentum"/> when given, then applies step <c>lastStep + 1</c>.
    /// </summary>
    /// <param name="optimizer">The optimizer whose parameter groups are set.</param>
    /// <param name="schedule">The learning-rate schedule (a <see cref="PlateauSchedule"/> makes <c>step(metric)</c> observe metrics).</param>
    /// <param name="mode">How one schedule sets several groups. Default <see cref="GroupRateMode.Same"/>.</param>
    /// <param name="momentum">A momentum schedule for SGD's momentum or Adam's beta1, or null.</param>
    /// <param name="lastStep">The last step already taken when resuming; -1 (default) for a fresh run. Range: <c>&gt;= -1</c>.</param>
    /// <param name="state">The plateau state to resume from (with a <see cref="PlateauSchedule"/>); null for its initial state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="optimizer"/> or <paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The optimizer has no parameter group; a momentum schedule is given for groups without momentum or betas; or
    /// <see cref="GroupRateMode.KeepInitialRatios"/> with a first group whose initial rate is not positive.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastStep"/> is below -1, or <paramref name="mode"/> is not defined.</exception>
    public LrDecayScheduler(
        torch.optim.Optimizer optimizer,
        ILearningRateSchedule schedule,
        GroupRateMode mode = GroupRateMode.Same,
        ILearningRateSchedule? momentum = null,
        long lastStep = -1,
        PlateauState? state = null)
        : base(Checked(optimizer), EpochOf(lastStep))
    {
        _rates = GroupRates.Of(optimizer, schedule, mode, momentum);
        Schedule = schedule;
        Plateau = schedule as PlateauSchedule;
        State = state ?? Plateau?.InitialState ?? default;
        _step = lastStep;
        step();
    }

    private LrDecayScheduler(torch.optim.Optimizer optimizer, GroupRates rates, ILearningRateSchedule first, long lastStep)
        : base(optimizer, EpochOf(lastStep))
    {
        _rates = rates;
        Schedule = first;
        _step = lastStep;
        step();
    }

    /// <summary>
    /// Creates a scheduler that sets parameter group <c>i</c> from <c>schedules[i]</c>, and the groups' momentum or beta1 from
    /// <paramref name="momentum"/> when given, then applies step <c>lastStep + 1</c>.
    /// </summary>
    /// <param name="optimizer">The optimizer whose parameter groups are set.</param>
    /// <param name="schedules">One schedule per parameter group, in the order of <c>optimizer.ParamGroups</c>.</param>
    /// <param name="momentum">A momentum schedule for SGD's momentum or Adam's beta1, or null.</param>
    /// <param name="lastStep">The last step already taken when resuming; -1 (default) for a fresh run. Range: <c>&gt;= -1</c>.</param>
    /// <returns>The scheduler, with the rates of its first step applied.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="optimizer"/>, <paramref name="schedules"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">
    /// The number of schedules differs from the number of parameter groups, or a momentum schedule is given for groups without
    /// momentum or betas.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastStep"/> is below -1.</exception>
    public static LrDecayScheduler PerGroup(
        torch.optim.Optimizer optimizer, IReadOnlyList<ILearningRateSchedule> schedules, ILearningRateSchedule? momentum = null, long lastStep = -1)
    {
        GroupRates rates = GroupRates.PerGroup(optimizer, schedules, momentum);
        return new LrDecayScheduler(optimizer, rates, schedules[0], lastStep);
    }

    /// <summary>The schedule (the first group's, when each group has its own).</summary>
    public ILearningRateSchedule Schedule { get; }

    /// <summary>The plateau schedule when <see cref="Schedule"/> is one, else null.</summary>
    public PlateauSchedule? Plateau { get; }

    /// <summary>The plateau state after the metrics observed so far (the default value without a plateau); set it to resume.</summary>
    public PlateauState State { get; set; }

    /// <summary>The step whose rates were applied last: 0 after construction of a fresh run, then one more per <c>step()</c>.</summary>
    public long Step => _step;

    /// <summary>Advances one step (or jumps to <paramref name="epoch"/>) and applies its learning rates and momentum.</summary>
    /// <param name="epoch">The step to jump to, or null to advance by one. Range: <c>&gt;= 0</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is negative.</exception>
    public override void step(int? epoch)
    {
        if (epoch < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"epoch ('{epoch.Value.ToString(CultureInfo.InvariantCulture)}') must be a non-negative value.");
        }

        _explicitStep = epoch;
        base.step(epoch);
        _rates.ApplyMomentum(_step);
    }

    /// <summary>
    /// Observes <paramref name="current"/> when the schedule is a <see cref="PlateauSchedule"/> (other schedules ignore it, as
    /// TorchSharp's do), then advances one step (or jumps to <paramref name="epoch"/>) and applies the rates.
    /// </summary>
    /// <param name="current">The metric of the epoch just finished (a validation loss, say). NaN is never an improvement.</param>
    /// <param name="epoch">The step to jump to, or null to advance by one.</param>
    public override void step(double current, int? epoch = null)
    {
        if (Plateau is not null)
        {
            State = Plateau.Observe(State, current);
        }

        step(epoch);
    }

    /// <summary>
    /// Observes a metric without advancing the step (for a plateau over a schedule stepped per batch) and applies the rates of the
    /// current step in the new state at once.
    /// </summary>
    /// <param name="metric">The metric of the epoch just finished.</param>
    /// <exception cref="InvalidOperationException">The schedule is not a <see cref="PlateauSchedule"/>.</exception>
    public void Observe(double metric)
    {
        if (Plateau is null)
        {
            throw new InvalidOperationException($"Observe needs a plateau schedule; this scheduler's schedule is {Schedule.GetType().Name}.");
        }

        State = Plateau.Observe(State, metric);
        SetStep(_step);
    }

    /// <summary>Jumps to <paramref name="step"/> (any <see cref="long"/>) and applies its learning rates and momentum.</summary>
    /// <param name="step">The step. Range: <c>&gt;= 0</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public void SetStep(long step)
    {
        if (step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step ('{step.ToString(CultureInfo.InvariantCulture)}') must be a non-negative value.");
        }

        // One step before, then TorchSharp's own step(): its counter, the rates it records for get_last_lr() and ours stay in step.
        _step = step - 1;
        LastEpochField?.SetValue(this, unchecked((int)(step - 1)));
        this.step();
    }

    /// <summary>The rates of the next step: TorchSharp's counter advanced by one, or moved by a combinator such as <c>SequentialLR</c>.</summary>
    /// <returns>One rate per parameter group.</returns>
    protected override IEnumerable<double> get_lr()
    {
        long expected = _step + 1;
        if (LastEpochField is null)
        {
            _step = expected;
        }
        else
        {
            int observed = (int)LastEpochField.GetValue(this)!;
            if (unchecked((int)expected) == observed)
            {
                _step = expected;
            }
            else if (observed >= 0)
            {
                _step = observed;
            }
            else
            {
                throw new InvalidOperationException($"TorchSharp's epoch counter is {observed}, which is not a step; use SetStep to move the scheduler.");
            }
        }

        return Rates();
    }

    /// <summary>The rates of an explicit <c>step(epoch)</c>.</summary>
    /// <returns>One rate per parameter group.</returns>
    protected override IEnumerable<double> get_closed_form_lr()
    {
        _step = _explicitStep ?? (int)LastEpochField!.GetValue(this)!;
        return Rates();
    }

    private List<double> Rates()
    {
        var rates = new List<double>(_rates.Count);
        for (int i = 0; i < _rates.Count; i++)
        {
            rates.Add(Plateau is null ? _rates.RateOf(i, _step) : _rates.RateOf(i, Plateau, State, _step));
        }

        return rates;
    }

    private static torch.optim.Optimizer Checked(torch.optim.Optimizer optimizer)
    {
        GroupRates.GroupsOf(optimizer);
        return optimizer;
    }

    private static int EpochOf(long lastStep)
    {
        if (lastStep < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(lastStep), lastStep, $"lastStep ('{lastStep.ToString(CultureInfo.InvariantCulture)}') must be greater than or equal to '-1'.");
        }

        return unchecked((int)lastStep);
    }
}
