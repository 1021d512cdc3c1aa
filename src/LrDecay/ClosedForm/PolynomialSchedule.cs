using System.ComponentModel;
using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Polynomial decay: <c>lr(t) = (initialLr - endLr) * (1 - s/D)^power + endLr</c>; without cycle <c>s = min(t, decaySteps)</c>,
/// <c>D = decaySteps</c>; with cycle <c>s = t</c>, <c>D = decaySteps * max(1, ceil(t / decaySteps))</c>.
/// </summary>
/// <remarks>
/// Keras <c>PolynomialDecay</c> (whose <c>end_learning_rate</c> defaults to 0.0001; here <c>endLr</c> defaults to 0),
/// PyTorch <c>PolynomialLR</c> (<c>endLr = 0</c>), optax <c>polynomial_schedule</c>.
/// JSON: <c>{"type":"polynomial","initialLr":0.1,"decaySteps":1000,"endLr":0,"power":1,"cycle":false}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PolynomialSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly double _range;
    private readonly double _invDecaySteps;
    private readonly StepDivisor _periods;
    private readonly Power _power;
    private readonly KerasFloat32.PolynomialDecay? _float32;

    /// <summary>Creates a polynomial-decay schedule.</summary>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">The steps to reach <paramref name="endLr"/>. Range: <c>&gt; 0</c>.</param>
    /// <param name="endLr">The learning rate reached at <paramref name="decaySteps"/>. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="power">The exponent of the decay. Range: finite, <c>&gt; 0</c>. Default 1.</param>
    /// <param name="cycle">When true, the decay restarts each time <c>t</c> passes a multiple of <paramref name="decaySteps"/>.</param>
    /// <param name="precision">
    /// <see cref="Precision.Float32"/> computes as Keras 3 does with float32 (<c>s</c>, <c>D</c> and each operation rounded to float32,
    /// the rates and <paramref name="power"/> cast to float32; where float32 rounding would take <c>1 - s/D</c> below 0, past
    /// <c>2^24</c> steps with <paramref name="cycle"/>, it is 0). Default <see cref="Precision.Float64"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public PolynomialSchedule(double initialLr, long decaySteps, double endLr = 0.0, double power = 1.0, bool cycle = false, Precision precision = Precision.Float64)
    {
        Guard.LearningRate(initialLr);
        Guard.PositiveSteps(decaySteps);
        Guard.LearningRate(endLr);
        Guard.Positive(power);
        InitialLr = initialLr;
        DecaySteps = decaySteps;
        EndLr = endLr;
        Power = power;
        Cycle = cycle;
        _range = initialLr - endLr;
        _invDecaySteps = 1.0 / decaySteps;
        _periods = new StepDivisor(decaySteps);
        _power = new Power(power);
        Precision = precision;
        _float32 = KerasFloat32.IsSelected(precision) ? new KerasFloat32.PolynomialDecay(initialLr, decaySteps, endLr, power, cycle) : null;
    }

    /// <summary>
    /// Creates a polynomial-decay schedule, <c>lr(t) = (initialLr - endLr) * (1 - s/D)^power + endLr</c> (<c>s</c> and <c>D</c> as the
    /// class describes): <see cref="PolynomialSchedule(double, long, double, double, bool, Precision)"/> with <see cref="Precision.Float64"/>.
    /// </summary>
    /// <remarks>Kept so that code compiled against this signature keeps running; it builds the same schedule as the overload with
    /// the optional parameters.</remarks>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">The steps to reach <paramref name="endLr"/>. Range: <c>&gt; 0</c>.</param>
    /// <param name="endLr">The learning rate reached at <paramref name="decaySteps"/>. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="power">The exponent of the decay. Range: finite, <c>&gt; 0</c>.</param>
    /// <param name="cycle">When true, the decay restarts each time <c>t</c> passes a multiple of <paramref name="decaySteps"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public PolynomialSchedule(double initialLr, long decaySteps, double endLr, double power, bool cycle)
        : this(initialLr, decaySteps, endLr, power, cycle, precision: Precision.Float64)
    {
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLr { get; }

    /// <summary>The steps to reach <see cref="EndLr"/>.</summary>
    public long DecaySteps { get; }

    /// <summary>The learning rate reached at <see cref="DecaySteps"/>.</summary>
    public double EndLr { get; }

    /// <summary>The exponent of the decay (JSON <c>power</c>).</summary>
    public double Power { get; }

    /// <summary>Whether the decay restarts after each <see cref="DecaySteps"/>.</summary>
    public bool Cycle { get; }

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

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Evaluate(firstStep + i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Evaluate(long step)
    {
        double remaining;
        if (!Cycle)
        {
            if (step >= DecaySteps)
            {
                return EndLr;
            }

            // (D - t) / D from the exact integer D - t: 1 - t / D would cancel near the end of a long decay (at 2^60 steps, 5e-8
            // relative error with 10^8 steps left).
            remaining = (DecaySteps - step) * _invDecaySteps;
        }
        else
        {
            // 1 - t / (D * ceil(t / D)) in exact integers: (D - t mod D) / (D * cycles), 0 at a whole multiple. Subtracting the
            // rounded ratio from 1 instead goes negative once t passes 2^53 (and x^power of a negative is NaN).
            long cycles = _periods.Quotient(step, out long within);
            if (within == 0 && step != 0)
            {
                remaining = 0.0;
            }
            else
            {
                remaining = (double)(DecaySteps - within) / ((double)DecaySteps * (cycles + 1));
            }
        }

        return _range * _power.Of(remaining) + EndLr;
    }
}
