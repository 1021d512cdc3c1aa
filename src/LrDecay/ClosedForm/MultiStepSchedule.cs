using System.Collections.ObjectModel;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>Multi-step decay: <c>lr(t) = initialLr * gamma^k</c>, <c>k</c> = the number of milestones <c>&lt;= t</c>.</summary>
/// <remarks>PyTorch <c>MultiStepLR</c>. JSON: <c>{"type":"multiStep","initialLr":0.1,"milestones":[30,80],"gamma":0.1}</c>.</remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class MultiStepSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly long[] _milestones;
    private readonly double[] _values;

    /// <summary>Creates a multi-step schedule.</summary>
    /// <param name="initialLr">The learning rate before the first milestone. Range: finite, <c>&gt;= 0</c>.</param>
    /// <param name="milestones">Steps at which the rate drops. Strictly increasing, each <c>&gt; 0</c>; may be empty.</param>
    /// <param name="gamma">Factor applied at each milestone. Range: <c>(0, 1]</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    /// <exception cref="ArgumentException"><paramref name="milestones"/> is not strictly increasing or holds a value <c>&lt;= 0</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="milestones"/> is null.</exception>
    public MultiStepSchedule(double initialLr, IEnumerable<long> milestones, double gamma)
    {
        Guard.LearningRate(initialLr);
        _milestones = Guard.IncreasingSteps(milestones, nameof(milestones));
        Guard.InUnitInterval(gamma);
        InitialLr = initialLr;
        Gamma = gamma;
        _values = new double[_milestones.Length + 1];
        for (int k = 0; k < _values.Length; k++)
        {
            _values[k] = initialLr * Elementary.Pow(gamma, k);
        }

        Milestones = Array.AsReadOnly(_milestones);
    }

    /// <summary>The learning rate before the first milestone.</summary>
    public double InitialLr { get; }

    /// <summary>Steps at which the rate is multiplied by <see cref="Gamma"/>.</summary>
    public ReadOnlyCollection<long> Milestones { get; }

    /// <summary>Factor applied at each milestone.</summary>
    public double Gamma { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        return _values[Guard.CountAtMost(_milestones, step)];
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination) => Batch.FillSorted(_milestones, _values, 0, firstStep, destination);
}
