using System.Collections.ObjectModel;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Piecewise interpolation between knots <c>(steps[i], values[i])</c>: <c>lr(t) = values[0]</c> for <c>t &lt; steps[0]</c>; on
/// <c>[steps[i], steps[i+1])</c>, with <c>f = (t - steps[i]) / (steps[i+1] - steps[i])</c>, linear
/// <c>values[i] + (values[i+1] - values[i]) * f</c> or cosine <c>values[i+1] + (values[i] - values[i+1]) * (1 + cos(pi * f)) / 2</c>;
/// <c>values[n-1]</c> for <c>t &gt;= steps[n-1]</c>.
/// </summary>
/// <remarks>
/// optax <c>piecewise_interpolate_schedule(interpolate_type, init_value, {b_1: s_1, ..., b_k: s_k})</c> is
/// <c>steps = [0, b_1, ..., b_k]</c>, <c>values = [init, init * s_1, ..., init * s_1 * ... * s_k]</c>; ignite <c>PiecewiseLinear</c>
/// is the linear interpolation over its <c>milestones_values</c>. As in optax, a step on a knot takes the formula of the segment it
/// starts, so in cosine mode the rate at a knot may differ from the knot's value in the last bit.
/// JSON: <c>{"type":"piecewiseLinear","steps":[0,10,30],"values":[0.1,0.05,0.005],"interpolation":"cosine"}</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PiecewiseLinearSchedule : ILearningRateSchedule
{
    private readonly long[] _steps;
    private readonly double[] _values;

    /// <summary>One entry per segment, so a step reads one array element after finding its segment.</summary>
    private readonly Segment[] _segments;
    private readonly bool _cosine;

    /// <summary>Creates a piecewise-interpolated schedule.</summary>
    /// <param name="steps">The knots' steps: at least one, strictly increasing, each <c>&gt;= 0</c>.</param>
    /// <param name="values">The knots' learning rates: one per step, each finite and <c>&gt;= 0</c>.</param>
    /// <param name="interpolation">How the rate moves between knots. Default <see cref="PiecewiseInterpolation.Linear"/>.</param>
    /// <exception cref="ArgumentException">
    /// The steps are empty, negative or not strictly increasing, or <paramref name="values"/> has not one value per step.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite, or the interpolation is not defined.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PiecewiseLinearSchedule(
        IEnumerable<long> steps, IEnumerable<double> values, PiecewiseInterpolation interpolation = PiecewiseInterpolation.Linear)
    {
        _steps = Guard.IncreasingSteps(steps, nameof(steps), allowZero: true);
        if (_steps.Length == 0)
        {
            throw new ArgumentException("steps must have at least one element: got none.", nameof(steps));
        }

        _values = Guard.NotNull(values).ToArray();
        if (_values.Length != _steps.Length)
        {
            throw new ArgumentException(
                $"values must have one element per step: got {_values.Length} values for {_steps.Length} steps.", nameof(values));
        }

        for (int i = 0; i < _values.Length; i++)
        {
            Guard.LearningRate(_values[i], $"values[{i}]");
        }

        if (interpolation is not (PiecewiseInterpolation.Linear or PiecewiseInterpolation.Cosine))
        {
            Guard.ThrowOutOfRange(nameof(interpolation), interpolation, "must be 'Linear' or 'Cosine'");
        }

        _cosine = interpolation == PiecewiseInterpolation.Cosine;
        _segments = new Segment[_steps.Length - 1];
        for (int i = 0; i < _segments.Length; i++)
        {
            long length = _steps[i + 1] - _steps[i];
            _segments[i] = new Segment(
                _steps[i],
                length,
                _cosine ? (_values[i] - _values[i + 1]) / 2.0 : _values[i + 1] - _values[i],
                _cosine ? _values[i + 1] : _values[i],
                HalfCosine.PiOver2N(length));
        }

        Steps = Array.AsReadOnly(_steps);
        Values = Array.AsReadOnly(_values);
        Interpolation = interpolation;
    }

    /// <summary>The knots' steps.</summary>
    public ReadOnlyCollection<long> Steps { get; }

    /// <summary>The knots' learning rates.</summary>
    public ReadOnlyCollection<double> Values { get; }

    /// <summary>How the rate moves between knots.</summary>
    public PiecewiseInterpolation Interpolation { get; }

    /// <summary>The schedule's config JSON, as <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes it.</summary>
    /// <returns>The compact JSON.</returns>
    public override string ToString() => ScheduleJson.ToText(this);

    /// <inheritdoc/>
    public double GetLearningRate(long step)
    {
        Guard.Step(step);
        long[] steps = _steps;
        if (step < steps[0])
        {
            return _values[0];
        }

        // The knots at or before the step (at least one); the step lies on the segment that starts at the last of them.
        int known = Guard.CountAtMost(steps, step);
        if (known == steps.Length)
        {
            return _values[known - 1];
        }

        ref readonly Segment segment = ref _segments[known - 1];
        long done = step - segment.Start;
        double lr = _cosine
            ? segment.Base + (segment.Coefficient * (2.0 * HalfCosine.OfSteps(done, segment.Length, segment.PiOver2N)))
            : (segment.Coefficient * ((double)done / segment.Length)) + segment.Base;

        // The exact value lies between the segment's two knot values; near double.MaxValue the rounding alone can pass it, and the
        // largest finite double is then the nearest rate.
        return lr <= double.MaxValue ? lr : double.MaxValue;
    }

    /// <summary>
    /// A segment: its first step and length, its coefficient (linear, <c>values[i+1] - values[i]</c>; cosine,
    /// <c>(values[i] - values[i+1]) / 2</c>, optax's order of operations), the value the formula adds it to (linear, <c>values[i]</c>;
    /// cosine, <c>values[i+1]</c>), and <c>pi / (2 length)</c> for the cosine ramp.
    /// </summary>
    private readonly struct Segment(long start, long length, double coefficient, double @base, double piOver2N)
    {
        internal readonly long Start = start;
        internal readonly long Length = length;
        internal readonly double Coefficient = coefficient;
        internal readonly double Base = @base;
        internal readonly double PiOver2N = piOver2N;
    }
}
