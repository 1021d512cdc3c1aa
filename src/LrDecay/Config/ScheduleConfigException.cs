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

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }
}
