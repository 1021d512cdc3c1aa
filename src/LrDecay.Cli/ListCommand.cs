using System.CommandLine;

namespace LrDecay.Cli;

/// <summary><c>lrdecay list [TYPE]</c>: every schedule type with its parameters, defaults and formula.</summary>
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
        IReadOnlyList<ScheduleCatalog.Entry> entries = ScheduleCatalog.Entries;
        if (type is not null)
        {
            ScheduleCatalog.Entry entry = ScheduleCatalog.Find(type)
                ?? throw new UsageException($"unknown schedule type '{type}' (known: {string.Join(", ", ScheduleCatalog.Entries.Select(e => e.Type))})");
            entries = [entry];
        }

        TextWriter output = console.Output;
        for (int i = 0; i < entries.Count; i++)
        {
            ScheduleCatalog.Entry entry = entries[i];
            if (i > 0)
            {
                output.WriteLine();
            }

            output.WriteLine($"{entry.Type}  ({entry.Kind})");
            output.WriteLine($"  {entry.Formula}");
            int nameWidth = entry.Parameters.Max(p => p.Name.Length);
            int defaultWidth = Math.Max("required".Length, entry.Parameters.Max(p => (p.Default ?? string.Empty).Length));
            foreach (ScheduleCatalog.Parameter parameter in entry.Parameters)
            {
                string line = $"    {parameter.Name.PadRight(nameWidth)}  {(parameter.Default ?? "required").PadRight(defaultWidth)}  {parameter.Range}";
                output.WriteLine(line.TrimEnd());
            }
        }

        output.Flush();
        return ExitCodes.Ok;
    }
}
