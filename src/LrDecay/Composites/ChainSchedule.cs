using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Schedules multiplied together: <c>lr(t) = s0(t) * prod over i &gt;= 1 of s_i(t) / s_i(0)</c>; the first gives the base, the rest act
/// as factors that start at 1.
/// </summary>
/// <remarks>
/// PyTorch <c>ChainedScheduler</c> over closed forms. Each factor's rate at step 0 must be <c>&gt; 0</c>.
/// JSON: <c>{"type":"chain","schedules":[{...},{...}]}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class ChainSchedule : ILearningRateSchedule, IBatchSchedule
{
    private readonly ILearningRateSchedule[] _schedules;
    private readonly double[] _starts;

    /// <summary>
    /// Per factor, <c>1 / start</c> where the start is a power of two (so the product by it is the quotient, bit for bit: both round
    /// the same exact value), else 0 and the step divides.
    /// </summary>
    private readonly double[] _inverseStarts;

    /// <summary>Creates a chain of schedules.</summary>
    /// <param name="schedules">The base schedule, then the factors: at least one, none null; every factor's rate at step 0 <c>&gt; 0</c>.</param>
    /// <exception cref="ArgumentException">The list is empty, a factor's rate at step 0 is 0, or the product could overflow.</exception>
    /// <exception cref="ArgumentNullException">The list or a schedule is null.</exception>
    public ChainSchedule(IEnumerable<ILearningRateSchedule> schedules)
    {
        _schedules = Composition.Children(schedules, nameof(schedules));
        _starts = new double[_schedules.Length];
        _inverseStarts = new double[_schedules.Length];
        for (int i = 1; i < _schedules.Length; i++)
        {
            double start = _schedules[i].GetLearningRate(0);
            if (!(start > 0.0))
            {
                throw new ArgumentException(
                    $"schedules[{i}] starts at '{Guard.Format(start)}': a chain factor's learning rate at step 0 must be greater than '0'.",
                    nameof(schedules));
            }

            _starts[i] = start;
            _inverseStarts[i] = ExactInverse(start);
        }

        Reach = Bounds.ChainMax(_schedules);
        if (double.IsInfinity(Reach))
        {
            throw new ArgumentException(
                "the product of the schedules overflows: the base's largest rate times each factor's largest rate over its rate at step 0 is not finite.",
                nameof(schedules));
        }

        Schedules = Array.AsReadOnly(_schedules);
    }

    /// <summary>The base schedule, then the factors.</summary>
    public ReadOnlyCollection<ILearningRateSchedule> Schedules { get; }

    /// <summary>The largest rate this schedule can produce (NaN when unknown), kept so an enclosing composite's check need not walk the nest again.</summary>
    internal double Reach { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    /// <remarks>
    /// Never inlined: a caller that inlines it (dynamic PGO does, behind a type check) spends its own inlining budget on it and then
    /// leaves the factors' kernels (the cosine's sine, the step's table) as calls; compiled on its own, they inline into it.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        ILearningRateSchedule[] schedules = _schedules;
        double lr = schedules[0].GetLearningRate(step);
        for (int i = 1; i < schedules.Length; i++)
        {
            lr *= Relative(schedules[i].GetLearningRate(step), i);
        }

        return lr;
    }

    void IBatchSchedule.Fill(long firstStep, Span<double> destination)
    {
        Batch.Fill(_schedules[0], firstStep, destination);
        Span<double> chunk = stackalloc double[Batch.ChunkLength];
        for (int f = 1; f < _schedules.Length; f++)
        {
            for (int offset = 0; offset < destination.Length; offset += Batch.ChunkLength)
            {
                int count = Math.Min(Batch.ChunkLength, destination.Length - offset);
                Span<double> factor = chunk.Slice(0, count);
                Span<double> target = destination.Slice(offset, count);
                Batch.Fill(_schedules[f], firstStep + offset, factor);
                for (int j = 0; j < count; j++)
                {
                    target[j] *= Relative(factor[j], f);
                }
            }
        }
    }

    /// <summary>A factor's rate over its rate at step 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Relative(double rate, int factor)
    {
        double inverse = _inverseStarts[factor];
        return inverse != 0.0 ? rate * inverse : rate / _starts[factor];
    }

    /// <summary><c>1 / x</c> for a power of two whose reciprocal is a normal double (exact), else 0.</summary>
    private static double ExactInverse(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        long exponent = bits >> 52;
        return (bits & 0xFFFFFFFFFFFFFL) == 0 && exponent >= 1 && exponent <= 2045 ? 1.0 / x : 0.0;
    }
}
