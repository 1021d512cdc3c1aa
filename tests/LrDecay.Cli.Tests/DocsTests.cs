using System.Text;

namespace LrDecay.Cli.Tests;

/// <summary>
/// README.md and docs/*.md are tests too: every <c>lrdecay</c> line of their shell blocks runs, and shown output is what it prints;
/// every other shell line is known to a rule; every JSON block is a config; every relative link leads somewhere.
/// </summary>
public sealed class DocsTests : IDisposable
{
    private const string ExitComment = "   # exit ";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, int> Commands()
    {
        var data = new TheoryData<string, int>();
        foreach (ShellLine line in ShellLines.All.Where(l => l.Kind == ShellLineKind.Lrdecay))
        {
            data.Add(line.Block.Page, line.Line);
        }

        return data;
    }

    public static TheoryData<string, int> JsonBlocks()
    {
        var data = new TheoryData<string, int>();
        foreach (DocBlock block in DocPages.Blocks.Where(b => b.Language == "json"))
        {
            data.Add(block.Page, block.Line);
        }

        return data;
    }

    public static TheoryData<string, int, string> Links()
    {
        var data = new TheoryData<string, int, string>();
        foreach (DocLink link in DocPages.Names.SelectMany(DocPages.Links))
        {
            data.Add(link.Page, link.Line, link.Target);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Doc_LrdecayCommand_RunsAndPrintsWhatTheDocShows(string page, int line)
    {
        ShellLine example = ShellLines.All.Single(l => l.Block.Page == page && l.Line == line);
        string command = example.LrdecayArguments;
        string? shown = example.Shown;
        int expectedExit = shown is not null && shown.StartsWith("lrdecay: ", StringComparison.Ordinal) ? 2 : 0;

        // A command that reports findings says so: `lrdecay lint ...   # exit 1`.
        int comment = command.IndexOf(ExitComment, StringComparison.Ordinal);
        if (comment >= 0)
        {
            expectedExit = int.Parse(command[(comment + ExitComment.Length)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            command = command[..comment];
        }

        CliResult result = Cli.Run(Arguments(command).ToArray());

        result.ExitCode.Should().Be(expectedExit, $"{page} line {line}: {result.Err}");
        if (shown is null)
        {
            return;
        }

        // Paths are passed from the repository root, as the page's commands are run there; a terminal shows what a command writes to
        // stderr as it goes, so the page may show it before or after the output.
        string root = Repo.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string outFirst = (result.Out + result.Err).Replace(root, "", StringComparison.Ordinal).TrimEnd('\n');
        string errFirst = (result.Err + result.Out).Replace(root, "", StringComparison.Ordinal).TrimEnd('\n');
        string actual = errFirst == shown ? errFirst : outFirst;
        string[] expected = shown.Split('\n');
        if (expected.Contains("..."))
        {
            string[] lines = actual.Split('\n');
            lines[0].Should().Be(expected[0], $"{page} line {line} shows the first line");
            lines[^1].Should().Be(expected[^1], $"{page} line {line} shows the last line");
        }
        else
        {
            actual.Should().Be(shown, $"{page} line {line} shows the output");
        }
    }

    [Fact]
    public void Doc_ShellLines_EachKnownToARule()
    {
        ShellLines.All.Should().NotBeEmpty();
        string[] unknown = ShellLines.All
            .Where(l => l.Kind == ShellLineKind.Unknown)
            .Select(l => $"{l.Block.Page}:{l.Line}: {l.Command}")
            .ToArray();

        unknown.Should().BeEmpty("every shell line is an lrdecay command (run), a dotnet command or a file written from a here-document (CI runs them), cd, export, git or a comment");
    }

    [Fact]
    public void Doc_FencedBlocks_HaveALanguageTheTestsKnow()
    {
        string[] known = ["sh", "bash", "csharp", "text", "json"];

        string[] others = DocPages.Blocks.Where(b => !known.Contains(b.Language)).Select(b => $"{b}: '{b.Language}'").ToArray();

        others.Should().BeEmpty("a block of another language would not be checked");
    }

    [Fact]
    public void Doc_SetupAndCompileOnly_OnlyBeforeCSharp()
    {
        DocPages.Blocks.Where(b => (b.Setup ?? b.CompileOnly) is not null && b.Language != "csharp").Should().BeEmpty();
    }

    [Fact]
    public void Doc_Pages_AreReadmeAndDocs()
    {
        DocPages.Names.Should().Contain(["README.md", "docs/schedules.md", "docs/config.md", "docs/cli.md", "docs/torchsharp.md",
            "docs/lr-finder.md", "docs/migrating.md", "docs/testing.md"]);
    }

    [Theory]
    [MemberData(nameof(JsonBlocks))]
    public void Doc_JsonBlock_IsAConfig(string page, int line)
    {
        DocBlock block = DocPages.Block(page, line);
        var budget = new TrainingBudget(totalSteps: 1_000_000, stepsPerEpoch: 1000, samplesPerStep: 256, tokensPerStep: 4096);

        Action parse = () => ScheduleJson.Parse(block.Text, budget);

        parse.Should().NotThrow($"{block} is a config");
    }

    [Theory]
    [MemberData(nameof(Links))]
    public void Doc_RelativeLink_LeadsToAFileAndHeading(string page, int line, string target)
    {
        string pageFolder = Path.GetDirectoryName(Path.Combine(Repo.Root, page))!;
        string[] parts = target.Split('#', 2);
        string file = parts[0].Length == 0 ? Path.Combine(Repo.Root, page) : Path.GetFullPath(Path.Combine(pageFolder, parts[0]));

        (File.Exists(file) || Directory.Exists(file)).Should().BeTrue($"{page} line {line} links {target}");
        if (parts.Length == 2)
        {
            file.Should().EndWith(".md", $"{page} line {line}: an anchor needs a page");
            string relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
            DocPages.Anchors(relative).Should().Contain(parts[1], $"{page} line {line} links {target}");
        }
    }

    [Fact]
    public void Readme_IsShort()
    {
        DocPages.ReadLines("README.md").Length.Should().BeLessThanOrEqualTo(200, "the README is for users; the reference is in docs/");
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
    public void Gallery_ImageIsCommittedAndShownInTheDocs()
    {
        File.Exists(Path.Combine(Repo.Root, "docs", "gallery.png")).Should().BeTrue();
        File.ReadAllText(Path.Combine(Repo.Root, "README.md")).Should().Contain("(docs/gallery.png)");
        File.ReadAllText(Path.Combine(Repo.Root, "docs", "cli.md")).Should().Contain("(gallery.png)").And.Contain("-o docs/gallery.png");
    }

    /// <summary>Splits a shell line into arguments (quotes, globs), with repository paths made absolute and outputs sent to a temp folder.</summary>
    private IEnumerable<string> Arguments(string command)
    {
        List<string> words = Split(command);
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i];
            if (i > 0 && words[i - 1] is "-o" or "--output")
            {
                yield return _temp.Name(Path.GetFileName(word));
            }
            else if (word.StartsWith("docs/", StringComparison.Ordinal) || word.StartsWith("tests/", StringComparison.Ordinal))
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
