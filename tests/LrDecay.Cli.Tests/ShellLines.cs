namespace LrDecay.Cli.Tests;

/// <summary>What the doc tests do with a line of a shell block.</summary>
internal enum ShellLineKind
{
    /// <summary>An <c>lrdecay</c> command, run in process (<c>dotnet run --project src/LrDecay.Cli -- ...</c> is one too).</summary>
    Lrdecay,

    /// <summary>A <c>dotnet</c> command (build, test, pack, run, new, add, nuget, tool): CI runs these, not the doc tests.</summary>
    Dotnet,

    /// <summary>A command that changes the shell, not the repository: <c>cd</c>, <c>export</c>.</summary>
    Shell,

    /// <summary>A <c>git</c> command.</summary>
    Git,

    /// <summary>A comment line.</summary>
    Comment,

    /// <summary>A file written from a here-document (<c>cat &gt; Program.cs &lt;&lt;'EOF'</c> up to <c>EOF</c>): CI runs these with the block.</summary>
    FileWrite,

    /// <summary>No rule knows the line: the test fails.</summary>
    Unknown,
}

/// <summary>One command of a shell block: its kind, its line, its text, and the output the page shows for it.</summary>
internal sealed record ShellLine(DocBlock Block, int Line, ShellLineKind Kind, string Command, string? Shown)
{
    /// <summary>The <c>lrdecay</c> arguments of an <see cref="ShellLineKind.Lrdecay"/> line, as the shell would split them.</summary>
    public string LrdecayArguments => Command.StartsWith("lrdecay ", StringComparison.Ordinal)
        ? Command["lrdecay ".Length..]
        : Command[(Command.IndexOf(" -- ", StringComparison.Ordinal) + " -- ".Length)..];
}

/// <summary>Splits the shell blocks (<c>sh</c>, <c>bash</c>) of the pages into commands and the output shown after a <c>$ </c> prompt.</summary>
internal static class ShellLines
{
    public const string CliFromSource = "dotnet run --project src/LrDecay.Cli -- ";

    public static bool IsShell(DocBlock block) => block.Language is "sh" or "bash";

    public static IReadOnlyList<ShellLine> All { get; } = DocPages.Blocks.Where(IsShell).SelectMany(Read).ToList();

    public static ShellLineKind Classify(string command)
    {
        string first = command.Split(' ', 2)[0];

        // NAME=value before a command sets its environment: the command decides.
        while (first.Contains('=', StringComparison.Ordinal) && !first.StartsWith('=') && command.Contains(' ', StringComparison.Ordinal))
        {
            command = command.Split(' ', 2)[1].TrimStart();
            first = command.Split(' ', 2)[0];
        }

        return first switch
        {
            "lrdecay" => ShellLineKind.Lrdecay,
            "dotnet" when command.StartsWith(CliFromSource, StringComparison.Ordinal) => ShellLineKind.Lrdecay,
            "dotnet" => ShellLineKind.Dotnet,
            "cd" or "export" => ShellLineKind.Shell,
            "git" => ShellLineKind.Git,
            _ when first.StartsWith('#') => ShellLineKind.Comment,
            _ => ShellLineKind.Unknown,
        };
    }

    private static IEnumerable<ShellLine> Read(DocBlock block)
    {
        IReadOnlyList<string> lines = block.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            string text = lines[i];
            if (text.Length == 0)
            {
                continue;
            }

            int line = block.FirstLine + i;
            bool prompt = text.StartsWith("$ ", StringComparison.Ordinal);
            string command = prompt ? text[2..] : text;

            // A here-document writes the lines up to its delimiter into a file: one command.
            System.Text.RegularExpressions.Match heredoc = System.Text.RegularExpressions.Regex.Match(command, @"^cat > \S+ <<'?(\w+)'?$");
            if (heredoc.Success)
            {
                string delimiter = heredoc.Groups[1].Value;
                while (i + 1 < lines.Count && lines[i + 1] != delimiter)
                {
                    i++;
                }

                i++;
                yield return new ShellLine(block, line, ShellLineKind.FileWrite, command, null);
                continue;
            }

            // A trailing backslash continues the command on the next line.
            while (command.EndsWith('\\') && i + 1 < lines.Count)
            {
                command = command[..^1].TrimEnd() + " " + lines[++i].Trim();
            }

            string? shown = null;
            if (prompt)
            {
                var output = new List<string>();
                while (i + 1 < lines.Count && !lines[i + 1].StartsWith("$ ", StringComparison.Ordinal))
                {
                    output.Add(lines[++i]);
                }

                shown = output.Count == 0 ? null : string.Join('\n', output);
            }

            yield return new ShellLine(block, line, Classify(command), command, shown);
        }
    }
}
