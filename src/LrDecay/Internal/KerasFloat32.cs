using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>
/// Keras 3's closed forms as they compute with its default <c>floatx</c> float32 (<c>keras/src/optimizers/schedules/
/// learning_rate_schedule.py</c>): the step and each tensor constant cast to float32, then each operation rounded to float32 in the order
/// Keras writes it; a bare Python number meets a float32 tensor as float32. The classes here are the <see cref="Precision.Float32"/>
/// evaluators of the schedules that offer it.
/// </summary>
/// <remarks>
/// Every value is a float32 held in a double. An operation is done in double and rounded once to float32: for <c>+</c>, <c>-</c>,
/// <c>*</c> and <c>/</c> of two float32 values that is the correctly rounded float32 result (a double holds more than <c>2 * 24 + 2</c>
/// bits, so the double rounding is innocuous), and it does not depend on how the JIT keeps float intermediates. <c>cos</c> and
/// <c>pow</c> are the double functions rounded once to float32, the usual way to get a correctly rounded float32 function.
/// </remarks>
internal static class KerasFloat32
{
    /// <summary>Keras's <c>array(math.pi, dtype)</c>.</summary>
    private static readonly double Pi = Round(Math.PI);

    /// <summary>Keras has no k-decay: with float32 the phase exponent must be 1.</summary>
    internal static void CheckKDecay(double kDecay)
    {
        if (kDecay != 1.0)
        {
            Guard.ThrowOutOfRange(nameof(kDecay), kDecay, "must be '1' with precision float32 (Keras has no k-decay)");
        }
    }

    /// <summary>Checks that <paramref name="precision"/> is a member and says whether it is <see cref="Precision.Float32"/>.</summary>
    internal static bool IsSelected(Precision precision)
    {
        if (precision is not (Precision.Float64 or Precision.Float32))
        {
            Guard.ThrowOutOfRange(nameof(precision), precision, "must be 'Float64' or 'Float32'");
        }

        return precision == Precision.Float32;
    }

    /// <summary><paramref name="x"/> rounded to the nearest float32 (ties to even), held in a double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Round(double x) => (float)x;

    /// <summary>
    /// A number parameter as Keras casts it: rounded to float32. Throws, naming <paramref name="paramName"/>, when it rounds beyond
    /// float32's range (Keras would compute with an infinity there).
    /// </summary>
    internal static double Cast(double value, string paramName)
    {
        double rounded = Round(value);
        if (double.IsInfinity(rounded))
        {
            Guard.ThrowOutOfRange(
                paramName, value, $"must be at most float32's largest value ('{Guard.Format(float.MaxValue)}') with precision 'Float32'");
        }

        return rounded;
    }

    /// <summary>
    /// A non-negative integer (a step or a step count) cast to float32 as <c>ops.cast</c> does: correctly rounded. Up to <c>2^53</c>
    /// the double is exact and one rounding follows; beyond, the integer is first rounded to 24 significant bits, since going through
    /// a double would round twice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Cast(long value) => value < 1L << 53 ? Round(value) : CastFar(value);

    private static double CastFar(long value)
    {
        ulong v = (ulong)value;
        int shift = BitMath.Log2(v) - 23;
        ulong kept = v >> shift;
        ulong dropped = v & ((1UL << shift) - 1);
        ulong half = 1UL << (shift - 1);
        if (dropped > half || (dropped == half && (kept & 1) != 0))
        {
            kept++;
        }

        // At most 2^24 shifted by at most 39 bits: below 2^64, and exact as a double.
        return kept << shift;
    }

    /// <summary>
    /// Keras's <c>alpha</c> (the minimum as a fraction of the initial rate), derived in double as a config port computes it:
    /// <c>minLr / initialLr</c>, 0 when both are 0. Throws, naming <c>minLr</c>, when it cannot be expressed so in float32.
    /// </summary>
    internal static double Alpha(double initialLr, double minLr)
    {
        if (initialLr == 0.0)
        {
            if (minLr != 0.0)
            {
                Guard.ThrowOutOfRange(
                    nameof(minLr), minLr, "must be '0' when initialLr is '0' with precision 'Float32', which takes the minimum as the fraction minLr / initialLr (Keras alpha)");
            }

            return 0.0;
        }

        double alpha = minLr / initialLr;
        if (double.IsInfinity(Round(alpha)))
        {
            Guard.ThrowOutOfRange(
                nameof(minLr),
                minLr,
                $"must be such that minLr / initialLr (initialLr '{Guard.Format(initialLr)}') is at most float32's largest value with precision 'Float32'");
        }

        return alpha;
    }

    private static double Cos(double x) => Float32Rounding.Cos(x);

    private static double Pow(double x, double y) => Float32Rounding.Pow(x, y);

    /// <summary>
    /// <c>ExponentialDecay</c>: <c>p = step / decay_steps</c> (floored when staircase), <c>initial_learning_rate * decay_rate^p</c>.
    /// </summary>
    internal sealed class ExponentialDecay(double initialLr, double decayRate, long decaySteps, bool staircase)
    {
        private readonly double _initialLr = Cast(initialLr, nameof(initialLr));
        private readonly double _decayRate = Cast(decayRate, nameof(decayRate));
        private readonly double _decaySteps = Cast(decaySteps);

        internal double At(long step)
        {
            double p = Round(Cast(step) / _decaySteps);
            if (staircase)
            {
                p = Math.Floor(p);
            }

            return Round(_initialLr * Pow(_decayRate, p));
        }
    }

    /// <summary>
    /// <c>InverseTimeDecay</c>: <c>p = step / decay_steps</c> (floored when staircase), <c>initial_learning_rate / (1 + decay_rate * p)</c>.
    /// </summary>
    internal sealed class InverseTimeDecay(double initialLr, double decayRate, long decaySteps, bool staircase)
    {
        private readonly double _initialLr = Cast(initialLr, nameof(initialLr));
        private readonly double _decayRate = Cast(decayRate, nameof(decayRate));
        private readonly double _decaySteps = Cast(decaySteps);

        internal double At(long step)
        {
            double p = Round(Cast(step) / _decaySteps);
            if (staircase)
            {
                p = Math.Floor(p);
            }

            return Round(_initialLr / Round(1.0 + Round(_decayRate * p)));
        }
    }

    /// <summary>
    /// <c>PolynomialDecay</c>: without cycle <c>s = min(step, decay_steps)</c>, <c>D = decay_steps</c>; with cycle <c>s = step</c>,
    /// <c>D = decay_steps * (1 if step == 0 else ceil(step / decay_steps))</c>; then <c>p = s / D</c> and
    /// <c>(initial_learning_rate - end_learning_rate) * (1 - p)^power + end_learning_rate</c>.
    /// </summary>
    /// <remarks>
    /// With cycle, past <c>2^24</c> steps the float32 <c>D</c> can round below the float32 step, so <c>1 - p</c> is <c>-2^-23</c>: Keras
    /// then gives NaN for a fractional power and a rate below <c>end_learning_rate</c> (negative when that is 0) for an odd one. Here
    /// <c>1 - p</c> is held at 0 there, the end of the cycle.
    /// </remarks>
    internal sealed class PolynomialDecay(double initialLr, long decaySteps, double endLr, double power, bool cycle)
    {
        private readonly double _initialLr = Cast(initialLr, nameof(initialLr));
        private readonly double _endLr = Cast(endLr, nameof(endLr));
        private readonly double _power = Cast(power, nameof(power));
        private readonly double _decaySteps = Cast(decaySteps);

        internal double At(long step)
        {
            double s = Cast(step);
            double d = _decaySteps;
            if (cycle)
            {
                double multiplier = s == 0.0 ? 1.0 : Math.Ceiling(Round(s / d));
                d = Round(d * multiplier);
            }
            else
            {
                s = Math.Min(s, d);
            }

            double p = Round(s / d);
            double remaining = Math.Max(Round(1.0 - p), 0.0);
            return Round(Round(Round(_initialLr - _endLr) * Pow(remaining, _power)) + _endLr);
        }
    }

    /// <summary>
    /// <c>CosineDecay</c> without warm-up: <c>f = min(step, decay_steps) / decay_steps</c>, <c>c = 0.5 * (1 + cos(pi * f))</c>,
    /// <c>initial_learning_rate * ((1 - alpha) * c + alpha)</c>, <c>alpha</c> and <c>1 - alpha</c> Python numbers (double) cast on use.
    /// </summary>
    internal sealed class CosineDecay
    {
        private readonly double _initialLr;
        private readonly double _decaySteps;
        private readonly double _alpha;
        private readonly double _oneMinusAlpha;

        internal CosineDecay(double initialLr, long decaySteps, double minLr)
        {
            _initialLr = Cast(initialLr, nameof(initialLr));
            Cast(minLr, nameof(minLr));
            double alpha = Alpha(initialLr, minLr);
            _alpha = Round(alpha);
            _oneMinusAlpha = Round(1.0 - alpha);
            _decaySteps = Cast(decaySteps);
        }

        internal double At(long step)
        {
            double fraction = Round(Math.Min(Cast(step), _decaySteps) / _decaySteps);
            double decayed = Round(0.5 * Round(1.0 + Cos(Round(Pi * fraction))));
            return Round(_initialLr * Round(Round(_oneMinusAlpha * decayed) + _alpha));
        }
    }

    /// <summary>
    /// <c>CosineDecayRestarts</c> with the exact period index <c>i</c> in place of Keras's float32 logarithm: <c>f = step /
    /// first_decay_steps</c>; for <c>t_mul == 1</c> <c>f = f - i</c>, else <c>f = (f - (1 - t_mul^i) / (1 - t_mul)) / t_mul^i</c>; then
    /// <c>c = 0.5 * m_mul^i * (1 + cos(pi * f))</c> and <c>initial_learning_rate * ((1 - alpha) * c + alpha)</c>, <c>alpha</c> a float32
    /// tensor.
    /// </summary>
    internal sealed class CosineDecayRestarts
    {
        private readonly double _initialLr;
        private readonly long _firstDecaySteps;
        private readonly double _first;
        private readonly double _alpha;
        private readonly double _oneMinusAlpha;
        private readonly double _tMul;
        private readonly double _oneMinusTMul;
        private readonly double _mMul;

        internal CosineDecayRestarts(double initialLr, long firstDecaySteps, double tMul, double mMul, double minLr)
        {
            _initialLr = Cast(initialLr, nameof(initialLr));
            Cast(minLr, nameof(minLr));
            _alpha = Round(Alpha(initialLr, minLr));
            _oneMinusAlpha = Round(1.0 - _alpha);
            _tMul = Cast(tMul, nameof(tMul));
            _oneMinusTMul = Round(1.0 - _tMul);
            _mMul = Cast(mMul, nameof(mMul));
            _firstDecaySteps = firstDecaySteps;
            _first = Cast(firstDecaySteps);
        }

        /// <summary>
        /// The rate at <paramref name="step"/> in period <paramref name="period"/> (exact, for the schedule's <c>tMul</c>). When
        /// <c>tMul</c> rounds to 1 in float32, Keras takes the periods of equal length: the period is then
        /// <c>step / first_decay_steps</c>.
        /// </summary>
        internal double At(long step, long period)
        {
            double fraction = Round(Cast(step) / _first);
            double i;
            if (_tMul == 1.0)
            {
                i = Cast(step / _firstDecaySteps);
                fraction = Round(fraction - i);
            }
            else
            {
                i = Cast(period);
                double grown = Pow(_tMul, i);
                double sum = Round(Round(1.0 - grown) / _oneMinusTMul);
                fraction = Round(Round(fraction - sum) / grown);
            }

            double peak = Round(0.5 * Pow(_mMul, i));
            double decayed = Round(peak * Round(1.0 + Cos(Round(Pi * fraction))));
            return Round(_initialLr * Round(Round(_oneMinusAlpha * decayed) + _alpha));
        }
    }
}
