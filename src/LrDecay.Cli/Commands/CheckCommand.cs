using System.CommandLine;
using LrDecay.Conformance;

namespace LrDecay.Cli;

/// <summary>
/// <c>lrdecay check VECTORS.json...</c>: runs conformance vector files through <see cref="ConformanceRunner"/>, the runner the test
/// suite uses; a line per case, then <c>N passed, N failed</c>; exit 1 if any case fails.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("VECTORS")
        {
            Description = "Conformance vector files (the spec's format), or folders of them (every *.json inside).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("check", "Run conformance vector files: PASS or FAIL per case, then a count; exit 1 if any case fails.")
        {
            files,
        };
        command.SetAction(parseResult => Run(console, parseResult.GetRequiredValue(files)));
        return command;
    }

    private static int Run(CliConsole console, string[] arguments)
    {
        // Load everything first: a missing or malformed file is bad input (exit 2) before any case runs.
        var loaded = new List<VectorFile>();
        foreach (string path in ExpandFolders(arguments))
        {
            loaded.Add(Load(path));
        }

        int passed = 0;
        int failed = 0;
        TextWriter output = console.Output;
        foreach (VectorFile file in loaded)
        {
            foreach (VectorCase vectorCase in file.Cases)
            {
                CaseResult result = ConformanceRunner.Run(vectorCase);
                if (result.Passed)
                {
                    passed++;
                    output.WriteLine($"PASS {vectorCase.Id} ({LrDecayCli.OneLine(result.Message)})");
                }
                else
                {
                    failed++;
                    output.WriteLine($"FAIL {vectorCase.Id}: {LrDecayCli.OneLine(result.Message)}");
                }
            }
        }

        output.WriteLine($"{passed} passed, {failed} failed");
        output.Flush();
        return failed == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }

    private static IEnumerable<string> ExpandFolders(string[] arguments)
    {
        foreach (string argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                IReadOnlyList<string> found = VectorFile.FindFiles([argument]);
                if (found.Count == 0)
                {
                    throw new UsageException($"no *.json vector files in folder {argument}");
                }

                foreach (string path in found)
                {
                    yield return path;
                }
            }
            else
            {
                yield return argument;
            }
        }
    }

    private static VectorFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"vector file not found: {path}");
        }

        VectorFile file;
        try
        {
            file = VectorFile.Load(path);
        }
        catch (InvalidDataException ex)
        {
            // The runner's messages start with the file name; name the path as given instead.
            string prefix = Path.GetFileName(path) + ": ";
            string problem = ex.Message.StartsWith(prefix, StringComparison.Ordinal) ? ex.Message[prefix.Length..] : ex.Message;
            throw new UsageException($"{path}: {problem}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read vector file {path}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            // A value of the wrong kind (a string where steps are numbers, a fraction as a step).
            throw new UsageException($"{path}: not a conformance vector file: {ex.Message}", ex);
        }

        if (file.Cases.Count == 0)
        {
            // A file that tests nothing must not pass as if it had.
            throw new UsageException($"{path}: the \"cases\" array is empty");
        }

        return file;
    }
}
