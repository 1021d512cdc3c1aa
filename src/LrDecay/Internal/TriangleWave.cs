using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>
/// PyTorch <c>CyclicLR</c>'s wave: a triangle <c>h</c> with period <c>stepSizeUp + stepSizeDown</c>, rising from 0 to 1 over
/// <c>stepSizeUp</c> steps and falling back over <c>stepSizeDown</c>, times the amplitude <c>scale</c> of the mode: 1 (triangular),
/// <c>1 / 2^(cycle - 1)</c> (triangular2) or <c>gamma^t</c> (expRange). The learning rate of cyclic adds <c>height * h * scale</c> to
/// its lower end; the momentum subtracts it from its upper end.
/// </summary>
internal readonly struct TriangleWave
{
    private readonly long _stepSizeUp;
    private readonly long _totalSize;
    private readonly StepDivisor _cycles;
    private readonly double _inverseUp;
    private readonly double _inverseDown;
    private readonly double _logGamma;
    private readonly CyclicMode _mode;

    /// <summary>Creates the wave; the arguments have been checked by <see cref="Validate"/>.</summary>
    internal TriangleWave(long stepSizeUp, long stepSizeDown, CyclicMode mode, double gamma)
    {
        _stepSizeUp = stepSizeUp;
        _totalSize = stepSizeUp + stepSizeDown;
        _cycles = new StepDivisor(_totalSize);
        _inverseUp = 1.0 / stepSizeUp;
        _inverseDown = 1.0 / stepSizeDown;
        _logGamma = Elementary.Log(gamma);
        _mode = mode;
    }

    /// <summary>Checks the wave's settings; returns the falling half's length (<paramref name="stepSizeDown"/>, or <paramref name="stepSizeUp"/> when null).</summary>
    internal static long Validate(long stepSizeUp, long? stepSizeDown, CyclicMode mode, double gamma)
    {
        Guard.PositiveSteps(stepSizeUp);
        long down = stepSizeDown ?? stepSizeUp;
        Guard.PositiveSteps(down, nameof(stepSizeDown));
        if (mode is not (CyclicMode.Triangular or CyclicMode.Triangular2 or CyclicMode.ExponentialRange))
        {
            Guard.ThrowOutOfRange(nameof(mode), mode, "must be 'Triangular', 'Triangular2' or 'ExponentialRange'");
        }

        if (mode == CyclicMode.ExponentialRange)
        {
            Guard.InUnitInterval(gamma);
        }
        else
        {
            Guard.Positive(gamma);
        }

        if (stepSizeUp > long.MaxValue - down)
        {
            Guard.ThrowOutOfRange(nameof(stepSizeDown), down, $"makes a cycle longer than {long.MaxValue} steps with stepSizeUp '{stepSizeUp}'");
        }

        return down;
    }

    /// <summary><c>height * h(step) * scale(step)</c>, multiplied in that order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Of(double height, long step)
    {
        // The cycle, floor(step / totalSize), and the position in it, both exact.
        long cycle = _cycles.Quotient(step, out long position);
        double scaleFactor = position <= _stepSizeUp ? position * _inverseUp : (_totalSize - position) * _inverseDown;
        double amplitude = _mode switch
        {
            CyclicMode.Triangular2 => HalfPower(cycle),
            CyclicMode.ExponentialRange => ExpKernel.Of(step * _logGamma),
            _ => 1.0,
        };
        return height * scaleFactor * amplitude;
    }

    /// <summary><c>0.5^n</c> exactly, built from its bits (normal down to 2^-1022, subnormal to 2^-1074, then 0).</summary>
    private static double HalfPower(long n)
    {
        if (n <= 1022)
        {
            return BitConverter.Int64BitsToDouble((1023 - n) << 52);
        }

        return n <= 1074 ? BitConverter.Int64BitsToDouble(1L << (int)(1074 - n)) : 0.0;
    }
}
