using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// One-cycle momentum: from <c>maxMomentum</c> down to <c>baseMomentum</c> over the first <c>pctStart * totalSteps - 1</c> steps
/// (while the one-cycle learning rate rises), then back up to <c>maxMomentum</c> at <c>totalSteps - 1</c> (with <c>threePhase</c>: up
/// to <c>maxMomentum</c> at <c>2 * pctStart * totalSteps - 2</c>, then held there), each phase annealed by <c>annealStrategy</c>:
/// cosine <c>end + (start - end) * (1 + cos(pi * pct))/2</c> or linear <c>start + (end - start) * pct</c>, <c>pct</c> the fraction of
/// the phase done. The value at <c>totalSteps - 1</c> holds from there on.
/// </summary>
/// <remarks>
/// PyTorch <c>OneCycleLR</c>'s momentum with <c>cycle_momentum=True</c> (SGD's momentum or Adam's beta1), phase for phase with the one-cycle
/// learning rate (JSON <c>oneCycle</c>) of the same <c>totalSteps</c>, <c>pctStart</c>, <c>annealStrategy</c> and <c>threePhase</c>: read it on
/// the same step as the learning rate. PyTorch raises past <c>totalSteps</c>; here the final momentum holds.
/// JSON: <c>{"type":"oneCycleMomentum","totalSteps":60,"pctStart":0.3,"annealStrategy":"cos","threePhase":false,"baseMomentum":0.85,"maxMomentum":0.95}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class OneCycleMomentumSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly OneCyclePhases _phases;

    /// <summary>Creates a one-cycle momentum schedule.</summary>
    /// <param name="totalSteps">The length of the cycle. Range: <c>&gt; 0</c>.</param>
    /// <param name="pctStart">The fraction of the cycle spent with the momentum falling (the learning rate rising). Range: <c>(0, 1)</c>. Default 0.3.</param>
    /// <param name="annealStrategy">The shape of each phase. Default <see cref="AnnealStrategy.Cosine"/>.</param>
    /// <param name="threePhase">When true, the momentum returns to <paramref name="maxMomentum"/> in the second phase and holds it in the third.</param>
    /// <param name="baseMomentum">The lowest momentum, reached at the learning rate's peak. Range: finite, <c>&gt;= 0</c>. Default 0.85.</param>
    /// <param name="maxMomentum">The momentum at step 0 and at the end. Range: finite, <c>&gt;= baseMomentum</c>. Default 0.95.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range (the message names it and its value), <paramref name="maxMomentum"/> is below <paramref name="baseMomentum"/>, or the first phase has zero length (<c>pctStart * totalSteps = 1</c>), which divides by zero.</exception>
    public OneCycleMomentumSchedule(
        long totalSteps,
        double pctStart = 0.3,
        AnnealStrategy annealStrategy = AnnealStrategy.Cosine,
        bool threePhase = false,
        double baseMomentum = 0.85,
        double maxMomentum = 0.95)
    {
        OneCyclePhases.Validate(totalSteps, pctStart, annealStrategy);
        Guard.MomentumRange(baseMomentum, maxMomentum);

        OneCyclePhases.ValidateFirstPhase(totalSteps, pctStart);

        TotalSteps = totalSteps;
        PctStart = pctStart;
        AnnealStrategy = annealStrategy;
        ThreePhase = threePhase;
        BaseMomentum = baseMomentum;
        MaxMomentum = maxMomentum;
        _phases = new OneCyclePhases(totalSteps, pctStart, annealStrategy, threePhase, maxMomentum, baseMomentum, maxMomentum);
    }

    /// <summary>The length of the cycle.</summary>
    public long TotalSteps { get; }

    /// <summary>The fraction of the cycle spent with the momentum falling.</summary>
    public double PctStart { get; }

    /// <summary>The shape of each phase.</summary>
    public AnnealStrategy AnnealStrategy { get; }

    /// <summary>Whether the momentum returns to <see cref="MaxMomentum"/> in the second phase and holds it in the third.</summary>
    public bool ThreePhase { get; }

    /// <summary>The lowest momentum, reached at the learning rate's peak.</summary>
    public double BaseMomentum { get; }

    /// <summary>The momentum at step 0 and at the end.</summary>
    public double MaxMomentum { get; }

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
    private double Evaluate(long step) => _phases.Evaluate(step);
}
