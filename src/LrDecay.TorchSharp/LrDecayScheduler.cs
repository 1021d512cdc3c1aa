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
/// <see cref="int.MaxValue"/> on this scheduler's own <see cref="CurrentStep"/> (TorchSharp's counter wraps, the rates do not), an explicit
/// <c>step(epoch)</c> reaches only <see cref="int.MaxValue"/>, and <see cref="SetStep"/> jumps to any <see cref="long"/> step.
/// </para>
/// <para>
/// With a <see cref="PlateauSchedule"/>, <c>step(metric)</c> observes the metric (a pure transition of <see cref="State"/>) and
/// advances; <see cref="Observe"/> observes without advancing, for a base schedule stepped per batch. TorchSharp schedulers have
/// no <c>state_dict</c>: checkpoint <see cref="CurrentStep"/> and <see cref="State"/> (<c>ScheduleJson.SerializeState</c>), and resume
/// with <c>lastStep</c> and the <c>state</c> argument.
/// </para>
/// </remarks>
/// <threadsafety>An instance drives one optimizer from one training loop; it is not meant to be shared across threads.</threadsafety>
public sealed class LrDecayScheduler : torch.optim.lr_scheduler.LRScheduler
{
    private readonly GroupRates _rates;
    private readonly PlateauSchedule?[] _plateaus;
    private readonly PlateauState[] _states;
    private long _step;
    private int? _explicitStep;

    /// <summary>
    /// Creates a scheduler that sets every parameter group from <paramref name="schedule"/> (see <paramref name="mode"/>), and the
    /// groups' momentum or beta1 from <paramref name="momentum"/> when given, then applies step <c>lastStep + 1</c>.
    /// </summary>
    /// <param name="optimizer">The optimizer whose parameter groups are set.</param>
    /// <param name="schedule">The learning-rate schedule (a <see cref="PlateauSchedule"/> makes <c>step(metric)</c> observe metrics).</param>
    /// <param name="momentum">A momentum schedule for SGD's momentum or Adam's beta1, or null.</param>
    /// <param name="mode">How one schedule sets several groups. Default <see cref="GroupRateMode.Same"/>.</param>
    /// <param name="lastStep">The last step already taken when resuming; -1 (default) for a fresh run. Range: <c>&gt;= -1</c>.</param>
    /// <param name="state">The plateau state to resume from (with a <see cref="PlateauSchedule"/>); null for its initial state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="optimizer"/> or <paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The optimizer has no parameter group; a momentum schedule is given for groups without momentum or betas; or
    /// <see cref="GroupRateMode.KeepInitialRatios"/> with a first group whose initial rate is not positive.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastStep"/> is below -1, or <paramref name="mode"/> is not defined.</exception>
    /// <exception cref="NotSupportedException">The TorchSharp in use lacks the epoch counter this scheduler moves (see <see cref="TorchSharpEpochField"/>).</exception>
    public LrDecayScheduler(
        torch.optim.Optimizer optimizer,
        ILearningRateSchedule schedule,
        ILearningRateSchedule? momentum = null,
        GroupRateMode mode = GroupRateMode.Same,
        long lastStep = -1,
        PlateauState? state = null)
        : base(Checked(optimizer), EpochOf(lastStep))
    {
        _rates = GroupRates.Of(optimizer, schedule, mode, momentum);
        Schedule = schedule;
        _plateaus = new PlateauSchedule?[_rates.Count];
        _states = new PlateauState[_rates.Count];
        for (int i = 0; i < _plateaus.Length; i++)
        {
            _plateaus[i] = schedule as PlateauSchedule;
            _states[i] = state ?? _plateaus[i]?.InitialState ?? default;
        }

        Plateau = schedule as PlateauSchedule;
        _step = lastStep;
        step();
    }

    private LrDecayScheduler(torch.optim.Optimizer optimizer, GroupRates rates, IReadOnlyList<ILearningRateSchedule> schedules, long lastStep, IReadOnlyList<PlateauState>? states)
        : base(optimizer, EpochOf(lastStep))
    {
        _rates = rates;
        Schedule = schedules[0];
        _plateaus = schedules.Select(s => s as PlateauSchedule).ToArray();
        _states = new PlateauState[_plateaus.Length];
        for (int i = 0; i < _plateaus.Length; i++)
        {
            _states[i] = _plateaus[i]?.InitialState ?? default;
        }

        Plateau = _plateaus.FirstOrDefault(p => p is not null);
        if (states is not null)
        {
            SetStatesUnapplied(states);
        }

        _step = lastStep;
        step();
    }

    /// <summary>
    /// Creates a scheduler that sets parameter group <c>i</c> from <c>schedules[i]</c>, and the groups' momentum or beta1 from
    /// <paramref name="momentum"/> when given, then applies step <c>lastStep + 1</c>. Each group whose schedule is a
    /// <see cref="PlateauSchedule"/> keeps its own plateau state, and <c>step(metric)</c> or <see cref="Observe"/> moves each of them.
    /// </summary>
    /// <param name="optimizer">The optimizer whose parameter groups are set.</param>
    /// <param name="schedules">One schedule per parameter group, in the order of <c>optimizer.ParamGroups</c>.</param>
    /// <param name="momentum">A momentum schedule for SGD's momentum or Adam's beta1, or null.</param>
    /// <param name="lastStep">The last step already taken when resuming; -1 (default) for a fresh run. Range: <c>&gt;= -1</c>.</param>
    /// <param name="states">The plateau states to resume from, one per group (see <see cref="States"/>); null for the initial states.</param>
    /// <returns>The scheduler, with the rates of its first step applied.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="optimizer"/>, <paramref name="schedules"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">
    /// The number of schedules (or of states) differs from the number of parameter groups, or a momentum schedule is given for
    /// groups without momentum or betas.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastStep"/> is below -1.</exception>
    /// <exception cref="NotSupportedException">The TorchSharp in use lacks the epoch counter this scheduler moves (see <see cref="TorchSharpEpochField"/>).</exception>
    public static LrDecayScheduler PerGroup(
        torch.optim.Optimizer optimizer,
        IReadOnlyList<ILearningRateSchedule> schedules,
        ILearningRateSchedule? momentum = null,
        long lastStep = -1,
        IReadOnlyList<PlateauState>? states = null)
    {
        GroupRates rates = GroupRates.PerGroup(Checked(optimizer), schedules, momentum);
        return new LrDecayScheduler(optimizer, rates, schedules, lastStep, states);
    }

    /// <summary>
    /// The name of the internal field of TorchSharp's <c>LRScheduler</c> that holds its epoch counter, which this scheduler reads and
    /// moves (TorchSharp offers no public way to move it). Resolved once; a TorchSharp without it is refused by the constructor.
    /// </summary>
    public const string TorchSharpEpochField = "_last_epoch";

    /// <summary>The schedule (the first group's, when each group has its own).</summary>
    public ILearningRateSchedule Schedule { get; }

    /// <summary>The plateau schedule when <see cref="Schedule"/> is one (with <see cref="PerGroup"/>, the first group's that is one), else null.</summary>
    public PlateauSchedule? Plateau { get; }

    /// <summary>
    /// The plateau state of <see cref="Plateau"/> after the metrics observed so far (the default value without a plateau); set it to
    /// resume. With <see cref="PerGroup"/>, see <see cref="States"/> for every group's.
    /// </summary>
    public PlateauState State
    {
        get => _states[PlateauGroup];
        set
        {
            for (int i = 0; i < _states.Length; i++)
            {
                if (ReferenceEquals(_plateaus[i], Plateau))
                {
                    _states[i] = value;
                }
            }
        }
    }

    /// <summary>The plateau state of each parameter group (the default value for a group whose schedule is no plateau).</summary>
    public IReadOnlyList<PlateauState> States => Array.AsReadOnly((PlateauState[])_states.Clone());

    /// <summary>The step whose rates were applied last: 0 after construction of a fresh run, then one more per <c>step()</c>.</summary>
    public long CurrentStep => _step;

    /// <summary>Sets every group's plateau state (to resume a <see cref="PerGroup"/> run) and applies the rates of the current step.</summary>
    /// <param name="states">One state per parameter group, as <see cref="States"/> gives them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="states"/> is null.</exception>
    /// <exception cref="ArgumentException">The number of states differs from the number of parameter groups.</exception>
    public void SetStates(IReadOnlyList<PlateauState> states)
    {
        SetStatesUnapplied(states);
        SetStep(_step);
    }

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
    /// Observes <paramref name="current"/> in every group whose schedule is a <see cref="PlateauSchedule"/> (other schedules ignore
    /// it, as TorchSharp's do), then advances one step (or jumps to <paramref name="epoch"/>) and applies the rates.
    /// </summary>
    /// <param name="current">The metric of the epoch just finished (a validation loss, say). NaN is never an improvement.</param>
    /// <param name="epoch">The step to jump to, or null to advance by one.</param>
    public override void step(double current, int? epoch = null)
    {
        ObserveEach(current);
        step(epoch);
    }

    /// <summary>
    /// Observes a metric without advancing the step (for a plateau over a schedule stepped per batch) and applies the rates of the
    /// current step in the new state at once.
    /// </summary>
    /// <param name="metric">The metric of the epoch just finished.</param>
    /// <exception cref="InvalidOperationException">No group's schedule is a <see cref="PlateauSchedule"/>.</exception>
    public void Observe(double metric)
    {
        if (Plateau is null)
        {
            throw new InvalidOperationException($"Observe needs a plateau schedule; this scheduler's schedule is {Schedule.GetType().Name}.");
        }

        ObserveEach(metric);
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
        EpochField.Value.SetValue(this, unchecked((int)(step - 1)));
        this.step();
    }

    /// <summary>The rates of the next step: TorchSharp's counter advanced by one, or moved by a combinator such as <c>SequentialLR</c>.</summary>
    /// <returns>One rate per parameter group.</returns>
    protected override IEnumerable<double> get_lr()
    {
        long expected = _step + 1;
        int observed = (int)EpochField.Value.GetValue(this)!;
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

        return Rates();
    }

    /// <summary>The rates of an explicit <c>step(epoch)</c>.</summary>
    /// <returns>One rate per parameter group.</returns>
    protected override IEnumerable<double> get_closed_form_lr()
    {
        _step = _explicitStep ?? (int)EpochField.Value.GetValue(this)!;
        return Rates();
    }

    private List<double> Rates()
    {
        var rates = new List<double>(_rates.Count);
        for (int i = 0; i < _rates.Count; i++)
        {
            PlateauSchedule? plateau = _plateaus[i];
            rates.Add(plateau is null ? _rates.RateOf(i, _step) : _rates.RateOf(i, plateau, _states[i], _step));
        }

        return rates;
    }

    /// <summary>The group whose state <see cref="State"/> reads: the first with a plateau, else 0.</summary>
    private int PlateauGroup => Math.Max(0, Array.FindIndex(_plateaus, p => p is not null));

    private void ObserveEach(double metric)
    {
        for (int i = 0; i < _plateaus.Length; i++)
        {
            PlateauSchedule? plateau = _plateaus[i];
            if (plateau is not null)
            {
                _states[i] = plateau.Observe(_states[i], metric);
            }
        }
    }

    private void SetStatesUnapplied(IReadOnlyList<PlateauState> states)
    {
        if (states is null)
        {
            throw new ArgumentNullException(nameof(states));
        }

        if (states.Count != _states.Length)
        {
            throw new ArgumentException(
                $"states has {states.Count} states for {_states.Length} parameter groups: give one state per group, as States gives them.",
                nameof(states));
        }

        for (int i = 0; i < _states.Length; i++)
        {
            _states[i] = states[i];
        }
    }

    /// <summary>Checks the optimizer, and that this TorchSharp has the epoch counter the scheduler moves.</summary>
    private static torch.optim.Optimizer Checked(torch.optim.Optimizer optimizer)
    {
        GroupRates.GroupsOf(optimizer);
        _ = EpochField.Value;
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

    /// <summary>TorchSharp's epoch counter field, resolved once, or a clear refusal naming the TorchSharp version in use.</summary>
    internal static class EpochField
    {
        private static readonly Lazy<FieldInfo> Cache = new(Resolve);

        internal static FieldInfo Value => Cache.Value;

        private static FieldInfo Resolve() => Resolve(typeof(torch.optim.lr_scheduler.LRScheduler));

        /// <summary>The epoch field of <paramref name="schedulerType"/>, or the refusal that names its assembly's version.</summary>
        internal static FieldInfo Resolve(Type schedulerType)
        {
            FieldInfo? field = schedulerType.GetField(TorchSharpEpochField, BindingFlags.Instance | BindingFlags.NonPublic);
            if (field is null || field.FieldType != typeof(int))
            {
                string version = schedulerType.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                    ?? schedulerType.Assembly.GetName().Version?.ToString()
                    ?? "unknown";
                throw new NotSupportedException(
                    $"LrDecay.TorchSharp cannot drive TorchSharp {version}: its LRScheduler has no int field '{TorchSharpEpochField}' "
                    + "(the epoch counter this scheduler moves). This LrDecay.TorchSharp supports TorchSharp 0.107; "
                    + "use OptimizerScheduleExtensions.SetLearningRate, which needs no scheduler, or a TorchSharp it supports.");
            }

            return field;
        }
    }
}
