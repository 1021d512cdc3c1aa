using LrDecay.Cli;

namespace LrDecay.Cli.Tests;

/// <summary>The outcome of one in-process <c>lrdecay</c> run.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Asserts bad input: exit 2, nothing on stdout, one line on stderr that names <paramref name="mentions"/> and has no stack trace.</summary>
    public void ShouldBeBadInput(params string[] mentions)
    {
        ExitCode.Should().Be(2, $"stderr: {Err}");
        Err.TrimEnd('\n').Should().NotContain("\n", "bad input is one line");
        Err.Should().StartWith("lrdecay: ").And.NotContain("   at ").And.NotContain("Exception");
        foreach (string mention in mentions)
        {
            Err.Should().Contain(mention);
        }
    }
}

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

/// <summary>A fresh temporary folder per test class instance, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lrdecay-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string contents)
    {
        string path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    public string Name(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Where the repository and the shared folder beside it are.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string SharedConformance => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", "conformance"));

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LrDecay.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LrDecay.sln not found above " + AppContext.BaseDirectory);
    }
}
