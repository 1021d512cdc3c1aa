namespace LrDecay.Internal;

/// <summary><c>x^p</c> for <c>x</c> in <c>[0, 1]</c>, with integer and half-integer exponents done by multiplication.</summary>
internal readonly struct Power
{
    private const int MaxMultiplied = 8;
    private readonly double _exponent;
    private readonly int _whole;
    private readonly bool _half;
    private readonly bool _general;

    internal Power(double exponent)
    {
        _exponent = exponent;
        double twice = exponent * 2.0;
        bool halfInteger = twice == Math.Floor(twice) && exponent <= MaxMultiplied;
        _general = !halfInteger;
        _whole = halfInteger ? (int)Math.Floor(exponent) : 0;
        _half = halfInteger && twice % 2.0 != 0.0;
    }

    internal double Of(double x)
    {
        if (_general)
        {
            // One log and one exp cost less than Math.Pow here; the error, about |power * ln x| ulps, stays far inside 1e-12.
            return Math.Exp(_exponent * Math.Log(x));
        }

        double result = _half ? Math.Sqrt(x) : 1.0;
        for (int i = 0; i < _whole; i++)
        {
            result *= x;
        }

        return result;
    }
}
