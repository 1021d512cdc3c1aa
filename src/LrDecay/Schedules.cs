using System.ComponentModel;

namespace LrDecay;

/// <summary>
/// Factories for every schedule, named as the JSON types are: <c>Schedules.Cosine(initialLr: 3e-4, decaySteps: 10_000)</c>.
/// </summary>
/// <remarks>Compose them with the verbs of <see cref="ScheduleExtensions"/>: <c>.WithWarmup(500).Clamped(minLr: 1e-6)</c>.</remarks>
/// <threadsafety>All members are safe to call from any thread; every schedule they return is immutable.</threadsafety>
public static class Schedules
{
    /// <summary>Constant: <c>lr(t) = lr</c>. See <see cref="ConstantSchedule"/>.</summary>
    /// <param name="lr">The learning rate. Range: finite, <c>&gt;= 0</c>.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="ConstantSchedule(double)" path="/exception"/>
    public static ConstantSchedule Constant(double lr) => new(lr);

    /// <summary>Step decay: <c>lr(t) = initialLr * gamma^floor(t / stepSize)</c>. See <see cref="StepSchedule"/>.</summary>
    /// <param name="initialLr">The learning rate before the first drop.</param>
    /// <param name="stepSize">Steps between drops. Range: <c>&gt; 0</c>.</param>
    /// <param name="gamma">Factor applied at each drop. Range: <c>(0, 1]</c>.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="StepSchedule(double, long, double)" path="/exception"/>
    public static StepSchedule Step(double initialLr, long stepSize, double gamma) => new(initialLr, stepSize, gamma);

    /// <summary>Multi-step decay: <c>lr(t) = initialLr * gamma^k</c>, <c>k</c> milestones <c>&lt;= t</c>. See <see cref="MultiStepSchedule"/>.</summary>
    /// <param name="initialLr">The learning rate before the first milestone.</param>
    /// <param name="milestones">Strictly increasing steps, each <c>&gt; 0</c>.</param>
    /// <param name="gamma">Factor applied at each milestone. Range: <c>(0, 1]</c>.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="MultiStepSchedule(double, IEnumerable{long}, double)" path="/exception"/>
    public static MultiStepSchedule MultiStep(double initialLr, IEnumerable<long> milestones, double gamma) => new(initialLr, milestones, gamma);

    /// <summary>Piecewise constant: <c>values[i]</c> for the first <c>i</c> with <c>t &lt;= boundaries[i]</c>. See <see cref="PiecewiseConstantSchedule"/>.</summary>
    /// <param name="boundaries">Strictly increasing steps, each <c>&gt;= 0</c>.</param>
    /// <param name="values">One more value than boundaries.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="PiecewiseConstantSchedule(IEnumerable{long}, IEnumerable{double})" path="/exception"/>
    public static PiecewiseConstantSchedule PiecewiseConstant(IEnumerable<long> boundaries, IEnumerable<double> values) => new(boundaries, values);

    /// <summary>Exponential decay: <c>lr(t) = initialLr * decayRate^(t / decaySteps)</c>. See <see cref="ExponentialSchedule"/>.</summary>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="decayRate">The factor per <paramref name="decaySteps"/>. Range: <c>(0, 1]</c>.</param>
    /// <param name="decaySteps">Range: <c>&gt; 0</c>. Default 1 (PyTorch <c>ExponentialLR</c>).</param>
    /// <param name="staircase">Floor the exponent.</param>
    /// <param name="precision"><see cref="Precision.Float32"/> computes as Keras 3 does with float32. Default <see cref="Precision.Float64"/>.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="ExponentialSchedule(double, double, long, bool, Precision)" path="/exception"/>
    public static ExponentialSchedule Exponential(
        double initialLr, double decayRate, long decaySteps = 1, bool staircase = false, Precision precision = Precision.Float64) =>
        new(initialLr, decayRate, decaySteps, staircase, precision);

    /// <summary>
    /// Exponential decay: <c>lr(t) = initialLr * decayRate^(t / decaySteps)</c>, the exponent floored when <paramref name="staircase"/>;
    /// <see cref="Exponential(double, double, long, bool, Precision)"/> with <see cref="Precision.Float64"/>.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it returns the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="decayRate">The factor per <paramref name="decaySteps"/>. Range: <c>(0, 1]</c>.</param>
    /// <param name="decaySteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="staircase">Floor the exponent.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="ExponentialSchedule(double, double, long, bool)" path="/exception"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ExponentialSchedule Exponential(double initialLr, double decayRate, long decaySteps, bool staircase) =>
        Exponential(initialLr, decayRate, decaySteps, staircase, precision: Precision.Float64);

    /// <summary>Exponential decay from a continuous rate: <c>lr(t) = initialLr * e^(-k t)</c> (<c>decayRate = e^(-k)</c>).</summary>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="k">The decay rate per step. Range: finite, <c>&gt;= 0</c>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative, not finite, or so large that <c>e^(-k)</c> is 0.</exception>
    /// <inheritdoc cref="ExponentialSchedule(double, double, long, bool, Precision)" path="/exception"/>
    public static ExponentialSchedule ExponentialFromRate(double initialLr, double k)
    {
        Internal.Guard.NonNegative(k);
        double rate = Internal.Elementary.Exp(-k);
        if (rate == 0.0)
        {
            Internal.Guard.ThrowOutOfRange(nameof(k), k, "is so large that e^(-k) is 0");
        }

        return new ExponentialSchedule(initialLr, rate);
    }

    /// <summary>Inverse-time decay: <c>lr(t) = initialLr / (1 + decayRate * t / decaySteps)</c>. See <see cref="InverseTimeSchedule"/>.</summary>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="decayRate">Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">Range: <c>&gt; 0</c>. Default 1.</param>
    /// <param name="staircase">Floor <c>t / decaySteps</c>.</param>
    /// <param name="precision"><see cref="Precision.Float32"/> computes as Keras 3 does with float32. Default <see cref="Precision.Float64"/>.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="InverseTimeSchedule(double, double, long, bool, Precision)" path="/exception"/>
    public static InverseTimeSchedule InverseTime(
        double initialLr, double decayRate, long decaySteps = 1, bool staircase = false, Precision precision = Precision.Float64) =>
        new(initialLr, decayRate, decaySteps, staircase, precision);

    /// <summary>
    /// Inverse-time decay: <c>lr(t) = initialLr / (1 + decayRate * t / decaySteps)</c>, <c>t / decaySteps</c> floored when
    /// <paramref name="staircase"/>; <see cref="InverseTime(double, double, long, bool, Precision)"/> with <see cref="Precision.Float64"/>.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it returns the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="decayRate">Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="staircase">Floor <c>t / decaySteps</c>.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="InverseTimeSchedule(double, double, long, bool)" path="/exception"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static InverseTimeSchedule InverseTime(double initialLr, double decayRate, long decaySteps, bool staircase) =>
        InverseTime(initialLr, decayRate, decaySteps, staircase, precision: Precision.Float64);

    /// <summary>Polynomial decay: <c>lr(t) = (initialLr - endLr) * (1 - s/D)^power + endLr</c>. See <see cref="PolynomialSchedule"/>.</summary>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="decaySteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="endLr">Default 0.</param>
    /// <param name="power">Range: <c>&gt; 0</c>. Default 1.</param>
    /// <param name="cycle">Restart after each <paramref name="decaySteps"/>.</param>
    /// <param name="precision"><see cref="Precision.Float32"/> computes as Keras 3 does with float32. Default <see cref="Precision.Float64"/>.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="PolynomialSchedule(double, long, double, double, bool, Precision)" path="/exception"/>
    public static PolynomialSchedule Polynomial(
        double initialLr, long decaySteps, double endLr = 0.0, double power = 1.0, bool cycle = false, Precision precision = Precision.Float64) =>
        new(initialLr, decaySteps, endLr, power, cycle, precision);

    /// <summary>
    /// Polynomial decay: <c>lr(t) = (initialLr - endLr) * (1 - s/D)^power + endLr</c>;
    /// <see cref="Polynomial(double, long, double, double, bool, Precision)"/> with <see cref="Precision.Float64"/>.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it returns the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="decaySteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="endLr">The learning rate reached at <paramref name="decaySteps"/>.</param>
    /// <param name="power">Range: <c>&gt; 0</c>.</param>
    /// <param name="cycle">Restart after each <paramref name="decaySteps"/>.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="PolynomialSchedule(double, long, double, double, bool)" path="/exception"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static PolynomialSchedule Polynomial(double initialLr, long decaySteps, double endLr, double power, bool cycle) =>
        Polynomial(initialLr, decaySteps, endLr, power, cycle, precision: Precision.Float64);

    /// <summary>
    /// Cosine decay: <c>lr(t) = minLr + (initialLr - minLr) * (1 + cos(pi * f^kDecay)) / 2</c>, <c>f = min(t, D) / D</c>. See <see cref="CosineSchedule"/>.
    /// </summary>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="decaySteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="minLr">Default 0.</param>
    /// <param name="kDecay">The phase exponent (timm <c>k_decay</c>). Range: <c>&gt; 0</c>. Default 1.</param>
    /// <param name="precision"><see cref="Precision.Float32"/> computes as Keras 3 does with float32. Default <see cref="Precision.Float64"/>.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="CosineSchedule(double, long, double, double, Precision)" path="/exception"/>
    public static CosineSchedule Cosine(double initialLr, long decaySteps, double minLr = 0.0, double kDecay = 1.0, Precision precision = Precision.Float64) =>
        new(initialLr, decaySteps, minLr, kDecay, precision);

    /// <summary>
    /// Cosine decay: <c>lr(t) = minLr + (initialLr - minLr) * (1 + cos(pi * f)) / 2</c>, <c>f = min(t, D) / D</c>;
    /// <see cref="Cosine(double, long, double, double, Precision)"/> with <c>kDecay</c> 1 and <see cref="Precision.Float64"/>.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it returns the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="decaySteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="minLr">The learning rate from <paramref name="decaySteps"/> on.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="CosineSchedule(double, long, double)" path="/exception"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static CosineSchedule Cosine(double initialLr, long decaySteps, double minLr) =>
        Cosine(initialLr, decaySteps, minLr, kDecay: 1.0, precision: Precision.Float64);

    /// <summary>Cosine with warm restarts (SGDR). See <see cref="CosineRestartsSchedule"/>.</summary>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="firstDecaySteps">The first period. Range: <c>&gt; 0</c>.</param>
    /// <param name="tMul">Period growth. Range: <c>&gt;= 1</c>. Default 2.</param>
    /// <param name="mMul">Peak decay per restart. Range: <c>(0, 1]</c>. Default 1.</param>
    /// <param name="minLr">Default 0.</param>
    /// <param name="kDecay">The phase exponent within each period (timm <c>k_decay</c>). Range: <c>&gt; 0</c>. Default 1.</param>
    /// <param name="cycleLimit">Periods run before <paramref name="minLr"/> holds; 0 for no limit. Range: <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="mMulMode">What <paramref name="mMul"/> scales: the range above <paramref name="minLr"/> (Keras) or the peak (timm). Default <see cref="MMulMode.Range"/>.</param>
    /// <param name="precision"><see cref="Precision.Float32"/> computes as Keras 3 does with float32. Default <see cref="Precision.Float64"/>.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="CosineRestartsSchedule(double, long, double, double, double, double, long, MMulMode, Precision)" path="/exception"/>
    public static CosineRestartsSchedule CosineRestarts(
        double initialLr,
        long firstDecaySteps,
        double tMul = 2.0,
        double mMul = 1.0,
        double minLr = 0.0,
        double kDecay = 1.0,
        long cycleLimit = 0,
        MMulMode mMulMode = MMulMode.Range,
        Precision precision = Precision.Float64) =>
        new(initialLr, firstDecaySteps, tMul, mMul, minLr, kDecay, cycleLimit, mMulMode, precision);

    /// <summary>
    /// Cosine with warm restarts (SGDR): period <c>i</c> lasts <c>firstDecaySteps * tMul^i</c> steps and runs
    /// <c>lr = minLr + (initialLr - minLr) * mMul^i * (1 + cos(pi * f)) / 2</c>;
    /// <see cref="CosineRestarts(double, long, double, double, double, double, long, MMulMode, Precision)"/> with <c>kDecay</c> 1, no cycle
    /// limit, <see cref="MMulMode.Range"/> and <see cref="Precision.Float64"/>.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it returns the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="firstDecaySteps">The first period. Range: <c>&gt; 0</c>.</param>
    /// <param name="tMul">Period growth. Range: <c>&gt;= 1</c>.</param>
    /// <param name="mMul">Peak decay per restart. Range: <c>(0, 1]</c>.</param>
    /// <param name="minLr">The learning rate each period decays to.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="CosineRestartsSchedule(double, long, double, double, double)" path="/exception"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static CosineRestartsSchedule CosineRestarts(double initialLr, long firstDecaySteps, double tMul, double mMul, double minLr) =>
        CosineRestarts(initialLr, firstDecaySteps, tMul, mMul, minLr, kDecay: 1.0, cycleLimit: 0, mMulMode: MMulMode.Range, precision: Precision.Float64);

    /// <summary>Linear: <c>lr(t) = startLr + (endLr - startLr) * min(t, totalSteps) / totalSteps</c>. See <see cref="LinearSchedule"/>.</summary>
    /// <param name="startLr">The learning rate at step 0.</param>
    /// <param name="endLr">The learning rate from <paramref name="totalSteps"/> on.</param>
    /// <param name="totalSteps">Range: <c>&gt; 0</c>.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="LinearSchedule(double, double, long)" path="/exception"/>
    public static LinearSchedule Linear(double startLr, double endLr, long totalSteps) => new(startLr, endLr, totalSteps);

    /// <summary>One-cycle (PyTorch <c>OneCycleLR</c>). See <see cref="OneCycleSchedule"/>.</summary>
    /// <param name="maxLr">The peak learning rate.</param>
    /// <param name="totalSteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="pctStart">Range: <c>(0, 1)</c>. Default 0.3.</param>
    /// <param name="annealStrategy">Default cosine.</param>
    /// <param name="divFactor">Default 25.</param>
    /// <param name="finalDivFactor">Default 1e4.</param>
    /// <param name="threePhase">Default false.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="OneCycleSchedule(double, long, double, AnnealStrategy, double, double, bool)" path="/exception"/>
    public static OneCycleSchedule OneCycle(
        double maxLr,
        long totalSteps,
        double pctStart = 0.3,
        AnnealStrategy annealStrategy = AnnealStrategy.Cosine,
        double divFactor = 25.0,
        double finalDivFactor = 1e4,
        bool threePhase = false) =>
        new(maxLr, totalSteps, pctStart, annealStrategy, divFactor, finalDivFactor, threePhase);

    /// <summary>Cyclic (PyTorch <c>CyclicLR</c>). See <see cref="CyclicSchedule"/>.</summary>
    /// <param name="baseLr">The lower end of each cycle.</param>
    /// <param name="maxLr">The upper end of each cycle.</param>
    /// <param name="stepSizeUp">Default 2000.</param>
    /// <param name="stepSizeDown">Default <paramref name="stepSizeUp"/>.</param>
    /// <param name="mode">Default triangular.</param>
    /// <param name="gamma">Default 1.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="CyclicSchedule(double, double, long, long?, CyclicMode, double)" path="/exception"/>
    public static CyclicSchedule Cyclic(
        double baseLr,
        double maxLr,
        long stepSizeUp = 2000,
        long? stepSizeDown = null,
        CyclicMode mode = CyclicMode.Triangular,
        double gamma = 1.0) =>
        new(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma);

    /// <summary>One-cycle momentum (PyTorch <c>OneCycleLR</c> with <c>cycle_momentum=True</c>). See <see cref="OneCycleMomentumSchedule"/>.</summary>
    /// <param name="totalSteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="pctStart">Range: <c>(0, 1)</c>. Default 0.3.</param>
    /// <param name="annealStrategy">Default cosine.</param>
    /// <param name="threePhase">Default false.</param>
    /// <param name="baseMomentum">The lowest momentum. Default 0.85.</param>
    /// <param name="maxMomentum">The momentum at the start and the end. Default 0.95.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="OneCycleMomentumSchedule(long, double, AnnealStrategy, bool, double, double)" path="/exception"/>
    public static OneCycleMomentumSchedule OneCycleMomentum(
        long totalSteps,
        double pctStart = 0.3,
        AnnealStrategy annealStrategy = AnnealStrategy.Cosine,
        bool threePhase = false,
        double baseMomentum = 0.85,
        double maxMomentum = 0.95) =>
        new(totalSteps, pctStart, annealStrategy, threePhase, baseMomentum, maxMomentum);

    /// <summary>Cyclic momentum (PyTorch <c>CyclicLR</c> with <c>cycle_momentum=True</c>). See <see cref="CyclicMomentumSchedule"/>.</summary>
    /// <param name="baseMomentum">The lower end of each cycle. Default 0.8.</param>
    /// <param name="maxMomentum">The upper end of each cycle. Default 0.9.</param>
    /// <param name="stepSizeUp">Default 2000.</param>
    /// <param name="stepSizeDown">Default <paramref name="stepSizeUp"/>.</param>
    /// <param name="mode">Default triangular.</param>
    /// <param name="gamma">Default 1.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="CyclicMomentumSchedule(double, double, long, long?, CyclicMode, double)" path="/exception"/>
    public static CyclicMomentumSchedule CyclicMomentum(
        double baseMomentum = 0.8,
        double maxMomentum = 0.9,
        long stepSizeUp = 2000,
        long? stepSizeDown = null,
        CyclicMode mode = CyclicMode.Triangular,
        double gamma = 1.0) =>
        new(baseMomentum, maxMomentum, stepSizeUp, stepSizeDown, mode, gamma);

    /// <summary>Inverse square root (Hugging Face <c>inverse_sqrt</c>). See <see cref="InverseSqrtSchedule"/>.</summary>
    /// <param name="initialLr">The peak learning rate.</param>
    /// <param name="warmupSteps">Default 0.</param>
    /// <param name="timescale">Default <paramref name="warmupSteps"/>, or 10000 when that is 0.</param>
    /// <param name="power">The decay's exponent, <c>x^(-power)</c> (timm WSD stable "power"). Range: <c>&gt; 0</c>. Default 0.5.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="InverseSqrtSchedule(double, long, long?, double)" path="/exception"/>
    public static InverseSqrtSchedule InverseSqrt(double initialLr, long warmupSteps = 0, long? timescale = null, double power = 0.5) =>
        new(initialLr, warmupSteps, timescale, power);

    /// <summary>
    /// Inverse square root: <c>lr(t) = initialLr * t / max(1, warmupSteps)</c> while <c>t &lt; warmupSteps</c>, then
    /// <c>initialLr / sqrt((t + timescale - warmupSteps) / timescale)</c>; <see cref="InverseSqrt(double, long, long?, double)"/> with
    /// <c>power</c> 0.5.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it returns the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The peak learning rate.</param>
    /// <param name="warmupSteps">Range: <c>&gt;= 0</c>.</param>
    /// <param name="timescale">Null picks <paramref name="warmupSteps"/>, or 10000 when that is 0.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="InverseSqrtSchedule(double, long, long?)" path="/exception"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static InverseSqrtSchedule InverseSqrt(double initialLr, long warmupSteps, long? timescale) =>
        InverseSqrt(initialLr, warmupSteps, timescale, power: 0.5);

    /// <summary>Warmup-stable-decay (Hugging Face <c>get_wsd_schedule</c>). See <see cref="WarmupStableDecaySchedule"/>.</summary>
    /// <param name="initialLr">The learning rate of the stable phase.</param>
    /// <param name="warmupSteps">Range: <c>&gt;= 0</c>.</param>
    /// <param name="stableSteps">Range: <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="minLrRatio">Default 0.</param>
    /// <param name="warmupShape">Default linear.</param>
    /// <param name="decayShape">Default cosine.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="WarmupStableDecaySchedule(double, long, long, long, double, RampShape, RampShape)" path="/exception"/>
    public static WarmupStableDecaySchedule WarmupStableDecay(
        double initialLr,
        long warmupSteps,
        long stableSteps,
        long decaySteps,
        double minLrRatio = 0.0,
        RampShape warmupShape = RampShape.Linear,
        RampShape decayShape = RampShape.Cosine) =>
        new(initialLr, warmupSteps, stableSteps, decaySteps, minLrRatio, warmupShape, decayShape);

    /// <summary>
    /// Piecewise interpolation between knots <c>(steps[i], values[i])</c>, linear or cosine (optax
    /// <c>piecewise_interpolate_schedule</c>). See <see cref="PiecewiseLinearSchedule"/>.
    /// </summary>
    /// <param name="steps">The knots' steps: at least one, strictly increasing, each <c>&gt;= 0</c>.</param>
    /// <param name="values">The knots' learning rates, one per step.</param>
    /// <param name="interpolation">Default linear.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="PiecewiseLinearSchedule(IEnumerable{long}, IEnumerable{double}, PiecewiseInterpolation)" path="/exception"/>
    public static PiecewiseLinearSchedule PiecewiseLinear(
        IEnumerable<long> steps, IEnumerable<double> values, PiecewiseInterpolation interpolation = PiecewiseInterpolation.Linear) =>
        new(steps, values, interpolation);

    /// <summary>
    /// REX decay: <c>lr(t) = minLr + (initialLr - minLr) * (1 - p) / (1 - p/2)</c>, <c>p = min(t, totalSteps) / totalSteps</c>.
    /// See <see cref="RexSchedule"/>.
    /// </summary>
    /// <param name="initialLr">The learning rate at step 0.</param>
    /// <param name="totalSteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="minLr">The learning rate from <paramref name="totalSteps"/> on; <c>&lt;= initialLr</c>. Default 0.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="RexSchedule(double, long, double)" path="/exception"/>
    public static RexSchedule Rex(double initialLr, long totalSteps, double minLr = 0.0) => new(initialLr, totalSteps, minLr);

    /// <summary>
    /// Hyperbolic-tangent decay: <c>lr(t) = minLr + (initialLr - minLr) * (1 - tanh(lb * (1 - r) + ub * r)) / 2</c>,
    /// <c>r = t / decaySteps</c>, for <c>t &lt; decaySteps</c>, then <c>minLr</c> (timm <c>TanhLRScheduler</c>). See <see cref="TanhSchedule"/>.
    /// </summary>
    /// <param name="initialLr">The rate the tanh starts from.</param>
    /// <param name="decaySteps">Range: <c>&gt; 0</c>.</param>
    /// <param name="minLr">The rate the tanh falls towards and holds from <paramref name="decaySteps"/> on. Default 0.</param>
    /// <param name="lb">The tanh's argument at step 0; <c>&lt; ub</c>. Default -7.</param>
    /// <param name="ub">The tanh's argument at <paramref name="decaySteps"/>. Default 3.</param>
    /// <param name="warmupSteps">Steps of timm's own warm-up without <c>warmup_prefix</c>, ramping to the tanh's rate there. Default 0.</param>
    /// <param name="warmupStartLr">The rate at step 0 when <paramref name="warmupSteps"/> is above 0. Default 0.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="TanhSchedule(double, long, double, double, double, long, double)" path="/exception"/>
    public static TanhSchedule Tanh(
        double initialLr, long decaySteps, double minLr = 0.0, double lb = -7.0, double ub = 3.0, long warmupSteps = 0, double warmupStartLr = 0.0) =>
        new(initialLr, decaySteps, minLr, lb, ub, warmupSteps, warmupStartLr);

    /// <summary>
    /// A learning-rate range test's sweep from <paramref name="startLr"/> to <paramref name="endLr"/> over <paramref name="steps"/>
    /// steps, geometric or arithmetic (PyTorch Lightning <c>lr_find</c>). See <see cref="RangeTestSchedule"/>.
    /// </summary>
    /// <param name="startLr">The learning rate at step 0; <c>&gt; 0</c>.</param>
    /// <param name="endLr">The learning rate from <paramref name="steps"/> on; <c>&gt; startLr</c>.</param>
    /// <param name="steps">Range: <c>&gt; 0</c>.</param>
    /// <param name="mode">Default exponential.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="RangeTestSchedule(double, double, long, RangeTestMode)" path="/exception"/>
    public static RangeTestSchedule RangeTest(double startLr, double endLr, long steps, RangeTestMode mode = RangeTestMode.Exponential) =>
        new(startLr, endLr, steps, mode);

    /// <summary>Schedules one after another. See <see cref="SequenceSchedule"/>.</summary>
    /// <param name="schedules">At least one schedule.</param>
    /// <param name="boundaries">One fewer than <paramref name="schedules"/>, strictly increasing.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="SequenceSchedule(IEnumerable{ILearningRateSchedule}, IEnumerable{long})" path="/exception"/>
    public static SequenceSchedule Sequence(IEnumerable<ILearningRateSchedule> schedules, IEnumerable<long> boundaries) => new(schedules, boundaries);

    /// <summary>Schedules multiplied: <c>s0(t) * prod s_i(t) / s_i(0)</c>. See <see cref="ChainSchedule"/>.</summary>
    /// <param name="schedules">The base, then the factors.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="ChainSchedule(IEnumerable{ILearningRateSchedule})" path="/exception"/>
    public static ChainSchedule Chain(params ILearningRateSchedule[] schedules) => new(schedules);

    /// <summary>Reduce-on-plateau over a constant learning rate. See <see cref="PlateauSchedule"/>.</summary>
    /// <param name="initialLr">The learning rate before any reduction.</param>
    /// <param name="mode">Default min.</param>
    /// <param name="factor">Range: <c>(0, 1)</c>. Default 0.1.</param>
    /// <param name="patience">Default 10.</param>
    /// <param name="threshold">Default 1e-4.</param>
    /// <param name="thresholdMode">Default rel (PyTorch) or abs (Keras).</param>
    /// <param name="cooldown">Default 0.</param>
    /// <param name="minLr">Default 0.</param>
    /// <param name="eps">Default 1e-8.</param>
    /// <param name="compat">Default PyTorch.</param>
    /// <returns>The schedule.</returns>
    /// <inheritdoc cref="PlateauSchedule(double, PlateauMode, double, long, double, PlateauThresholdMode?, long, double, double, PlateauCompat)" path="/exception"/>
    public static PlateauSchedule Plateau(
        double initialLr,
        PlateauMode mode = PlateauMode.Minimize,
        double factor = 0.1,
        long patience = 10,
        double threshold = 1e-4,
        PlateauThresholdMode? thresholdMode = null,
        long cooldown = 0,
        double minLr = 0.0,
        double eps = 1e-8,
        PlateauCompat compat = PlateauCompat.PyTorch) =>
        new(initialLr, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps, compat);

    /// <summary>
    /// Reduce-on-plateau over any base schedule: <c>lr(state, t) = max(base(t) * factor^k, minLr)</c>, <c>k</c> the reductions so far
    /// (JSON's <c>{"type":"plateau","schedule":{...}}</c>), with PyTorch's default settings (<see cref="PlateauOptions.Default"/>).
    /// See <see cref="PlateauSchedule"/>.
    /// </summary>
    /// <param name="schedule">The base schedule.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static PlateauSchedule Plateau(ILearningRateSchedule schedule) => new(schedule, PlateauOptions.Default);

    /// <summary>
    /// Reduce-on-plateau over any base schedule: <c>lr(state, t) = max(base(t) * factor^k, minLr)</c>, <c>k</c> the reductions so far
    /// (JSON's <c>{"type":"plateau","schedule":{...}}</c>). See <see cref="PlateauSchedule"/>.
    /// </summary>
    /// <param name="schedule">The base schedule.</param>
    /// <param name="options">The settings.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> or <paramref name="options"/> is null.</exception>
    public static PlateauSchedule Plateau(ILearningRateSchedule schedule, PlateauOptions options) => new(schedule, options);
}
