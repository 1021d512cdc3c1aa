using System.Globalization;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// The size of one training run, so that step counts can be written in epochs, samples, tokens or as a fraction of the run:
/// <c>new TrainingBudget(totalSteps: 50_000, stepsPerEpoch: 1875)</c>. Give it to
/// <see cref="ScheduleJson.Parse(string, TrainingBudget?)"/> to read configs such as <c>"decaySteps": {"epochs": 3}</c>, or resolve an
/// amount in C# with <see cref="Epochs"/>, <see cref="Samples"/>, <see cref="Tokens"/> and <see cref="Fraction"/>.
/// </summary>
/// <remarks>
/// <para>
/// The steps of an amount x are x × <see cref="StepsPerEpoch"/> (epochs), x ÷ <see cref="SamplesPerStep"/> (samples),
/// x ÷ <see cref="TokensPerStep"/> (tokens) or x × <see cref="TotalSteps"/> (fraction), rounded to the nearest integer, ties up.
/// The arithmetic is exact: x is taken as the decimal number it is written as (in C#, a double's shortest round-trip form, so
/// <c>0.15</c> is 15/100) and the result is a ratio of big integers, so 0.5 × 3 steps is 1.5, which rounds to 2, and 3 epochs of
/// 1875 steps are 5625 steps exactly.
/// </para>
/// <para>
/// Samples and tokens are what survive a change of batch size or GPU count: with 8 GPUs a step takes 8 times the samples, and a
/// horizon of <c>{"samples": 12800000}</c> gives 8 times fewer steps from the same config.
/// </para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class TrainingBudget
{
    /// <summary>Creates a budget; give only the fields the configs need.</summary>
    /// <param name="totalSteps">The steps of the whole run, for <c>fraction</c>. Range: <c>&gt; 0</c>, or null.</param>
    /// <param name="stepsPerEpoch">The steps (optimizer updates) of one epoch, for <c>epochs</c>. Range: <c>&gt; 0</c>, or null.</param>
    /// <param name="samplesPerStep">The samples of one step (the effective batch size over every device), for <c>samples</c>. Range: <c>&gt; 0</c>, or null.</param>
    /// <param name="tokensPerStep">The tokens of one step (samples × sequence length), for <c>tokens</c>. Range: <c>&gt; 0</c>, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A field is given and not <c>&gt; 0</c>.</exception>
    public TrainingBudget(long? totalSteps = null, long? stepsPerEpoch = null, long? samplesPerStep = null, long? tokensPerStep = null)
    {
        TotalSteps = CheckField(totalSteps, nameof(totalSteps));
        StepsPerEpoch = CheckField(stepsPerEpoch, nameof(stepsPerEpoch));
        SamplesPerStep = CheckField(samplesPerStep, nameof(samplesPerStep));
        TokensPerStep = CheckField(tokensPerStep, nameof(tokensPerStep));
    }

    /// <summary>The steps of the whole run (what <c>fraction</c> multiplies), or null.</summary>
    public long? TotalSteps { get; }

    /// <summary>The steps of one epoch (what <c>epochs</c> multiplies), or null.</summary>
    public long? StepsPerEpoch { get; }

    /// <summary>The samples of one step (what <c>samples</c> divides by), or null.</summary>
    public long? SamplesPerStep { get; }

    /// <summary>The tokens of one step (what <c>tokens</c> divides by), or null.</summary>
    public long? TokensPerStep { get; }

    /// <summary>The steps of <paramref name="epochs"/> epochs: <c>round(epochs × StepsPerEpoch)</c>, ties up.</summary>
    /// <param name="epochs">Epochs. Range: finite, <c>&gt;= 0</c>.</param>
    /// <returns>The steps.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is negative, NaN or infinite, or the steps are beyond a 64-bit integer.</exception>
    /// <exception cref="InvalidOperationException">The budget has no <see cref="StepsPerEpoch"/>.</exception>
    public long Epochs(double epochs) => Resolve(epochs, "epochs", nameof(epochs));

    /// <summary>The steps of <paramref name="samples"/> samples: <c>round(samples ÷ SamplesPerStep)</c>, ties up.</summary>
    /// <param name="samples">Samples. Range: finite, <c>&gt;= 0</c>.</param>
    /// <returns>The steps.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is negative, NaN or infinite, or the steps are beyond a 64-bit integer.</exception>
    /// <exception cref="InvalidOperationException">The budget has no <see cref="SamplesPerStep"/>.</exception>
    public long Samples(double samples) => Resolve(samples, "samples", nameof(samples));

    /// <summary>The steps of <paramref name="tokens"/> tokens: <c>round(tokens ÷ TokensPerStep)</c>, ties up.</summary>
    /// <param name="tokens">Tokens. Range: finite, <c>&gt;= 0</c>.</param>
    /// <returns>The steps.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokens"/> is negative, NaN or infinite, or the steps are beyond a 64-bit integer.</exception>
    /// <exception cref="InvalidOperationException">The budget has no <see cref="TokensPerStep"/>.</exception>
    public long Tokens(double tokens) => Resolve(tokens, "tokens", nameof(tokens));

    /// <summary>The steps of a fraction of the run: <c>round(fraction × TotalSteps)</c>, ties up.</summary>
    /// <param name="fraction">The fraction, e.g. <c>0.05</c> for 5%. Range: finite, <c>&gt;= 0</c> (above 1 is allowed).</param>
    /// <returns>The steps.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is negative, NaN or infinite, or the steps are beyond a 64-bit integer.</exception>
    /// <exception cref="InvalidOperationException">The budget has no <see cref="TotalSteps"/>.</exception>
    public long Fraction(double fraction) => Resolve(fraction, "fraction", nameof(fraction));

    /// <summary>The fields given, as JSON names them: <c>totalSteps=50000, stepsPerEpoch=1875</c>, or <c>none</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var parts = new List<string>(4);
        Add(parts, "totalSteps", TotalSteps);
        Add(parts, "stepsPerEpoch", StepsPerEpoch);
        Add(parts, "samplesPerStep", SamplesPerStep);
        Add(parts, "tokensPerStep", TokensPerStep);
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    private static void Add(List<string> parts, string name, long? value)
    {
        if (value is long v)
        {
            parts.Add($"{name}={v.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static long? CheckField(long? value, string paramName)
    {
        if (value is long v && v <= 0)
        {
            Guard.ThrowOutOfRange(paramName, v, "must be greater than '0'");
        }

        return value;
    }

    private long Resolve(double amount, string unit, string paramName)
    {
        if (!(amount >= 0.0) || double.IsInfinity(amount))
        {
            Guard.ThrowOutOfRange(paramName, amount, "must be a finite value greater than or equal to '0'");
        }

        long field = BudgetMath.FieldValue(this, unit) ?? throw new InvalidOperationException(
            $"'{unit}' needs {BudgetMath.FieldOf(unit)}, which this budget ({this}) does not give.");
        string text = BudgetMath.Text(amount);
        if (!BudgetMath.TryResolve(text, amount, unit, field, out long steps))
        {
            Guard.ThrowOutOfRange(paramName, amount, $"{BudgetMath.Operation(unit, field)} is beyond a 64-bit step count");
        }

        return steps;
    }
}
