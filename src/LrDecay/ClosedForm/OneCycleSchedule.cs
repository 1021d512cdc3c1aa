using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// One-cycle: from <c>maxLr / divFactor</c> up to <c>maxLr</c> over the first <c>pctStart * totalSteps - 1</c> steps, then down to
/// <c>maxLr / divFactor / finalDivFactor</c> at <c>totalSteps - 1</c> (with <c>threePhase</c>: back to <c>maxLr / divFactor</c> at
/// <c>2 * pctStart * totalSteps - 2</c> first), each phase annealed by <c>annealStrategy</c>; the final rate holds from <c>totalSteps</c> on.
/// </summary>
/// <remarks>
/// PyTorch <c>OneCycleLR</c>, phase for phase. PyTorch raises past <c>totalSteps</c>; here the final learning rate holds.
/// JSON: <c>{"type":"oneCycle","maxLr":0.05,"totalSteps":60,"pctStart":0.3,"annealStrategy":"cos","divFactor":25,"finalDivFactor":10000,"threePhase":false}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class OneCycleSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly OneCyclePhases _phases;

    /// <summary>Creates a one-cycle schedule.</summary>
    /// <param name="maxLr">The peak learning rate. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="totalSteps">The length of the cycle. Range: <c>&gt; 0</c>.</param>
    /// <param name="pctStart">The fraction of the cycle spent rising. Range: <c>(0, 1)</c>. Default 0.3.</param>
    /// <param name="annealStrategy">The shape of each phase. Default <see cref="AnnealStrategy.Cosine"/>.</param>
    /// <param name="divFactor">The initial learning rate is <c>maxLr / divFactor</c>. Range: finite, <c>&gt; 0</c>. Default 25.</param>
    /// <param name="finalDivFactor">The final learning rate is <c>maxLr / divFactor / finalDivFactor</c>. Range: finite, <c>&gt; 0</c>. Default 1e4.</param>
    /// <param name="threePhase">When true, the rate returns to the initial one before the final annealing.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range (the message names it and its value), or a derived learning rate is not finite, or the first phase has zero length (<c>pctStart * totalSteps = 1</c>), which divides by zero.</exception>
    public OneCycleSchedule(
        double maxLr,
        long totalSteps,
        double pctStart = 0.3,
        AnnealStrategy annealStrategy = AnnealStrategy.Cosine,
        double divFactor = 25.0,
        double finalDivFactor = 1e4,
        bool threePhase = false)
    {
        Guard.LearningRate(maxLr);
        OneCyclePhases.Validate(totalSteps, pctStart, annealStrategy);
        Guard.Positive(divFactor);
        Guard.Positive(finalDivFactor);
        double initialLr = maxLr / divFactor;
        if (double.IsInfinity(initialLr))
        {
            Guard.ThrowOutOfRange(nameof(divFactor), divFactor, $"makes the initial learning rate maxLr / divFactor infinite (maxLr '{Guard.Format(maxLr)}')");
        }

        double minLr = initialLr / finalDivFactor;
        if (double.IsInfinity(minLr))
        {
            Guard.ThrowOutOfRange(
                nameof(finalDivFactor),
                finalDivFactor,
                $"makes the final learning rate maxLr / divFactor / finalDivFactor infinite (maxLr / divFactor '{Guard.Format(initialLr)}')");
        }

        OneCyclePhases.ValidateFirstPhase(totalSteps, pctStart);

        MaxLr = maxLr;
        TotalSteps = totalSteps;
        PctStart = pctStart;
        AnnealStrategy = annealStrategy;
        DivFactor = divFactor;
        FinalDivFactor = finalDivFactor;
        ThreePhase = threePhase;
        InitialLr = initialLr;
        FinalLr = minLr;
        _phases = new OneCyclePhases(totalSteps, pctStart, annealStrategy, threePhase, initialLr, maxLr, minLr);
    }

    /// <summary>The peak learning rate.</summary>
    public double MaxLr { get; }

    /// <summary>The length of the cycle.</summary>
    public long TotalSteps { get; }

    /// <summary>The fraction of the cycle spent rising.</summary>
    public double PctStart { get; }

    /// <summary>The shape of each phase.</summary>
    public AnnealStrategy AnnealStrategy { get; }

    /// <summary>The initial learning rate is <c>MaxLr / DivFactor</c>.</summary>
    public double DivFactor { get; }

    /// <summary>The final learning rate is <c>MaxLr / DivFactor / FinalDivFactor</c>.</summary>
    public double FinalDivFactor { get; }

    /// <summary>Whether the rate returns to the initial one before the final annealing.</summary>
    public bool ThreePhase { get; }

    /// <summary>The learning rate at step 0 of the first phase: <c>MaxLr / DivFactor</c>.</summary>
    public double InitialLr { get; }

    /// <summary>The learning rate at <c>TotalSteps - 1</c> and after: <c>MaxLr / DivFactor / FinalDivFactor</c>.</summary>
    public double FinalLr { get; }

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
