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
    private readonly Phase[] _phases;
    private readonly bool _cos;

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
        Guard.PositiveSteps(totalSteps);
        Guard.InOpenUnitInterval(pctStart);
        if (annealStrategy is not (AnnealStrategy.Cosine or AnnealStrategy.Linear))
        {
            Guard.ThrowOutOfRange(nameof(annealStrategy), annealStrategy, "must be 'Cosine' or 'Linear'");
        }

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

        double firstEnd = (pctStart * totalSteps) - 1.0;
        if (firstEnd == 0.0)
        {
            Guard.ThrowOutOfRange(
                nameof(pctStart),
                pctStart,
                $"gives a first phase of zero length with totalSteps '{Guard.Format(totalSteps)}' (pctStart * totalSteps must not be 1)");
        }

        MaxLr = maxLr;
        TotalSteps = totalSteps;
        PctStart = pctStart;
        AnnealStrategy = annealStrategy;
        DivFactor = divFactor;
        FinalDivFactor = finalDivFactor;
        ThreePhase = threePhase;
        InitialLr = initialLr;
        FinalLr = minLr;
        _cos = annealStrategy == AnnealStrategy.Cosine;
        double lastEnd = totalSteps - 1.0;
        if (threePhase)
        {
            double secondEnd = (2 * pctStart * totalSteps) - 2.0;
            _phases =
            [
                new Phase(0.0, firstEnd, initialLr, maxLr),
                new Phase(firstEnd, secondEnd, maxLr, initialLr),
                new Phase(secondEnd, lastEnd, initialLr, minLr),
            ];
        }
        else
        {
            _phases = [new Phase(0.0, firstEnd, initialLr, maxLr), new Phase(firstEnd, lastEnd, maxLr, minLr)];
        }
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
    private double Evaluate(long step)
    {
        double t = step >= TotalSteps ? TotalSteps - 1 : step;
        Phase[] phases = _phases;
        int last = phases.Length - 1;
        int i = 0;
        while (i < last && t > phases[i].End)
        {
            i++;
        }

        ref readonly Phase phase = ref phases[i];
        double pct = (t - phase.Start) * phase.InverseLength;
        return _cos
            ? phase.EndLr + (phase.Drop * HalfCosine.Of(pct))
            : phase.StartLr - (phase.Drop * pct);
    }

    /// <summary>
    /// One phase, from step <c>Start</c> at <c>StartLr</c> to step <c>End</c> at <c>EndLr</c>, with what the evaluation needs
    /// precomputed: <c>1 / (End - Start)</c>, so the fraction done is a product, and <c>StartLr - EndLr</c>.
    /// </summary>
    private readonly struct Phase
    {
        internal Phase(double start, double end, double startLr, double endLr)
        {
            Start = start;
            End = end;
            InverseLength = 1.0 / (end - start);
            StartLr = startLr;
            EndLr = endLr;
            Drop = startLr - endLr;
        }

        internal double Start { get; }

        internal double End { get; }

        internal double InverseLength { get; }

        internal double StartLr { get; }

        internal double EndLr { get; }

        internal double Drop { get; }
    }
}
