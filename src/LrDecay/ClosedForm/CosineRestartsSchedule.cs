using System.ComponentModel;
using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Cosine decay with warm restarts (SGDR): period <c>i</c> lasts <c>firstDecaySteps * tMul^i</c> steps and runs
/// <c>lr = minLr + (initialLr - minLr) * mMul^i * h</c> (<c>mMulMode</c> "range") or <c>lr = minLr + (initialLr * mMul^i - minLr) * h</c>
/// ("peak"), <c>h = (1 + cos(pi * f^kDecay)) / 2</c>, <c>f</c> the fraction of period <c>i</c> done; periods
/// <c>i &gt;= cycleLimit</c> hold <c>minLr</c> when <c>cycleLimit &gt; 0</c>.
/// </summary>
/// <remarks>
/// Keras <c>CosineDecayRestarts</c> (<c>alpha = minLr / initialLr</c>; the defaults <c>kDecay = 1</c>, <c>cycleLimit = 0</c>,
/// "range"); PyTorch <c>CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)</c> is <c>mMul = 1</c> with an integer <c>tMul</c>; timm
/// <c>CosineLRScheduler(t_initial, lr_min, cycle_mul, cycle_decay, cycle_limit, k_decay)</c> is <c>firstDecaySteps</c>, <c>minLr</c>,
/// <c>tMul</c>, <c>mMul</c> with "peak", <c>cycleLimit</c> (timm's default is 1, ours 0 = no limit) and <c>kDecay</c>.
/// The period index is exact: the largest <c>i</c> with <c>firstDecaySteps * S(i) &lt;= t</c>, <c>S(i) = (tMul^i - 1) / (tMul - 1)</c>
/// (<c>i</c> when <c>tMul = 1</c>), in integer arithmetic when <c>tMul</c> is a whole number (Keras and timm take it from a logarithm,
/// which can fall one period short at a restart).
/// JSON: <c>{"type":"cosineRestarts","initialLr":0.2,"firstDecaySteps":30,"tMul":2,"mMul":0.9,"minLr":0}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CosineRestartsSchedule : ILearningRateSchedule, IBatchSchedule
{
    private const int CachedPeriods = 64;
    private const int MaxCachedPeriods = 1024;
    private const int MaxTabulatedPeriods = 4096;
    private readonly double _range;
    private readonly double _peakBase;
    private readonly double _peakOffset;
    private readonly long _periodLimit;
    private readonly bool _kDecayed;
    private readonly Power _phasePower;

    /// <summary>The ramp of the power in one kernel, for a <see cref="KDecay"/> it serves (<see cref="PowerRamp.Serves"/>); else null.</summary>
    private readonly PowerRamp? _powerRamp;
    private readonly double[] _peakRanges;
    private readonly double _zeroPeakRange;
    private readonly double _logMMul;
    private readonly Periods _periods;

    /// <summary>The rates of a fractional <see cref="TMul"/> (timm's restarts) in float64, called directly; else null.</summary>
    private readonly FractionalRates? _fractional;
    private readonly KerasFloat32.CosineDecayRestarts? _float32;

    /// <summary>Creates a cosine schedule with warm restarts.</summary>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="firstDecaySteps">The length of the first period. Range: <c>&gt; 0</c>.</param>
    /// <param name="tMul">The factor by which each period is longer than the one before. Range: finite, <c>&gt;= 1</c>. Default 2.</param>
    /// <param name="mMul">The factor by which each restart's peak above <paramref name="minLr"/> is lower. Range: <c>(0, 1]</c>. Default 1.</param>
    /// <param name="minLr">The learning rate each period decays to. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="kDecay">The exponent of each period's cosine phase <c>f^kDecay</c>. Range: finite, <c>&gt; 0</c>. Default 1.</param>
    /// <param name="cycleLimit">The number of periods run; from period <paramref name="cycleLimit"/> on the rate holds <paramref name="minLr"/>.
    /// Range: 0 (no limit) or <c>&gt;= 1</c>. Default 0.</param>
    /// <param name="mMulMode">What <paramref name="mMul"/> scales: the range above <paramref name="minLr"/> (Keras) or the peak (timm).
    /// Default <see cref="MMulMode.Range"/>.</param>
    /// <param name="precision">
    /// <see cref="Precision.Float32"/> computes as Keras 3 <c>CosineDecayRestarts</c> does with float32 (<c>alpha = minLr / initialLr</c>
    /// in double, so <paramref name="minLr"/> must be 0 when <paramref name="initialLr"/> is; the fraction of the period, the powers and
    /// each operation rounded to float32), with the exact period index. Default <see cref="Precision.Float64"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A parameter is out of range, or <paramref name="precision"/> is float32 with <paramref name="kDecay"/> other than 1,
    /// <paramref name="cycleLimit"/> other than 0 or <paramref name="mMulMode"/> peak (Keras has none of them); the message names it and
    /// its value.
    /// </exception>
    public CosineRestartsSchedule(
        double initialLr,
        long firstDecaySteps,
        double tMul = 2.0,
        double mMul = 1.0,
        double minLr = 0.0,
        double kDecay = 1.0,
        long cycleLimit = 0,
        MMulMode mMulMode = MMulMode.Range,
        Precision precision = Precision.Float64)
    {
        Guard.LearningRate(initialLr);
        Guard.PositiveSteps(firstDecaySteps);
        Guard.AtLeastOne(tMul);
        Guard.InUnitInterval(mMul);
        Guard.LearningRate(minLr);
        Guard.Positive(kDecay);
        Guard.NonNegativeSteps(cycleLimit);
        if (mMulMode is not (MMulMode.Range or MMulMode.Peak))
        {
            Guard.ThrowOutOfRange(nameof(mMulMode), mMulMode, "must be 'Range' or 'Peak'");
        }

        InitialLr = initialLr;
        FirstDecaySteps = firstDecaySteps;
        TMul = tMul;
        MMul = mMul;
        MinLr = minLr;
        KDecay = kDecay;
        CycleLimit = cycleLimit;
        MMulMode = mMulMode;
        _range = initialLr - minLr;
        _logMMul = Elementary.Log(mMul);

        // "range" scales initialLr - minLr by mMul^i; "peak" scales initialLr and subtracts minLr after: range = base * mMul^i - offset.
        // With mMul = 1 both are initialLr - minLr, bit for bit.
        _peakBase = mMulMode == MMulMode.Peak ? initialLr : _range;
        _peakOffset = mMulMode == MMulMode.Peak ? minLr : 0.0;
        _peakRanges = PeakRanges();
        _zeroPeakRange = (_peakBase * 0.0) - _peakOffset;
        _periodLimit = cycleLimit == 0 ? long.MaxValue : cycleLimit;
        _kDecayed = kDecay != 1.0;
        _phasePower = new Power(kDecay);
        _powerRamp = PowerRamp.For(kDecay);

        bool float32 = KerasFloat32.IsSelected(precision);
        if (tMul == 1.0)
        {
            _periods = new Periods<EqualPeriods>(this, new EqualPeriods(this));
        }
        else if (tMul == Math.Floor(tMul) && tMul < 1L << 32)
        {
            _periods = new Periods<WholePeriods>(this, new WholePeriods(this));
        }
        else
        {
            var fractional = new FractionalPeriods(this);
            _periods = new Periods<FractionalPeriods>(this, fractional);
            _fractional = float32 ? null : FractionalRates.Create(this, fractional);
        }

        Precision = precision;
        if (float32)
        {
            KerasFloat32.CheckKDecay(kDecay);

            if (cycleLimit != 0)
            {
                Guard.ThrowOutOfRange(nameof(cycleLimit), cycleLimit, "must be '0' with precision float32 (Keras has no cycle limit)");
            }

            if (mMulMode != MMulMode.Range)
            {
                Guard.ThrowOutOfRange(nameof(mMulMode), mMulMode, "must be 'Range' with precision float32 (Keras scales the range)");
            }
        }

        _float32 = float32 ? new KerasFloat32.CosineDecayRestarts(initialLr, firstDecaySteps, tMul, mMul, minLr) : null;
    }

    /// <summary>
    /// Creates a cosine schedule with warm restarts: period <c>i</c> lasts <c>firstDecaySteps * tMul^i</c> steps and runs
    /// <c>lr = minLr + (initialLr - minLr) * mMul^i * (1 + cos(pi * f)) / 2</c>, <c>f</c> the fraction of period <c>i</c> done:
    /// <see cref="CosineRestartsSchedule(double, long, double, double, double, double, long, MMulMode, Precision)"/> with <c>kDecay</c> 1,
    /// no cycle limit, <see cref="MMulMode.Range"/> and <see cref="Precision.Float64"/>.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it builds the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="firstDecaySteps">The length of the first period. Range: <c>&gt; 0</c>.</param>
    /// <param name="tMul">The factor by which each period is longer than the one before. Range: finite, <c>&gt;= 1</c>.</param>
    /// <param name="mMul">The factor by which each restart's peak above <paramref name="minLr"/> is lower. Range: <c>(0, 1]</c>.</param>
    /// <param name="minLr">The learning rate each period decays to. Range: finite, <c>&gt;= 0</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public CosineRestartsSchedule(double initialLr, long firstDecaySteps, double tMul, double mMul, double minLr)
        : this(initialLr, firstDecaySteps, tMul, mMul, minLr, kDecay: 1.0, cycleLimit: 0, mMulMode: MMulMode.Range, precision: Precision.Float64)
    {
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLr { get; }

    /// <summary>The length of the first period.</summary>
    public long FirstDecaySteps { get; }

    /// <summary>The factor by which each period is longer than the one before.</summary>
    public double TMul { get; }

    /// <summary>The factor by which each restart's peak above <see cref="MinLr"/> is lower.</summary>
    public double MMul { get; }

    /// <summary>The learning rate each period decays to.</summary>
    public double MinLr { get; }

    /// <summary>The exponent of each period's cosine phase: <c>f^kDecay</c>, <c>f</c> the fraction of the period done.</summary>
    public double KDecay { get; }

    /// <summary>The number of periods run before the rate holds <see cref="MinLr"/>; 0 for no limit.</summary>
    public long CycleLimit { get; }

    /// <summary>What <see cref="MMul"/> scales: the range above <see cref="MinLr"/> or the peak.</summary>
    public MMulMode MMulMode { get; }

    /// <summary>The arithmetic the rate is computed in.</summary>
    public Precision Precision { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        if (_float32 is not null)
        {
            return _float32.At(step, _periods.Period(step));
        }

        // A fractional tMul through its sealed type, so that the call inlines without a runtime profile (dynamic PGO finds the type
        // itself); the other strategies through the virtual call.
        return _fractional is not null ? _fractional.Evaluate(step, _periods) : _periods.Evaluate(step);
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        if (_float32 is not null)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = _float32.At(firstStep + i, _periods.Period(firstStep + i));
            }

            return;
        }

        _periods.Fill(firstStep, destination);
    }

    /// <summary>
    /// The first step of period <see cref="CycleLimit"/>, from which the rate holds <see cref="MinLr"/>; null without a cycle limit, or
    /// when that period starts past <see cref="long.MaxValue"/>.
    /// </summary>
    internal long? HoldsMinLrFrom() => CycleLimit == 0 ? null : _periods.FirstStepOf(CycleLimit);

    /// <summary><c>(1 + cos(pi * f^kDecay)) / 2</c> for the fraction <paramref name="fraction"/> of a period done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Ramp(double fraction) =>
        _powerRamp is not null ? _powerRamp.Of(fraction) : HalfCosine.Of(_kDecayed ? _phasePower.Of(fraction) : fraction);

    /// <summary>
    /// <see cref="Ramp"/> at step <paramref name="within"/> of a period of <paramref name="length"/> whole steps (a <c>kDecay</c> other
    /// than 1): with the ramp of the power in one kernel, from the whole numbers (<see cref="PowerRamp.OfSteps"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double RampOfSteps(long within, long length) =>
        _powerRamp is not null ? _powerRamp.OfSteps(within, length) : Ramp((double)within / length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double PeakRange(long period)
    {
        double[] peakRanges = _peakRanges;
        if ((ulong)period < (ulong)peakRanges.Length)
        {
            return peakRanges[period];
        }

        if (MMul == 1.0)
        {
            return _range;
        }

        // Past the table the exp; once its argument is below -746 the exp is 0 (e^-746 is below half the smallest subnormal), said
        // straight away, as the runtime's exp takes a slow path to underflow.
        double exponent = period * _logMMul;
        return exponent < Power.ExpUnderflow ? _zeroPeakRange : (_peakBase * Elementary.Exp(exponent)) - _peakOffset;
    }

    /// <summary>
    /// The peak range of period <paramref name="period"/> for <see cref="FractionalPeriods.Table"/>: from the table of peaks, or the range
    /// for every period when <c>mMul = 1</c>; 0 past the table of peaks otherwise (<see cref="FractionalRates"/> serves none of those).
    /// </summary>
    private double TabulatedPeakRange(int period) =>
        period < _peakRanges.Length ? _peakRanges[period] : MMul == 1.0 ? _range : 0.0;

    /// <summary><c>minLr + PeakRange(period) * ramp</c> for a period past the table of peaks; out of line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double RateBeyondTable(long period, double ramp) => MinLr + (PeakRange(period) * ramp);

    /// <summary>
    /// <c>base * mMul^i - offset</c> as <see cref="PeakRange"/> gives it (<c>(initialLr - minLr) * mMul^i</c> in "range" mode,
    /// <c>initialLr * mMul^i - minLr</c> in "peak" mode): by <see cref="Elementary.Pow"/> for the first 64 periods, then by
    /// <see cref="Elementary.Exp"/>, for up to 1024 periods or until <c>base * mMul^i</c> reaches 0 (one entry when <c>mMul = 1</c>).
    /// </summary>
    private double[] PeakRanges()
    {
        var values = new List<double>();
        for (int i = 0; i < (MMul == 1.0 ? 1 : MaxCachedPeriods); i++)
        {
            double scaled = i < CachedPeriods ? _peakBase * Elementary.Pow(MMul, i) : _peakBase * Elementary.Exp(i * _logMMul);
            values.Add(scaled - _peakOffset);
            if (scaled == 0.0)
            {
                break;
            }
        }

        return values.ToArray();
    }

    /// <summary>
    /// How the steps fall into periods, one strategy for each kind of <see cref="TMul"/> (<see cref="EqualPeriods"/>,
    /// <see cref="WholePeriods"/>, <see cref="FractionalPeriods"/>): the period of a step and how far into it the step is, and the ramp
    /// there. The rate is said once, in <see cref="Periods{T}.Evaluate"/>: <see cref="MinLr"/> from period <see cref="CycleLimit"/>
    /// on, as soon as the period is known (before the ramp, a power and a cosine, that it would not use).
    /// </summary>
    private abstract class Periods
    {
        /// <summary>The rate at <paramref name="step"/>.</summary>
        internal abstract double Evaluate(long step);

        /// <summary>The rates of steps <c>firstStep ..</c>, one per element of <paramref name="destination"/>.</summary>
        internal abstract void Fill(long firstStep, Span<double> destination);

        /// <summary>The period index of <paramref name="step"/>, as <see cref="Evaluate"/> finds it.</summary>
        internal abstract long Period(long step);

        /// <summary>The first step of period <paramref name="period"/> (&gt; 0), or null when it starts past <see cref="long.MaxValue"/>.</summary>
        internal abstract long? FirstStepOf(long period);
    }

    /// <summary>The rates through strategy <typeparamref name="T"/>, a struct, so that its calls are direct in the loop of <see cref="Fill"/>.</summary>
    /// <typeparam name="T">The strategy.</typeparam>
    private sealed class Periods<T> : Periods
        where T : struct, IPeriodStrategy
    {
        private readonly CosineRestartsSchedule _schedule;

        // Not readonly: a readonly field of a type parameter is copied before each call (the compiler cannot see that every strategy
        // is a readonly struct); as a plain field it is called in place. Nothing assigns it after the constructor.
#pragma warning disable IDE0044
        private T _strategy;
#pragma warning restore IDE0044

        internal Periods(CosineRestartsSchedule schedule, T strategy)
        {
            _schedule = schedule;
            _strategy = strategy;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal override double Evaluate(long step)
        {
            CosineRestartsSchedule s = _schedule;
            long period = _strategy.LocateNear(step, out Position position);
            if (period < 0)
            {
                return Far(step);
            }

            if (period >= s._periodLimit)
            {
                return s.MinLr;
            }

            // The ramp first, then the peak, from its table or (past it, out of line) from the ramp passed along: no value is kept
            // across a call the hot path does not make.
            double ramp = _strategy.Ramp(period, position);
            double[] peakRanges = s._peakRanges;
            return (ulong)period < (ulong)peakRanges.Length ? s.MinLr + (peakRanges[period] * ramp) : s.RateBeyondTable(period, ramp);
        }

        /// <summary><see cref="Evaluate"/> where <see cref="IPeriodStrategy.LocateNear"/> does not find the period; out of line.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private double Far(long step)
        {
            CosineRestartsSchedule s = _schedule;
            long period = _strategy.Locate(step, out Position position);
            return period >= s._periodLimit ? s.MinLr : s.MinLr + (s.PeakRange(period) * _strategy.Ramp(period, position));
        }

        internal override void Fill(long firstStep, Span<double> destination)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = Evaluate(firstStep + i);
            }
        }

        internal override long Period(long step) => _strategy.Locate(step, out _);

        internal override long? FirstStepOf(long period) => _strategy.FirstStepOf(period);
    }

    /// <summary>One way of finding periods; see <see cref="Periods"/>.</summary>
    private interface IPeriodStrategy
    {
        /// <summary>The period of <paramref name="step"/>, and where in it the step is.</summary>
        long Locate(long step, out Position position);

        /// <summary>
        /// <see cref="Locate"/> by the short way only, inlined: -1 where it does not serve (past a table), so that the caller takes
        /// <see cref="Locate"/> out of line.
        /// </summary>
        long LocateNear(long step, out Position position);

        /// <summary><c>(1 + cos(pi * f^kDecay)) / 2</c> at <paramref name="position"/> in period <paramref name="period"/>.</summary>
        double Ramp(long period, in Position position);

        /// <summary>The first step of period <paramref name="period"/> (&gt; 0), or null when it starts past <see cref="long.MaxValue"/>.</summary>
        long? FirstStepOf(long period);
    }

    /// <summary>Where a step lies in its period: the steps since the period started, or the fraction of it done.</summary>
    private readonly struct Position
    {
        internal Position(long within, double fraction)
        {
            Within = within;
            Fraction = fraction;
        }

        /// <summary>The steps since the period started (whole starts).</summary>
        internal long Within { get; }

        /// <summary>The fraction of the period done (fractional starts).</summary>
        internal double Fraction { get; }
    }

    /// <summary><c>tMul = 1</c>: every period lasts <see cref="FirstDecaySteps"/>; the period is a quotient.</summary>
    private readonly struct EqualPeriods : IPeriodStrategy
    {
        private CosineRestartsSchedule Schedule { get; }

        private readonly StepDivisor _periods;
        private readonly double _piOver2;

        internal EqualPeriods(CosineRestartsSchedule schedule)
        {
            Schedule = schedule;
            _periods = new StepDivisor(schedule.FirstDecaySteps);
            _piOver2 = HalfCosine.PiOver2N(schedule.FirstDecaySteps);
        }

        public long? FirstStepOf(long period) =>
            period > long.MaxValue / Schedule.FirstDecaySteps ? null : period * Schedule.FirstDecaySteps;

        public long LocateNear(long step, out Position position) => Locate(step, out position);

        public long Locate(long step, out Position position)
        {
            long period = _periods.Quotient(step, out long within);
            position = new Position(within, 0.0);
            return period;
        }

        // With kDecay = 1 the ramp is taken from the steps where they are whole numbers (as in version 1); otherwise from the
        // fraction f of the period done, raised to kDecay (timm's t_curr^k / t_i^k).
        public double Ramp(long period, in Position position)
        {
            CosineRestartsSchedule s = Schedule;
            return s._kDecayed
                ? s.RampOfSteps(position.Within, s.FirstDecaySteps)
                : HalfCosine.OfSteps(position.Within, s.FirstDecaySteps, _piOver2);
        }
    }

    /// <summary>A whole <c>tMul &gt; 1</c>: the period starts are whole numbers, tabulated while they fit in a long.</summary>
    private readonly struct WholePeriods : IPeriodStrategy
    {
        private CosineRestartsSchedule Schedule { get; }

        private readonly long[] _starts;
        private readonly double[] _piOver2Lengths;
        private readonly double _lastLength;

        internal WholePeriods(CosineRestartsSchedule schedule)
        {
            Schedule = schedule;
            _starts = WholeStarts(schedule.FirstDecaySteps, (long)schedule.TMul);
            _piOver2Lengths = new double[_starts.Length - 1];
            for (int i = 0; i < _piOver2Lengths.Length; i++)
            {
                _piOver2Lengths[i] = HalfCosine.PiOver2N(_starts[i + 1] - _starts[i]);
            }

            // The last period starts at a step a long holds but ends past long.MaxValue: its length, once.
            _lastLength = schedule.FirstDecaySteps * Elementary.Pow(schedule.TMul, _piOver2Lengths.Length);
        }

        public long? FirstStepOf(long period) => period < _starts.Length ? _starts[period] : null;

        public long LocateNear(long step, out Position position) => Locate(step, out position);

        public long Locate(long step, out Position position)
        {
            int i = Guard.CountAtMost(_starts, step) - 1;
            position = new Position(step - _starts[i], 0.0);
            return i;
        }

        public double Ramp(long period, in Position position)
        {
            CosineRestartsSchedule s = Schedule;
            int i = (int)period;
            if (i < _piOver2Lengths.Length)
            {
                long length = _starts[i + 1] - _starts[i];
                return s._kDecayed
                    ? s.RampOfSteps(position.Within, length)
                    : HalfCosine.OfSteps(position.Within, length, _piOver2Lengths[i]);
            }

            return s.Ramp(position.Within / _lastLength);
        }

        /// <summary>Period starts <c>firstDecaySteps * (tMul^i - 1) / (tMul - 1)</c> while they fit in a long.</summary>
        private static long[] WholeStarts(long first, long tMul)
        {
            var starts = new List<long> { 0 };
            long length = first;
            long start = 0;
            while (true)
            {
                if (start > long.MaxValue - length)
                {
                    break;
                }

                start += length;
                starts.Add(start);
                if (length > long.MaxValue / tMul)
                {
                    break;
                }

                length *= tMul;
            }

            return starts.ToArray();
        }
    }

    /// <summary>
    /// A <c>tMul &gt; 1</c> that is not whole: period <c>i</c> starts at <c>firstDecaySteps * (tMul^i - 1) / (tMul - 1)</c> in doubles,
    /// tabulated for the periods that begin at a step a long holds; the fraction of the period done is a product.
    /// </summary>
    private readonly struct FractionalPeriods : IPeriodStrategy
    {
        private CosineRestartsSchedule Schedule { get; }

        private readonly double _logTMul;

        /// <summary>The last tabulated start: steps from it on take <see cref="BeyondTable"/>.</summary>
        private readonly double _tableEnd;

        internal FractionalPeriods(CosineRestartsSchedule schedule)
        {
            Schedule = schedule;
            _logTMul = Elementary.Log(schedule.TMul);
            (double[] starts, double[] inverseLengths) = FractionalTable();
            Table = new TabulatedPeriod[starts.Length];
            for (int i = 0; i < starts.Length; i++)
            {
                Table[i] = new TabulatedPeriod(starts[i], inverseLengths[i], schedule.TabulatedPeakRange(i));
            }

            _tableEnd = starts[starts.Length - 1];
            OctavePeriods = Octaves(starts);
        }

        /// <summary>Per tabulated period: its start, the reciprocal of its length and its peak range.</summary>
        internal TabulatedPeriod[] Table { get; }

        /// <summary>Per binary exponent of a step, the first and last periods it can lie in (low and high 32 bits).</summary>
        internal long[] OctavePeriods { get; }

        /// <summary>
        /// The largest <c>i</c> with <c>Start(i) &lt;= t</c> for a step <paramref name="step"/> (as the double <paramref name="t"/>) below
        /// the last start of <paramref name="table"/>: between the entries of its octave in <paramref name="octaves"/>
        /// (<c>e = floor(log2(step))</c>, so <c>2^e &lt;= t &lt;= 2^(e+1)</c>). The table holds <c>Start(i)</c> as <see cref="Start"/>
        /// computes it, so the result is the same.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static int PeriodAt(long step, double t, long[] octaves, TabulatedPeriod[] table)
        {
            long octave = octaves[BitMath.Log2((ulong)step)];
            int lo = (int)octave;
            int hi = (int)(octave >> 32);
            while (lo < hi)
            {
                int mid = (int)((uint)(lo + hi + 1) >> 1);
                if (table[mid].Start <= t)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return lo;
        }

        public long? FirstStepOf(long period)
        {
            // The start in doubles, then walked to the first step where the period found is this one (as Locate rounds).
            double estimate = Start(period);
            if (!(estimate < long.MaxValue - 2.0))
            {
                return null;
            }

            long step = Math.Max(0, (long)Math.Ceiling(estimate) - 2);
            while (Locate(step, out _) < period)
            {
                if (step == long.MaxValue)
                {
                    return null;
                }

                step++;
            }

            return step;
        }

        public long Locate(long step, out Position position)
        {
            long period = LocateNear(step, out position);
            if (period < 0)
            {
                double fraction;
                (period, fraction) = BeyondTable(step);
                position = new Position(0, fraction);
            }

            return period;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long LocateNear(long step, out Position position)
        {
            double t = step;
            // The table always holds Start(0) = 0.
            if (!(t < _tableEnd))
            {
                position = default;
                return -1;
            }

            TabulatedPeriod[] table = Table;
            int period = PeriodAt(step, t, OctavePeriods, table);
            position = new Position(0, table[period].Fraction(t));
            return period;
        }

        public double Ramp(long period, in Position position) => Schedule.Ramp(position.Fraction);

        private double Start(long i) => Schedule.FirstDecaySteps * ((Elementary.Pow(Schedule.TMul, i) - 1.0) / (Schedule.TMul - 1.0));

        /// <summary>
        /// <see cref="Start"/> and the reciprocals of the period lengths for as many periods as begin at a step a long can hold (at most
        /// <see cref="MaxTabulatedPeriods"/>), so that finding the period is a short search rather than a logarithm and powers, and the
        /// fraction done is a product.
        /// </summary>
        private (double[] Starts, double[] InverseLengths) FractionalTable()
        {
            var starts = new List<double>();
            var inverseLengths = new List<double>();
            for (long i = 0; i < MaxTabulatedPeriods; i++)
            {
                double start = Start(i);
                if (!(start <= long.MaxValue) || (i > 0 && !(start > starts[starts.Count - 1])))
                {
                    break;
                }

                starts.Add(start);
                inverseLengths.Add(1.0 / (Schedule.FirstDecaySteps * Elementary.Pow(Schedule.TMul, i)));
            }

            return (starts.ToArray(), inverseLengths.ToArray());
        }

        /// <summary>
        /// For each binary exponent <c>e</c> of a step (0 to 63), the periods a step <c>t</c> with <c>floor(log2(t)) = e</c> can lie in:
        /// from the largest <c>i</c> with <c>starts[i] &lt;= 2^e</c> (<c>0</c> for <c>e = 0</c>, whose steps are 0 and 1) to the largest with
        /// <c>starts[i] &lt;= 2^(e+1)</c>, packed as the low and high 32 bits.
        /// </summary>
        private static long[] Octaves(double[] starts)
        {
            var firsts = new long[65];
            int i = 0;
            for (int e = 1; e < firsts.Length; e++)
            {
                double bound = e < 64 ? DoubleDouble.PowerOfTwo(e) : 18446744073709551616.0;
                while (i + 1 < starts.Length && starts[i + 1] <= bound)
                {
                    i++;
                }

                firsts[e] = i;
            }

            var octaves = new long[64];
            for (int e = 0; e < octaves.Length; e++)
            {
                octaves[e] = firsts[e] | (firsts[e + 1] << 32);
            }

            return octaves;
        }

        /// <summary>
        /// A tabulated period's start, the reciprocal of its length and its peak range (0 past the table of peaks, where only the
        /// general path goes: see <see cref="TabulatedPeakRange"/>).
        /// </summary>
        internal readonly struct TabulatedPeriod
        {
            internal TabulatedPeriod(double start, double inverseLength, double peakRange)
            {
                Start = start;
                InverseLength = inverseLength;
                PeakRange = peakRange;
            }

            internal double Start { get; }

            internal double InverseLength { get; }

            internal double PeakRange { get; }

            /// <summary>
            /// The fraction of the period done at <paramref name="t"/> (<c>Start &lt;= t</c>, so not negative), at most 1: the product
            /// can pass 1 by a rounding where the next start and the length disagree.
            /// </summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal double Fraction(double t)
            {
                double fraction = (t - Start) * InverseLength;
                return fraction > 1.0 ? 1.0 : fraction;
            }
        }

        /// <summary><see cref="Locate"/> past the table: Keras' estimate of the period, then a walk to the exact one. Out of line.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private (long Period, double Fraction) BeyondTable(long step)
        {
            double t = step;
            double c = t / Schedule.FirstDecaySteps;
            // Keras' estimate of the period index; when c * (tMul - 1) overflows (a huge tMul), the log of the product instead, so the
            // estimate stays finite and the walks below take a step or two rather than counting down from long.MaxValue.
            double growth = c * (Schedule.TMul - 1.0);
            double estimate = Math.Floor((double.IsInfinity(growth) ? Elementary.Log(c) + Elementary.Log(Schedule.TMul - 1.0) : Elementary.Log(1.0 + growth)) / _logTMul);
            long i = estimate > 0.0 ? (long)estimate : 0;

            while (i > 0 && Start(i) > t)
            {
                i--;
            }

            while (Start(i + 1) <= t)
            {
                i++;
            }

            double fraction = (t - Start(i)) / (Schedule.FirstDecaySteps * Elementary.Pow(Schedule.TMul, i));
            return (i, Math.Min(Math.Max(fraction, 0.0), 1.0));
        }
    }

    /// <summary>
    /// The rates of a fractional <see cref="TMul"/> (timm's restarts) for the periods whose start, length and peak are all tabulated and
    /// which run before <see cref="CycleLimit"/>: their entries of <see cref="FractionalPeriods.Table"/> hold all three, so a step costs
    /// the octave search, a product and the ramp, with none of the general path's other checks. Steps from the first period outside
    /// take the general path. The same operations as the general path, so the same bits.
    /// </summary>
    private sealed class FractionalRates
    {
        private readonly FractionalPeriods.TabulatedPeriod[] _table;
        private readonly long[] _octaves;

        /// <summary>The start of the first period not served.</summary>
        private readonly double _end;
        private readonly double _minLr;
        private readonly PowerRamp? _powerRamp;

        private FractionalRates(FractionalPeriods periods, double end, double minLr, PowerRamp? powerRamp)
        {
            _table = periods.Table;
            _octaves = periods.OctavePeriods;
            _end = end;
            _minLr = minLr;
            _powerRamp = powerRamp;
        }

        /// <summary>
        /// The rates for <paramref name="schedule"/> from its period table, or null when they would serve no period (or a <c>kDecay</c>
        /// that <see cref="PowerRamp"/> does not serve, which the general path takes).
        /// </summary>
        internal static FractionalRates? Create(CosineRestartsSchedule schedule, FractionalPeriods periods)
        {
            // Periods 0 .. served - 1 are served; the start of period `served` ends them. With mMul = 1 every peak range is the range.
            long peaks = schedule.MMul == 1.0 ? int.MaxValue : schedule._peakRanges.Length;
            long served = Math.Min(Math.Min(periods.Table.Length - 1, peaks), schedule._periodLimit);
            if (served < 1 || (schedule._kDecayed && schedule._powerRamp is null))
            {
                return null;
            }

            return new FractionalRates(periods, periods.Table[served].Start, schedule.MinLr, schedule._powerRamp);
        }

        /// <summary>The rate at <paramref name="step"/>; from the first period not served, by <paramref name="general"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal double Evaluate(long step, Periods general)
        {
            double t = step;
            if (!(t < _end))
            {
                return general.Evaluate(step);
            }

            // t is below the start of the first period not served, so the period found is served.
            FractionalPeriods.TabulatedPeriod[] table = _table;
            ref readonly FractionalPeriods.TabulatedPeriod period = ref table[FractionalPeriods.PeriodAt(step, t, _octaves, table)];
            double f = period.Fraction(t);
            double ramp = _powerRamp is null ? HalfCosine.Of(f) : _powerRamp.Of(f);
            return _minLr + (period.PeakRange * ramp);
        }
    }
}
