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
            // The library's log and exp (x^p <= 1, so the exponent is <= 0; ln 0 = -inf gives 0) cost a fraction of Math.Pow,
            // and half of Math.Log with Math.Exp; the error, about |power * ln x| ulps, stays far inside 1e-12.
            return ExpKernel.Of(_exponent * LogKernel.Of(x));
        }

        double result = _half ? Math.Sqrt(x) : 1.0;
        for (int i = 0; i < _whole; i++)
        {
            result *= x;
        }

        return result;
    }
}
