using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Inverse square root: <c>lr(t) = initialLr * t / max(1, warmupSteps)</c> while <c>t &lt; warmupSteps</c>, then
/// <c>initialLr / sqrt((t + timescale - warmupSteps) / timescale)</c>.
/// </summary>
/// <remarks>
/// Hugging Face <c>get_inverse_sqrt_schedule</c>; <c>timescale</c> defaults to <c>warmupSteps</c>, or 10000 when that is 0.
/// JSON: <c>{"type":"inverseSqrt","initialLr":0.002,"warmupSteps":100}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class InverseSqrtSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly long _shift;

    /// <summary>Creates an inverse-square-root schedule.</summary>
    /// <param name="initialLr">The peak learning rate, reached at the end of warm-up. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="warmupSteps">Steps of linear warm-up from 0. Range: <c>&gt;= 0</c>. Default 0.</param>
    /// <param name="timescale">The decay's time scale in steps; null picks <paramref name="warmupSteps"/>, or 10000 when that is 0. Range: <c>&gt; 0</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public InverseSqrtSchedule(double initialLr, long warmupSteps = 0, long? timescale = null)
    {
        Guard.LearningRate(initialLr);
        Guard.NonNegativeSteps(warmupSteps);
        long scale = timescale ?? (warmupSteps == 0 ? 10_000 : warmupSteps);
        Guard.PositiveSteps(scale, nameof(timescale));
        InitialLr = initialLr;
        WarmupSteps = warmupSteps;
        Timescale = scale;
        _shift = scale - warmupSteps;
    }

    /// <summary>The peak learning rate.</summary>
    public double InitialLr { get; }

    /// <summary>Steps of linear warm-up.</summary>
    public long WarmupSteps { get; }

    /// <summary>The decay's time scale in steps.</summary>
    public long Timescale { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        return Evaluate(step);
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Evaluate(firstStep + i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Evaluate(long step)
    {
        if (step < WarmupSteps)
        {
            return InitialLr * ((double)step / Math.Max(1, WarmupSteps));
        }

        double shifted = _shift > 0 && step > long.MaxValue - _shift ? (double)step + _shift : step + _shift;
        return InitialLr * (1.0 / Math.Sqrt(shifted / Timescale));
    }
}
