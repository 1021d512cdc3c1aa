using System.Runtime.CompilerServices;
#if NET
using System.Numerics.Tensors;
#endif
using LrDecay.Internal;

namespace LrDecay;

/// <summary>Linear: <c>lr(t) = startLr + (endLr - startLr) * min(t, totalSteps) / totalSteps</c>.</summary>
/// <remarks>
/// PyTorch <c>LinearLR</c> (<c>startLr = base * start_factor</c>, <c>endLr = base * end_factor</c>), optax <c>linear_schedule</c>.
/// JSON: <c>{"type":"linear","startLr":0.001,"endLr":0,"totalSteps":300}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class LinearSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly double _slope;

    /// <summary>Creates a linear schedule.</summary>
    /// <param name="startLr">The learning rate at step 0. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="endLr">The learning rate from <paramref name="totalSteps"/> on. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="totalSteps">The steps from <paramref name="startLr"/> to <paramref name="endLr"/>. Range: <c>&gt; 0</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public LinearSchedule(double startLr, double endLr, long totalSteps)
    {
        Guard.LearningRate(startLr);
        Guard.LearningRate(endLr);
        Guard.PositiveSteps(totalSteps);
        StartLr = startLr;
        EndLr = endLr;
        TotalSteps = totalSteps;
        _slope = (endLr - startLr) / totalSteps;
    }

    /// <summary>The learning rate at step 0.</summary>
    public double StartLr { get; }

    /// <summary>The learning rate from <see cref="TotalSteps"/> on.</summary>
    public double EndLr { get; }

    /// <summary>The steps from <see cref="StartLr"/> to <see cref="EndLr"/>.</summary>
    public long TotalSteps { get; }

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
        int live = Batch.CountBefore(firstStep, destination.Length, TotalSteps);
        Span<double> ramp = destination.Slice(0, live);
        Batch.FillRamp(firstStep, _slope, ramp);
#if NET
        TensorPrimitives.Add(ramp, StartLr, ramp);
#else
        for (int i = 0; i < ramp.Length; i++)
        {
            ramp[i] = StartLr + ramp[i];
        }
#endif
        destination.Slice(live).Fill(EndLr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Evaluate(long step)
    {
        if (step >= TotalSteps)
        {
            return EndLr;
        }

        return StartLr + _slope * step;
    }
}
