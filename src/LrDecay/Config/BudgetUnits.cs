using System.Globalization;
using System.Text.Json;
using LrDecay.Internal;

namespace LrDecay.Config;

/// <summary>
/// Step counts a config writes in the units of a training budget rather than in steps (<c>{"epochs": 3}</c>, <c>{"samples": x}</c>,
/// <c>{"tokens": x}</c>, <c>{"fraction": x}</c>), resolved against the <see cref="TrainingBudget"/> given to the parser.
/// </summary>
internal static class BudgetUnits
{
    /// <summary>
    /// The step count <paramref name="value"/> writes as <c>{"epochs": x}</c>, <c>{"samples": x}</c>, <c>{"tokens": x}</c> or
    /// <c>{"fraction": x}</c>, resolved against <paramref name="budget"/>.
    /// </summary>
    /// <param name="path">The JSON path of the value.</param>
    /// <param name="name">The property (or array item) as errors name it.</param>
    /// <param name="value">The JSON object with one unit.</param>
    /// <param name="budget">The training budget, or null when none was given.</param>
    /// <param name="note">How the count was resolved (<c>{"epochs": 3} * stepsPerEpoch 100 rounds to 300</c>), for the constructor's errors.</param>
    /// <returns>The steps.</returns>
    /// <exception cref="ScheduleConfigException">The unit is unknown, its amount is not a finite number &gt;= 0, the budget lacks the
    /// field the unit needs (<see cref="ScheduleConfigException.MissingBudgetField"/> names it), or the steps pass a 64-bit count.</exception>
    internal static long Resolve(string path, string name, JsonElement value, TrainingBudget? budget, out string note)
    {
        string units = string.Join(", ", BudgetMath.Units);
        var keys = value.EnumerateObject().Select(p => p.Name).ToList();
        if (keys.Count == 0)
        {
            throw new ScheduleConfigException(
                path, $"{name} must be an integer number of steps or an object with one unit ({units}), got an empty object.");
        }

        if (keys.Count > 1)
        {
            throw new ScheduleConfigException(
                path,
                keys.Distinct(StringComparer.Ordinal).Count() < keys.Count
                    ? $"{name} gives a unit more than once ({string.Join(", ", keys.Select(k => $"'{ConfigObject.Truncate(k)}'"))}); give exactly one of {units}."
                    : $"{name} gives {keys.Count} units ({string.Join(", ", keys.Select(k => $"'{ConfigObject.Truncate(k)}'"))}); give exactly one of {units}.");
        }

        string unit = keys[0];
        JsonElement amount = value.GetProperty(unit);
        string unitPath = ConfigObject.PathOf(path, unit);
        if (!BudgetMath.IsUnit(unit))
        {
            throw new ScheduleConfigException(unitPath, $"unknown unit '{ConfigObject.Truncate(unit)}' for {name}{ConfigObject.SuggestOrList(unit, BudgetMath.Units)}");
        }

        if (amount.ValueKind != JsonValueKind.Number)
        {
            throw new ScheduleConfigException(unitPath, $"{unit} must be a number >= 0, got {ConfigObject.Describe(amount)}.");
        }

        string raw = amount.GetRawText();
        if (!amount.TryGetDouble(out double approximately) || double.IsInfinity(approximately) || double.IsNaN(approximately))
        {
            throw new ScheduleConfigException(unitPath, $"{unit} ('{ConfigObject.Truncate(raw)}') must be a finite number.");
        }

        if (approximately < 0.0)
        {
            throw new ScheduleConfigException(unitPath, $"{unit} ('{ConfigObject.Truncate(raw)}') must be >= 0.");
        }

        string field = BudgetMath.FieldOf(unit);
        if (budget is null)
        {
            throw new ScheduleConfigException(path, $"'{unit}' needs {field}, but no training budget was given.", field);
        }

        long fieldValue = BudgetMath.FieldValue(budget, unit)
            ?? throw new ScheduleConfigException(path, $"'{unit}' needs {field}, which the training budget ({budget}) does not give.", field);
        string written = $"{{\"{unit}\": {ConfigObject.Truncate(raw)}}}";
        if (!BudgetMath.TryResolve(raw, approximately, unit, fieldValue, out long steps))
        {
            throw new ScheduleConfigException(
                path, $"{name} ({written} {BudgetMath.Operation(unit, fieldValue)}) is beyond a 64-bit step count.");
        }

        note = $"{written} {BudgetMath.Operation(unit, fieldValue)} rounds to {steps.ToString(CultureInfo.InvariantCulture)}";
        return steps;
    }
}
