namespace LrDecay.Cli;

/// <summary>The <c>lrdecay</c> executable: wires the process's console to <see cref="LrDecayCli"/>.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var console = new CliConsole(output, Console.Error, Console.In, errorIsTerminal: !Console.IsErrorRedirected, TerminalWidth());
        int exitCode = LrDecayCli.Run(args, console);
        try
        {
            output.Flush();
        }
        catch (IOException)
        {
            // stdout closed early (e.g. piped into head): nothing left to say.
        }

        return exitCode;
    }

    private static int? TerminalWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            int width = Console.WindowWidth;
            return width > 0 ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
