using System.CommandLine;
using System.Text.Json;

namespace LrDecay.Cli;

/// <summary>The <c>lrdecay</c> command line: parses arguments, runs one command, maps every failure to an exit code and one line on stderr.</summary>
internal static class LrDecayCli
{
    /// <summary>Runs <c>lrdecay</c> with <paramref name="args"/>.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="console">Where to read and write.</param>
    /// <returns>The exit code: 0 ok, 1 check failed, 2 bad input.</returns>
    public static int Run(string[] args, CliConsole console)
    {
        try
        {
            RootCommand root = CreateRootCommand(console);
            ParseResult parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                // An unknown word explains more than what it displaced ("Required command was not provided").
                string message = parseResult.Errors
                    .Select(e => e.Message)
                    .FirstOrDefault(m => parseResult.UnmatchedTokens.Any(t => m.Contains($"'{t}'", StringComparison.Ordinal)))
                    ?? parseResult.Errors[0].Message;
                console.Error.WriteLine($"lrdecay: {OneLine(message)} (see lrdecay --help)");
                return ExitCodes.BadInput;
            }

            return HelpCommand.Invoke(parseResult, console);
        }
        catch (UsageException ex)
        {
            return Fail(console, ex.Message);
        }
        catch (ScheduleConfigException ex)
        {
            return Fail(console, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or JsonException)
        {
            return Fail(console, ex.Message);
        }
        catch (Exception ex)
        {
            // A bug, not bad input: still one line, and a code of its own.
            Fail(console, $"internal error ({ex.GetType().Name}): {ex.Message}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The root command with every subcommand.</summary>
    /// <param name="console">Where the commands read and write.</param>
    /// <returns>The command tree.</returns>
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("lrdecay: evaluate, plot, validate and check learning-rate schedules written as JSON configs.")
        {
            EvalCommand.Create(console),
            PlotCommand.Create(console),
            CheckCommand.Create(console),
            ValidateCommand.Create(console),
            ListCommand.Create(console),
            LintCommand.Create(console),
            DiffCommand.Create(console),
            SuggestCommand.Create(console),
            ImportCommand.Create(console),
            HelpCommand.Create(console),
        };
        return root;
    }

    /// <summary>Joins the lines of a message into one.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The message on one line.</returns>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static int Fail(CliConsole console, string message)
    {
        try
        {
            console.Output.Flush();
        }
        catch (IOException)
        {
            // stdout is gone; the message still goes to stderr.
        }

        console.Error.WriteLine($"lrdecay: {OneLine(message)}");
        return ExitCodes.BadInput;
    }
}
