using System.CommandLine;

namespace LrDecay.Cli;

/// <summary><c>lrdecay validate CONFIG</c>: <c>ok</c> and the normalised JSON, or the config error with its JSON path (exit 2).</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var config = new Argument<string>("CONFIG")
        {
            Description = "A JSON config file, inline JSON (starting with '{'), or - for stdin.",
        };
        var command = new Command("validate", "Check a config; print ok and the normalised JSON (every default made explicit, step counts in units resolved).")
        {
            config,
        };
        BudgetOptions budget = BudgetOptions.AddTo(command);
        command.SetAction(parseResult =>
        {
            ConfigSource source = ConfigSource.Load(parseResult.GetRequiredValue(config), console.Input, budget.Read(parseResult));
            console.Output.WriteLine("ok");
            console.Output.WriteLine(ScheduleJson.Serialize(source.Schedule, indented: true));
            console.Output.Flush();
            return ExitCodes.Ok;
        });
        return command;
    }
}
