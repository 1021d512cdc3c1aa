using System.Text.Json;

namespace LrDecay.Config;

/// <summary>Builds schedules from config JSON through their catalog entries and public constructors, so C# and JSON share one set of checks.</summary>
internal static class ScheduleJsonReader
{
    internal static ILearningRateSchedule Read(JsonElement element, string path, TrainingBudget? budget)
    {
        var config = new ConfigObject(element, path, budget);
        string type = config.Type();
        CatalogEntry entry = Catalog.Find(type) ?? throw new ScheduleConfigException(
            ConfigObject.PathOf(path, "type"),
            $"unknown schedule type '{type}'{ConfigObject.SuggestOrList(type, Catalog.Types.Select(t => t.Name).ToArray())}");
        config.EnsureKnown(type, entry.PropertyNames);
        return entry.Read(config);
    }

    /// <summary>Runs a constructor, turning its argument errors into config errors at the named property's path.</summary>
    internal static T Construct<T>(ConfigObject c, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            string problem = ProblemOf(ex);
            string path = c.Path;
            if (ex.ParamName is { Length: > 0 } name && c.Has(BaseName(name)))
            {
                path = ConfigObject.PathOf(c.Path, name);
                if (c.ResolvedFrom(BaseName(name)) is string note)
                {
                    // A step count from budget units: say what it was resolved from, as the rounded value may be what is wrong.
                    problem = $"{problem.TrimEnd('.')} ({note}).";
                }
            }

            throw new ScheduleConfigException(path, problem, ex);
        }
    }

    /// <summary>
    /// The problem an argument error states, for a config error: its first line, without the runtime's " (Parameter 'x')" tail
    /// (the config error's path names the property instead).
    /// </summary>
    internal static string ProblemOf(ArgumentException ex)
    {
        string problem = FirstLine(ex.Message);
        string suffix = ex.ParamName is null ? string.Empty : $" (Parameter '{ex.ParamName}')";
        return suffix.Length > 0 && problem.EndsWith(suffix, StringComparison.Ordinal)
            ? problem.Substring(0, problem.Length - suffix.Length)
            : problem;
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n');
        return (newline < 0 ? message : message.Substring(0, newline)).TrimEnd('\r');
    }

    private static string BaseName(string name)
    {
        int bracket = name.IndexOf('[');
        return bracket < 0 ? name : name.Substring(0, bracket);
    }
}
