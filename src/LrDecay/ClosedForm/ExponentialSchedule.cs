using System.ComponentModel;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Exponential decay: <c>lr(t) = initialLr * decayRate^p</c>, <c>p = t / decaySteps</c>, or <c>floor(t / decaySteps)</c> when <c>staircase</c>.
/// </summary>
/// <remarks>
/// Keras <c>ExponentialDecay</c>, optax <c>exponential_decay</c>; PyTorch <c>ExponentialLR(gamma)</c> is <c>decaySteps = 1</c>.
/// A continuous rate <c>k</c> (<c>lr0 * e^(-k t)</c>) is <c>decayRate = e^(-k)</c>: see <see cref="Schedules.ExponentialFromRate"/>.
/// JSON: <c>{"type":"exponential","initialLr":0.1,"decayRate":0.96,"decaySteps":1000,"staircase":true}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class ExponentialSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly double _logRatePerStep;
    private readonly PowerTable? _stairs;
    private readonly StepDivisor _periods;
    private readonly KerasFloat32.ExponentialDecay? _float32;

    /// <summary>Creates an exponential-decay schedule.</summary>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decayRate">The factor applied every <paramref name="decaySteps"/> steps. Range: <c>(0, 1]</c>.</param>
    /// <param name="decaySteps">The steps over which the rate falls by <paramref name="decayRate"/>. Range: <c>&gt; 0</c>.</param>
    /// <param name="staircase">When true, the exponent is floored, so the rate drops in steps.</param>
    /// <param name="precision">
    /// <see cref="Precision.Float32"/> computes as Keras 3 does with float32 (<c>p</c> and the power rounded to float32, with
    /// <paramref name="initialLr"/> and <paramref name="decayRate"/> cast to float32). Default <see cref="Precision.Float64"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public ExponentialSchedule(double initialLr, double decayRate, long decaySteps = 1, bool staircase = false, Precision precision = Precision.Float64)
    {
        Guard.LearningRate(initialLr);
        Guard.InUnitInterval(decayRate);
        Guard.PositiveSteps(decaySteps);
        InitialLr = initialLr;
        DecayRate = decayRate;
        DecaySteps = decaySteps;
        Staircase = staircase;
        _logRatePerStep = Elementary.Log(decayRate) / decaySteps;
        _stairs = staircase ? new PowerTable(initialLr, decayRate) : null;
        _periods = new StepDivisor(decaySteps);
        Precision = precision;
        _float32 = KerasFloat32.IsSelected(precision) ? new KerasFloat32.ExponentialDecay(initialLr, decayRate, decaySteps, staircase) : null;
    }

    /// <summary>
    /// Creates an exponential-decay schedule, <c>lr(t) = initialLr * decayRate^p</c>, <c>p = t / decaySteps</c>, or
    /// <c>floor(t / decaySteps)</c> when <paramref name="staircase"/>:
    /// <see cref="ExponentialSchedule(double, double, long, bool, Precision)"/> with <see cref="Precision.Float64"/>.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it builds the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decayRate">The factor applied every <paramref name="decaySteps"/> steps. Range: <c>(0, 1]</c>.</param>
    /// <param name="decaySteps">The steps over which the rate falls by <paramref name="decayRate"/>. Range: <c>&gt; 0</c>.</param>
    /// <param name="staircase">When true, the exponent is floored, so the rate drops in steps.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ExponentialSchedule(double initialLr, double decayRate, long decaySteps, bool staircase)
        : this(initialLr, decayRate, decaySteps, staircase, precision: Precision.Float64)
    {
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLr { get; }

    /// <summary>The factor applied every <see cref="DecaySteps"/> steps.</summary>
    public double DecayRate { get; }

    /// <summary>The steps over which the rate falls by <see cref="DecayRate"/>.</summary>
    public long DecaySteps { get; }

    /// <summary>Whether the exponent is floored.</summary>
    public bool Staircase { get; }

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
            return _float32.At(step);
        }

        if (_stairs is not null)
        {
            return _stairs.Get(_periods.Quotient(step));
        }

        return InitialLr * ExpKernel.Of(step * _logRatePerStep);
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        if (_float32 is not null)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = _float32.At(firstStep + i);
            }

            return;
        }

        if (_stairs is not null)
        {
            var values = new Stairs(_stairs);
            Batch.FillRuns(ref values, firstStep, DecaySteps, destination);
            return;
        }

        // The exponent of each step as GetLearningRate forms it, then the same exp, vectorised.
        ExpKernel.FillScaledRamp(firstStep, _logRatePerStep, InitialLr, destination);
    }

    private readonly struct Stairs(PowerTable powers) : IRunValues
    {
        public double At(long run) => powers.Get(run);
    }
}
