namespace LrDecay.Cli.Tests;

/// <summary>docs/import.md is a test too: each <c>$ lrdecay import ...</c> line of its sh blocks runs, and prints what the doc shows (stderr's facts, then stdout's config).</summary>
public sealed class ImportDocsTests
{
    private static readonly string Doc = Path.Combine(Repo.Root, "docs", "import.md");

    public static TheoryData<int> Examples() => new(ReadExamples().Select(e => e.Line));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_RunsAndPrintsWhatTheDocShows(int line)
    {
        (_, string command, string shown) = ReadExamples().Single(e => e.Line == line);
        string[] args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(w => w.StartsWith("tests/", StringComparison.Ordinal) || w.StartsWith("docs/", StringComparison.Ordinal) ? Path.Combine(Repo.Root, w) : w)
            .ToArray();

        CliResult result = Cli.Run(args);

        result.ExitCode.Should().Be(shown.StartsWith("lrdecay: ", StringComparison.Ordinal) ? 2 : 0, $"docs/import.md line {line}: {result.Err}");
        string actual = (result.Err + result.Out).Replace(Repo.Root + Path.DirectorySeparatorChar, string.Empty).TrimEnd('\n');
        actual.Should().Be(shown, $"docs/import.md line {line} shows the output");
    }

    [Fact]
    public void Doc_HasAnExamplePerTool()
    {
        string[] commands = ReadExamples().Select(e => e.Command).ToArray();

        commands.Should().Contain(c => c.Contains("keras")).And.Contain(c => c.Contains("torch")).And.Contain(c => c.Contains("hf-")).And.Contain(c => c.Contains("timm"));
    }

    private static List<(int Line, string Command, string Shown)> ReadExamples()
    {
        string[] lines = File.ReadAllLines(Doc);
        var examples = new List<(int, string, string)>();
        bool inBlock = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock && lines[i] == "```sh";
                continue;
            }

            if (!inBlock || !lines[i].StartsWith("$ lrdecay import ", StringComparison.Ordinal))
            {
                continue;
            }

            var output = new List<string>();
            for (int j = i + 1; j < lines.Length && !lines[j].StartsWith("```", StringComparison.Ordinal) && !lines[j].StartsWith("$ ", StringComparison.Ordinal); j++)
            {
                output.Add(lines[j]);
            }

            examples.Add((i + 1, lines[i][2..], string.Join('\n', output)));
        }

        return examples;
    }
}
