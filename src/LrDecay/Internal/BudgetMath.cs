using System.Globalization;
using System.Numerics;

namespace LrDecay.Internal;

/// <summary>
/// Turns an amount of epochs, samples, tokens or a fraction of the run into steps, exactly: the amount is taken as the decimal
/// number it is written as (JSON text, or a double's shortest round-trip form) and the product or quotient is formed as a ratio of
/// <see cref="BigInteger"/>s, then rounded to the nearest integer with ties up. No binary floating point enters the result.
/// </summary>
internal static class BudgetMath
{
    /// <summary>The units, in the order messages list them.</summary>
    internal static readonly string[] Units = ["epochs", "samples", "tokens", "fraction"];

    /// <summary>Above this an amount gives more than a 64-bit step count in every unit (1e40 / 2^63 &gt; 2^63).</summary>
    private const double Huge = 1e40;

    /// <summary>Below this an amount gives fewer than half a step in every unit (1e-30 * 2^63 &lt; 0.5).</summary>
    private const double Tiny = 1e-30;

    internal static bool IsUnit(string name) => Array.IndexOf(Units, name) >= 0;

    /// <summary>The budget field a unit needs, as JSON names it: <c>stepsPerEpoch</c>, <c>samplesPerStep</c>, ...</summary>
    internal static string FieldOf(string unit) => unit switch
    {
        "epochs" => "stepsPerEpoch",
        "samples" => "samplesPerStep",
        "tokens" => "tokensPerStep",
        "fraction" => "totalSteps",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "not a budget unit"),
    };

    /// <summary>The budget's value of the field <paramref name="unit"/> needs, or null when the budget does not give it.</summary>
    internal static long? FieldValue(TrainingBudget budget, string unit) => unit switch
    {
        "epochs" => budget.StepsPerEpoch,
        "samples" => budget.SamplesPerStep,
        "tokens" => budget.TokensPerStep,
        "fraction" => budget.TotalSteps,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "not a budget unit"),
    };

    /// <summary>How the steps come from the amount, for messages: <c>* stepsPerEpoch 1875</c> or <c>/ samplesPerStep 256</c>.</summary>
    internal static string Operation(string unit, long field) =>
        $"{(unit is "epochs" or "fraction" ? "*" : "/")} {FieldOf(unit)} {field.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The steps of <paramref name="amount"/> (a finite number <c>&gt;= 0</c> in JSON number form, e.g. <c>2.5</c> or <c>1E+30</c>) of
    /// <paramref name="unit"/>, with <paramref name="field"/> its budget field (<c>&gt; 0</c>): amount × field for epochs and fraction,
    /// amount ÷ field for samples and tokens; rounded to the nearest integer, ties up.
    /// </summary>
    /// <returns>False when the result is beyond a 64-bit step count.</returns>
    internal static bool TryResolve(string amount, double approximately, string unit, long field, out long steps)
    {
        steps = 0;
        if (approximately < Tiny)
        {
            return true;
        }

        if (approximately > Huge || !TryParseDecimal(amount, out BigInteger numerator, out BigInteger denominator))
        {
            return false;
        }

        if (unit is "epochs" or "fraction")
        {
            numerator *= field;
        }
        else
        {
            denominator *= field;
        }

        // round(n / d) with ties up, for n, d >= 0: floor((2n + d) / 2d).
        BigInteger rounded = BigInteger.Divide((2 * numerator) + denominator, 2 * denominator);
        if (rounded > long.MaxValue)
        {
            return false;
        }

        steps = (long)rounded;
        return true;
    }

    /// <summary>The shortest text that reads back as <paramref name="value"/>, the form <see cref="TryResolve"/> takes.</summary>
    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a non-negative number in JSON form (digits, an optional fraction, an optional exponent) as numerator / denominator,
    /// exactly; false when the exponent does not fit an int.
    /// </summary>
    private static bool TryParseDecimal(string text, out BigInteger numerator, out BigInteger denominator)
    {
        numerator = BigInteger.Zero;
        denominator = BigInteger.One;
        int i = text.StartsWith("-", StringComparison.Ordinal) || text.StartsWith("+", StringComparison.Ordinal) ? 1 : 0;
        int exponentAt = text.IndexOfAny(['e', 'E']);
        string mantissa = exponentAt < 0 ? text.Substring(i) : text.Substring(i, exponentAt - i);
        int exponent = 0;
        if (exponentAt >= 0 && !int.TryParse(text.Substring(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return false;
        }

        int point = mantissa.IndexOf('.');
        string digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        int fractionDigits = point < 0 ? 0 : mantissa.Length - point - 1;
        if (digits.Length == 0 || !BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out numerator))
        {
            return false;
        }

        long scale = (long)exponent - fractionDigits;
        if (scale > int.MaxValue || scale < int.MinValue)
        {
            return false;
        }

        if (scale >= 0)
        {
            numerator *= BigInteger.Pow(10, (int)scale);
        }
        else
        {
            denominator = BigInteger.Pow(10, (int)-scale);
        }

        return true;
    }
}
