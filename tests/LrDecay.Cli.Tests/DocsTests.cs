using System.Text;

namespace LrDecay.Cli.Tests;

/// <summary>README.md is a test too: every <c>lrdecay</c> line in its shell blocks runs, and shown output is what it prints.</summary>
public sealed class DocsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<int, string> Examples()
    {
        var data = new TheoryData<int, string>();
        foreach ((int line, string command, _) in ReadExamples())
        {
            data.Add(line, command);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void CliDoc_Example_RunsAndPrintsWhatTheDocShows(int line, string command)
    {
        string? shown = ReadExamples().Single(e => e.Line == line).Shown;
        int expectedExit = shown is not null && shown.StartsWith("lrdecay: ", StringComparison.Ordinal) ? 2 : 0;

        // A command that reports findings says so: `lrdecay lint ...   # exit 1`.
        int comment = command.IndexOf("   # exit ", StringComparison.Ordinal);
        if (comment >= 0)
        {
            expectedExit = int.Parse(command[(comment + "   # exit ".Length)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            command = command[..comment];
        }

        string[] args = Arguments(command).ToArray();

        CliResult result = Cli.Run(args);

        result.ExitCode.Should().Be(expectedExit, $"README.md line {line}: {result.Err}");
        if (shown is null)
        {
            return;
        }

        string actual = (result.Out + result.Err).TrimEnd('\n');
        string[] expected = shown.Split('\n');
        if (expected.Contains("..."))
        {
            string[] lines = actual.Split('\n');
            lines[0].Should().Be(expected[0]);
            lines[^1].Should().Be(expected[^1]);
        }
        else
        {
            actual.Should().Be(shown, $"README.md line {line} shows the output");
        }
    }

    [Fact]
    public void Gallery_EveryConfigIsValid()
    {
        string[] configs = Directory.GetFiles(Path.Combine(Repo.Root, "docs", "gallery"), "*.json");

        configs.Should().HaveCountGreaterThanOrEqualTo(6);
        foreach (string config in configs)
        {
            Cli.Run("validate", config).ExitCode.Should().Be(0, config);
        }
    }

    [Fact]
    public void Gallery_ImageIsCommittedAndShownInTheDoc()
    {
        File.Exists(Path.Combine(Repo.Root, "docs", "gallery.png")).Should().BeTrue();
        File.ReadAllText(Path.Combine(Repo.Root, "README.md")).Should().Contain("(docs/gallery.png)").And.Contain("-o docs/gallery.png");
    }

    /// <summary>The <c>lrdecay</c> commands of the doc's sh blocks (a <c>$ </c> prompt shows output up to the next prompt or the block's end).</summary>
    private static List<(int Line, string Command, string? Shown)> ReadExamples()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Repo.Root, "README.md"));
        var examples = new List<(int, string, string?)>();
        bool inBlock = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string text = lines[i];
            if (text.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock && text == "```sh";
                continue;
            }

            if (!inBlock)
            {
                continue;
            }

            bool prompt = text.StartsWith("$ lrdecay ", StringComparison.Ordinal);
            string command = prompt ? text[2..] : text;
            if (!command.StartsWith("lrdecay ", StringComparison.Ordinal) || command.Contains("CONFIG") || command.Contains("VECTORS"))
            {
                continue;
            }

            string? shown = null;
            if (prompt)
            {
                var output = new List<string>();
                for (int j = i + 1; j < lines.Length && !lines[j].StartsWith("```", StringComparison.Ordinal) && !lines[j].StartsWith("$ ", StringComparison.Ordinal); j++)
                {
                    output.Add(lines[j]);
                }

                shown = output.Count == 0 ? null : string.Join('\n', output);
            }

            examples.Add((i + 1, command, shown));
        }

        return examples;
    }

    /// <summary>Splits a shell line into arguments (quotes, globs), with repository paths made absolute and outputs sent to a temp folder.</summary>
    private IEnumerable<string> Arguments(string command)
    {
        List<string> words = Split(command);
        for (int i = 1; i < words.Count; i++)
        {
            string word = words[i];
            if (i > 1 && words[i - 1] == "-o")
            {
                yield return _temp.Name(Path.GetFileName(word));
            }
            else if (word.StartsWith("docs/", StringComparison.Ordinal) || word.StartsWith("tests/", StringComparison.Ordinal) || word.StartsWith("../", StringComparison.Ordinal))
            {
                string path = Path.GetFullPath(Path.Combine(Repo.Root, word));
                if (path.Contains('*'))
                {
                    foreach (string match in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path)).Order(StringComparer.Ordinal))
                    {
                        yield return match;
                    }
                }
                else
                {
                    yield return path;
                }
            }
            else
            {
                yield return word;
            }
        }
    }

    private static List<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
