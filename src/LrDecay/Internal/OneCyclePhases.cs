using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>
/// The phases of PyTorch's one-cycle policy over <c>totalSteps</c> steps: from value <c>a</c> to <c>b</c> over
/// <c>[0, pctStart * totalSteps - 1]</c>, then to <c>c</c> at <c>totalSteps - 1</c>; with <c>threePhase</c>, from <c>b</c> back to
/// <c>a</c> at <c>2 * pctStart * totalSteps - 2</c> first, then from <c>a</c> to <c>c</c>. Each phase is annealed by cosine or linearly;
/// from <c>totalSteps - 1</c> on, the value there holds. The learning rate and the momentum of one-cycle are the same phases with
/// other end points.
/// </summary>
internal readonly struct OneCyclePhases
{
    private readonly Phase[] _phases;
    private readonly bool _cos;
    private readonly long _totalSteps;

    /// <summary>Creates the phases; the arguments have been checked by <see cref="Validate"/> and <see cref="ValidateFirstPhase"/>.</summary>
    internal OneCyclePhases(long totalSteps, double pctStart, AnnealStrategy annealStrategy, bool threePhase, double a, double b, double c)
    {
        _totalSteps = totalSteps;
        _cos = annealStrategy == AnnealStrategy.Cosine;
        double firstEnd = FirstEnd(totalSteps, pctStart);
        double lastEnd = totalSteps - 1.0;
        if (threePhase)
        {
            double secondEnd = (2 * pctStart * totalSteps) - 2.0;
            _phases = [new Phase(0.0, firstEnd, a, b), new Phase(firstEnd, secondEnd, b, a), new Phase(secondEnd, lastEnd, a, c)];
        }
        else
        {
            _phases = [new Phase(0.0, firstEnd, a, b), new Phase(firstEnd, lastEnd, b, c)];
        }
    }

    /// <summary>Checks <paramref name="totalSteps"/> (<c>&gt; 0</c>), <paramref name="pctStart"/> (in <c>(0, 1)</c>) and the strategy.</summary>
    internal static void Validate(long totalSteps, double pctStart, AnnealStrategy annealStrategy)
    {
        Guard.PositiveSteps(totalSteps);
        Guard.InOpenUnitInterval(pctStart);
        if (annealStrategy is not (AnnealStrategy.Cosine or AnnealStrategy.Linear))
        {
            Guard.ThrowOutOfRange(nameof(annealStrategy), annealStrategy, "must be 'Cosine' or 'Linear'");
        }
    }

    /// <summary>Throws when the first phase has zero length (<c>pctStart * totalSteps = 1</c>), which divides by zero.</summary>
    internal static void ValidateFirstPhase(long totalSteps, double pctStart)
    {
        if (FirstEnd(totalSteps, pctStart) == 0.0)
        {
            Guard.ThrowOutOfRange(
                nameof(pctStart),
                pctStart,
                $"gives a first phase of zero length with totalSteps '{Guard.Format(totalSteps)}' (pctStart * totalSteps must not be 1)");
        }
    }

    /// <summary>The value at <paramref name="step"/> (<c>&gt;= 0</c>); from <c>totalSteps - 1</c> on, the value there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Evaluate(long step)
    {
        double t = step >= _totalSteps ? _totalSteps - 1 : step;
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
            ? phase.EndValue + (phase.Drop * HalfCosine.Of(pct))
            : phase.StartValue - (phase.Drop * pct);
    }

    private static double FirstEnd(long totalSteps, double pctStart) => (pctStart * totalSteps) - 1.0;

    /// <summary>
    /// One phase, from step <c>Start</c> at <c>StartValue</c> to step <c>End</c> at <c>EndValue</c>, with what the evaluation needs
    /// precomputed: <c>1 / (End - Start)</c>, so the fraction done is a product, and <c>StartValue - EndValue</c>.
    /// </summary>
    private readonly struct Phase
    {
        internal Phase(double start, double end, double startValue, double endValue)
        {
            Start = start;
            End = end;
            InverseLength = 1.0 / (end - start);
            StartValue = startValue;
            EndValue = endValue;
            Drop = startValue - endValue;
        }

        internal double Start { get; }

        internal double End { get; }

        internal double InverseLength { get; }

        internal double StartValue { get; }

        internal double EndValue { get; }

        internal double Drop { get; }
    }
}
