using System.Diagnostics;

namespace LrDecay.Cli.Tests;

public sealed class LrDecayCliTests
{
    [Fact]
    public void Run_NoCommand_IsBadInput()
    {
        Cli.Run().ShouldBeBadInput("--help");
    }

    [Fact]
    public void Run_UnknownCommand_IsBadInputNamingIt()
    {
        Cli.Run("draw", "x.json").ShouldBeBadInput("draw");
    }

    [Fact]
    public void Run_UnknownRootOption_IsBadInputNamingIt()
    {
        Cli.Run("--verbose", "list").ShouldBeBadInput("--verbose");
    }

    [Fact]
    public void Run_Help_ListsEveryCommandAndExitsZero()
    {
        CliResult result = Cli.Run("--help");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("eval").And.Contain("plot").And.Contain("check").And.Contain("validate").And.Contain("list");
    }

    [Theory]
    [InlineData("eval", "--steps")]
    [InlineData("plot", "--log-y")]
    [InlineData("check", "VECTORS")]
    [InlineData("validate", "CONFIG")]
    [InlineData("list", "TYPE")]
    public void Run_CommandHelp_DescribesItsArguments(string command, string mention)
    {
        CliResult result = Cli.Run(command, "--help");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain(mention);
    }

    [Fact]
    public void Run_Help_ShowsAnOptionalArgumentInBracketsAndKeepsTheColumnsAligned()
    {
        CliResult result = Cli.Run("--help");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("\n  list [TYPE]  ").And.Contain("\n  help [COMMAND]  ").And.NotContain("list <TYPE>");
        result.Out.Should().Contain("\n  eval <CONFIG>  ").And.Contain("\n  diff <A> <B>  ", "required arguments keep their angle brackets");
        string[] rows = result.Out.Split("Commands:\n")[1].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows.Select(r => r.IndexOf("  ", 2, StringComparison.Ordinal) + r[r.IndexOf("  ", 2, StringComparison.Ordinal)..].TakeWhile(c => c == ' ').Count())
            .Distinct().Should().ContainSingle("every description starts in the same column");
    }

    [Fact]
    public void Run_HelpCommand_PrintsTheTopLevelHelp()
    {
        CliResult result = Cli.Run("help");

        result.ExitCode.Should().Be(0, result.Err);
        result.Err.Should().BeEmpty();
        result.Out.Should().Be(Cli.Run("--help").Out);
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("plot")]
    [InlineData("check")]
    [InlineData("validate")]
    [InlineData("list")]
    [InlineData("lint")]
    [InlineData("diff")]
    [InlineData("suggest")]
    [InlineData("help")]
    public void Run_HelpCommand_WithACommand_PrintsThatCommandsHelp(string command)
    {
        CliResult result = Cli.Run("help", command);

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Contain($" {command} ").And.Be(Cli.Run(command, "--help").Out);
    }

    [Fact]
    public void Run_HelpCommand_UnknownCommand_IsBadInputListingTheCommands()
    {
        Cli.Run("help", "draw").ShouldBeBadInput("unknown command 'draw'", "eval", "suggest");
    }

    [Fact]
    public void Run_Version_PrintsTheVersion()
    {
        CliResult result = Cli.Run("--version");

        result.ExitCode.Should().Be(0);
        result.Out.Should().StartWith("1.0.0");
    }

    [Fact]
    public void Executable_EvalAndBadInput_ExitCodesAndStreamsThroughTheRealConsole()
    {
        // One run of the built program itself: Program wires stdout, stderr and the exit code, and a redirected stderr gets no progress.
        (int code, string stdout, string stderr) = RunExecutable("eval", """{"type":"constant","lr":0.25}""", "--steps", "0:3_000_000:1000000");
        code.Should().Be(0, stderr);
        stdout.ReplaceLineEndings("\n").Should().Be("step,lr\n0,0.25\n1000000,0.25\n2000000,0.25\n");
        stderr.Should().BeEmpty();

        (code, stdout, stderr) = RunExecutable("validate", """{"type":"constant"}""");
        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Trim().Should().Be("lrdecay: inline config: $: missing required property 'lr'.");
    }

    [Fact]
    public void Run_UnexpectedError_IsOneLineWithExitCodeThree()
    {
        var error = new StringWriter();
        var console = new CliConsole(new FailingWriter(), error, new StringReader(string.Empty), errorIsTerminal: false, terminalWidth: null);

        int exitCode = LrDecayCli.Run(["list"], console);

        exitCode.Should().Be(3);
        error.ToString().Should().Be("lrdecay: internal error (NotSupportedException): broken writer\n".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }

    private static (int Code, string Stdout, string Stderr) RunExecutable(params string[] args)
    {
        string dll = typeof(LrDecay.Cli.LrDecayCli).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new NotSupportedException("broken writer");

        public override void Write(string? value) => throw new NotSupportedException("broken writer");

        public override void WriteLine(string? value) => throw new NotSupportedException("broken writer");

        public override void Flush()
        {
        }
    }
}
