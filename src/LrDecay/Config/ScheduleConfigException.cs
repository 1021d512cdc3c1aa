using System.Text.Json;

namespace LrDecay;

/// <summary>
/// A schedule config that cannot be built: malformed JSON, an unknown type or property, a missing property, a value of the wrong
/// kind or out of range. The message starts with the JSON path (<c>$.schedules[1].gamma: ...</c>) and names the bad value.
/// </summary>
public sealed class ScheduleConfigException : JsonException
{
    /// <summary>Creates a config error at <paramref name="path"/>.</summary>
    /// <param name="path">The JSON path of the offending value, e.g. <c>$.schedules[1].gamma</c>.</param>
    /// <param name="problem">What is wrong with it, naming the property and value.</param>
    /// <param name="innerException">The constructor's or the parser's exception, if any.</param>
    public ScheduleConfigException(string path, string problem, Exception? innerException = null)
        : base($"{path}: {problem}", path, null, null, innerException)
    {
        Problem = problem;
    }

    /// <summary>Creates a config error for a step count written in a unit that needs a training-budget value the budget does not give.</summary>
    internal ScheduleConfigException(string path, string problem, string missingBudgetField)
        : this(path, problem)
    {
        MissingBudgetField = missingBudgetField;
    }

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }

    /// <summary>
    /// When a step count is written in a unit (<c>{"epochs": 3}</c>) whose training-budget value is not given, that value's name as
    /// the <see cref="TrainingBudget"/> constructor spells it: <c>totalSteps</c>, <c>stepsPerEpoch</c>, <c>samplesPerStep</c> or
    /// <c>tokensPerStep</c>; null for any other error.
    /// </summary>
    public string? MissingBudgetField { get; }
}
