using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Cosine decay: <c>lr(t) = minLr + (initialLr - minLr) * (1 + cos(pi * min(t, decaySteps) / decaySteps)) / 2</c>.
/// </summary>
/// <remarks>
/// Keras <c>CosineDecay</c> (<c>alpha = minLr / initialLr</c>), optax <c>cosine_decay_schedule</c>, PyTorch <c>CosineAnnealingLR</c> for
/// <c>t &lt;= T_max</c>. Past <c>decaySteps</c> the rate holds <c>minLr</c> (PyTorch's would climb back up).
/// JSON: <c>{"type":"cosine","initialLr":0.05,"decaySteps":300,"minLr":0.01}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CosineSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly double _halfRange;
    private readonly double _piOverDecaySteps;

    /// <summary>Creates a cosine-decay schedule.</summary>
    /// <param name="initialLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="decaySteps">The steps to reach <paramref name="minLr"/>. Range: <c>&gt; 0</c>.</param>
    /// <param name="minLr">The learning rate from <paramref name="decaySteps"/> on. Range: finite, <c>&gt;= 0</c>. Default 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public CosineSchedule(double initialLr, long decaySteps, double minLr = 0.0)
    {
        Guard.LearningRate(initialLr);
        Guard.PositiveSteps(decaySteps);
        Guard.LearningRate(minLr);
        InitialLr = initialLr;
        DecaySteps = decaySteps;
        MinLr = minLr;
        _halfRange = (initialLr - minLr) * 0.5;
        _piOverDecaySteps = Math.PI / decaySteps;
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLr { get; }

    /// <summary>The steps to reach <see cref="MinLr"/>.</summary>
    public long DecaySteps { get; }

    /// <summary>The learning rate from <see cref="DecaySteps"/> on.</summary>
    public double MinLr { get; }

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        return Evaluate(step);
    }

    // The batch path is the same formula without the interface call and the step check, so it gives the same bits: callers (the
    // lrdecay tool) rely on Fill and GetLearningRate agreeing exactly, and Math.Cos has no vector form that rounds as it does.
    // HalfCosine (used by oneCycle, warmupStableDecay and cosineRestarts) would vectorise, but changes the last bit of some rates
    // that the documentation prints in full.
    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        int live = Batch.CountBefore(firstStep, destination.Length, DecaySteps);
        for (int i = 0; i < live; i++)
        {
            destination[i] = Evaluate(firstStep + i);
        }

        destination.Slice(live).Fill(MinLr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Evaluate(long step)
    {
        if (step >= DecaySteps)
        {
            return MinLr;
        }

        return MinLr + (_halfRange * (1.0 + Math.Cos(step * _piOverDecaySteps)));
    }
}
