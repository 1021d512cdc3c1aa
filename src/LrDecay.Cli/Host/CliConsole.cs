namespace LrDecay.Cli;

/// <summary>Where a command reads and writes: the process's console, or buffers in tests.</summary>
internal sealed class CliConsole
{
    /// <param name="output">Results (stdout).</param>
    /// <param name="error">Errors, warnings and progress (stderr).</param>
    /// <param name="input">Read when a config is given as <c>-</c> (stdin).</param>
    /// <param name="errorIsTerminal">Whether <paramref name="error"/> is a terminal; progress is shown only then.</param>
    /// <param name="terminalWidth">The terminal's width in columns when stdout is a terminal, else null.</param>
    public CliConsole(TextWriter output, TextWriter error, TextReader input, bool errorIsTerminal, int? terminalWidth)
    {
        Output = output;
        Error = error;
        Input = input;
        ErrorIsTerminal = errorIsTerminal;
        TerminalWidth = terminalWidth;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public TextReader Input { get; }

    public bool ErrorIsTerminal { get; }

    public int? TerminalWidth { get; }
}
