namespace LrDecay.Cli.Tests;

/// <summary>Runs <c>lrdecay</c> in process through its entry point, with captured stdout and stderr.</summary>
internal static class Cli
{
    public static CliResult Run(params string[] args) => Run(errorIsTerminal: false, stdin: string.Empty, args);

    public static CliResult Run(bool errorIsTerminal, string stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, new StringReader(stdin), errorIsTerminal, terminalWidth: null);
        int exitCode = LrDecayCli.Run(args, console);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
