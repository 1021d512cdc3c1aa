using System.CommandLine;

namespace LrDecay.Cli;

/// <summary><c>lrdecay list [TYPE]</c>: every schedule type of <see cref="ScheduleJson.Types"/> with its parameters, defaults and formula.</summary>
internal static class ListCommand
{
    public static Command Create(CliConsole console)
    {
        var type = new Argument<string?>("TYPE")
        {
            Description = "Show only this type.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("list", "List every schedule type with its parameters, defaults and formula.")
        {
            type,
        };
        command.SetAction(parseResult => Run(console, parseResult.GetValue(type)));
        return command;
    }

    private static int Run(CliConsole console, string? type)
    {
        IReadOnlyList<ScheduleTypeInfo> entries = ScheduleJson.Types;
        if (type is not null)
        {
            string[] names = ScheduleJson.Types.Select(e => e.Name).ToArray();
            // The same words as a config with that type gets ("unknown schedule type 'x'; did you mean 'y'?" or the known names).
            ScheduleTypeInfo entry = ScheduleJson.FindType(type) ?? throw new UsageException(
                $"unknown schedule type '{type}'{LrDecay.Config.ConfigObject.SuggestOrList(type, names)}");
            entries = [entry];
        }

        TextWriter output = console.Output;
        for (int i = 0; i < entries.Count; i++)
        {
            ScheduleTypeInfo entry = entries[i];
            if (i > 0)
            {
                output.WriteLine();
            }

            output.WriteLine($"{entry.Name}  ({KindText(entry.Kind)})");
            output.WriteLine($"  {entry.Formula}");
            int nameWidth = entry.Parameters.Max(p => p.Name.Length);
            int defaultWidth = Math.Max("required".Length, entry.Parameters.Max(p => (p.Default ?? string.Empty).Length));
            foreach (ScheduleParameterInfo parameter in entry.Parameters)
            {
                string line = $"    {parameter.Name.PadRight(nameWidth)}  {(parameter.Default ?? "required").PadRight(defaultWidth)}  {parameter.Range}";
                output.WriteLine(line.TrimEnd());
            }
        }

        output.Flush();
        return ExitCodes.Ok;
    }

    private static string KindText(ScheduleKind kind) => kind switch
    {
        ScheduleKind.Composite => "composite",
        ScheduleKind.MetricDriven => "metric-driven",
        _ => "closed form",
    };
}
