using System.CommandLine;
using System.CommandLine.Help;

namespace LrDecay.Cli;

/// <summary>
/// <c>lrdecay help [COMMAND]</c>: the same text as <c>lrdecay --help</c> or <c>lrdecay COMMAND --help</c>. The top-level help lists
/// each command with its arguments, an optional one in brackets (<c>list [TYPE]</c>), as the command's own usage line has it.
/// </summary>
internal static class HelpCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string?>("COMMAND")
        {
            Description = "The command to describe; without it, every command.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("help", "Show the help of lrdecay or of one command (the same as --help).")
        {
            name,
        };
        command.SetAction(parseResult => Run(console, (RootCommand)parseResult.RootCommandResult.Command, parseResult.GetValue(name)));
        return command;
    }

    /// <summary>Runs <paramref name="parseResult"/>'s action; the top-level help shows each optional argument of a command in brackets.</summary>
    /// <param name="parseResult">A parse without errors.</param>
    /// <param name="console">Where to write.</param>
    /// <returns>The action's exit code.</returns>
    public static int Invoke(ParseResult parseResult, CliConsole console)
    {
        bool topLevelHelp = parseResult.Action is HelpAction && parseResult.CommandResult.Command is RootCommand;
        TextWriter output = topLevelHelp ? new StringWriter { NewLine = console.Output.NewLine } : console.Output;
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        int exitCode = parseResult.Invoke(invocation);
        if (topLevelHelp)
        {
            console.Output.Write(BracketOptionalArguments(output.ToString()!, (RootCommand)parseResult.CommandResult.Command));
            console.Output.Flush();
        }

        return exitCode;
    }

    /// <summary>
    /// The top-level help <paramref name="text"/> with each command's optional arguments in brackets, <c>[TYPE]</c> for
    /// <c>&lt;TYPE&gt;</c>, in the list of commands (System.CommandLine writes every argument there as if it were required). The
    /// brackets take the place of the angle brackets, so the columns stay aligned.
    /// </summary>
    /// <param name="text">The help as System.CommandLine writes it.</param>
    /// <param name="root">The command tree.</param>
    /// <returns>The help to print.</returns>
    public static string BracketOptionalArguments(string text, RootCommand root)
    {
        foreach (Command command in root.Subcommands.Where(c => !c.Hidden))
        {
            string written = command.Name;
            string shown = command.Name;
            foreach (Argument argument in command.Arguments.Where(a => !a.Hidden))
            {
                string name = string.IsNullOrWhiteSpace(argument.HelpName) ? argument.Name : argument.HelpName;
                written += $" <{name}>";
                shown += argument.Arity.MinimumNumberOfValues == 0 ? $" [{name}]" : $" <{name}>";
            }

            if (shown != written)
            {
                // A row of the list of commands: two spaces, the name and arguments, then the description after two or more spaces.
                text = text.Replace($"\n  {written}  ", $"\n  {shown}  ", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static int Run(CliConsole console, RootCommand root, string? name)
    {
        string[] args = ["--help"];
        if (name is not null)
        {
            Command? command = root.Subcommands.FirstOrDefault(c => !c.Hidden && (c.Name == name || c.Aliases.Contains(name)));
            if (command is null)
            {
                string known = string.Join(", ", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
                throw new UsageException($"help: unknown command '{name}' (commands: {known})");
            }

            args = [command.Name, "--help"];
        }

        // The help option's own action writes it, so `help X` prints what `X --help` does.
        return Invoke(root.Parse(args), console);
    }
}
