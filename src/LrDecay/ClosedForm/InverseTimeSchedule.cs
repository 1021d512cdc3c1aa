using System.ComponentModel;
using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Inverse-time decay: <c>lr(t) = initialLr / (1 + decayRate * p)</c>, <c>p = t / decaySteps</c>, or <c>floor(t / decaySteps)</c> when <c>staircase</c>.
/// </summary>
/// <remarks>
/// Keras <c>InverseTimeDecay</c>; the classic <c>lr0 / (1 + decay * epoch)</c> is <c>decaySteps = 1</c>.
/// JSON: <c>{"type":"inverseTime","initialLr":0.1,"decayRate":0.5,"decaySteps":10,"staircase":false}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class InverseTimeSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly StepDivisor _periods;
    private readonly KerasFloat32.InverseTimeDecay? _float32;

    /// <summary>Creates an inverse-time-decay schedule.</summary>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decayRate">The decay rate. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">The step unit of the decay. Range: <c>&gt; 0</c>.</param>
    /// <param name="staircase">When true, <c>p</c> is floored, so the rate drops in steps.</param>
    /// <param name="precision">
    /// <see cref="Precision.Float32"/> computes as Keras 3 does with float32 (each operation rounded to float32, with
    /// <paramref name="initialLr"/> and <paramref name="decayRate"/> cast to float32). Default <see cref="Precision.Float64"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public InverseTimeSchedule(double initialLr, double decayRate, long decaySteps = 1, bool staircase = false, Precision precision = Precision.Float64)
    {
        Guard.LearningRate(initialLr);
        Guard.NonNegative(decayRate);
        Guard.PositiveSteps(decaySteps);
        InitialLr = initialLr;
        DecayRate = decayRate;
        DecaySteps = decaySteps;
        _periods = new StepDivisor(decaySteps);
        Staircase = staircase;
        Precision = precision;
        _float32 = KerasFloat32.IsSelected(precision) ? new KerasFloat32.InverseTimeDecay(initialLr, decayRate, decaySteps, staircase) : null;
    }

    /// <summary>
    /// Creates an inverse-time-decay schedule, <c>lr(t) = initialLr / (1 + decayRate * p)</c>, <c>p = t / decaySteps</c>, or
    /// <c>floor(t / decaySteps)</c> when <paramref name="staircase"/>:
    /// <see cref="InverseTimeSchedule(double, double, long, bool, Precision)"/> with <see cref="Precision.Float64"/>.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it builds the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decayRate">The decay rate. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">The step unit of the decay. Range: <c>&gt; 0</c>.</param>
    /// <param name="staircase">When true, <c>p</c> is floored, so the rate drops in steps.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public InverseTimeSchedule(double initialLr, double decayRate, long decaySteps, bool staircase)
        : this(initialLr, decayRate, decaySteps, staircase, precision: Precision.Float64)
    {
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLr { get; }

    /// <summary>The decay rate.</summary>
    public double DecayRate { get; }

    /// <summary>The step unit of the decay.</summary>
    public long DecaySteps { get; }

    /// <summary>Whether <c>p</c> is floored.</summary>
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

        return Evaluate(step);
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

        if (Staircase)
        {
            var values = new Stairs(InitialLr, DecayRate);
            Batch.FillRuns(ref values, firstStep, DecaySteps, destination);
            return;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Evaluate(firstStep + i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Evaluate(long step)
    {
        if (Staircase)
        {
            return InitialLr / (1.0 + DecayRate * (double)_periods.Quotient(step));
        }

        return InitialLr / (1.0 + DecayRate * ((double)step / DecaySteps));
    }

    private readonly struct Stairs(double initialLr, double decayRate) : IRunValues
    {
        public double At(long run) => initialLr / (1.0 + (decayRate * run));
    }
}
