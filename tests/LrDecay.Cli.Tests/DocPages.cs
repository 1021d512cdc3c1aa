using System.Text.RegularExpressions;

namespace LrDecay.Cli.Tests;

/// <summary>One fenced block of a page: its language, its lines, where it starts, and what stands before it.</summary>
/// <param name="Page">The page, relative to the repository root (<c>README.md</c>, <c>docs/cli.md</c>).</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The fence's info string (<c>csharp</c>, <c>sh</c>, ...), empty when it has none.</param>
/// <param name="Lines">The lines between the fences.</param>
/// <param name="Setup">The code of a <c>&lt;!-- csharp-setup ... --&gt;</c> comment right before the block, or null.</param>
/// <param name="CompileOnly">Why the block is compiled and not run, from a <c>&lt;!-- csharp-compile-only: ... --&gt;</c> comment
/// right before it, or null.</param>
/// <param name="Intro">The text between the previous block (or the page's start) and this one, trimmed.</param>
internal sealed record DocBlock(
    string Page, int Line, string Language, IReadOnlyList<string> Lines, string? Setup, string? CompileOnly, string Intro)
{
    /// <summary>The 1-based line of the block's first content line.</summary>
    public int FirstLine => Line + 1;

    public string Text => string.Join('\n', Lines);

    public override string ToString() => $"{Page}:{Line}";
}

/// <summary>A heading of a page, and a relative link from it.</summary>
internal sealed record DocLink(string Page, int Line, string Target);

/// <summary>README.md and every page of docs/: their fenced blocks, headings and links.</summary>
internal static partial class DocPages
{
    private const string SetupComment = " csharp-setup";
    private const string CompileOnlyComment = " csharp-compile-only:";

    /// <summary>The pages, relative to the repository root: README.md first, then docs/*.md in order.</summary>
    public static IReadOnlyList<string> Names { get; } = FindNames();

    private static readonly Lazy<IReadOnlyList<DocBlock>> AllBlocks = new(() => Names.SelectMany(ReadBlocks).ToList());

    public static IReadOnlyList<DocBlock> Blocks => AllBlocks.Value;

    public static string[] ReadLines(string page) => File.ReadAllLines(Path.Combine(Repo.Root, page));

    public static DocBlock Block(string page, int line) => Blocks.Single(b => b.Page == page && b.Line == line);

    /// <summary>The block after <paramref name="block"/> on its page, or null.</summary>
    public static DocBlock? Next(DocBlock block) =>
        Blocks.Where(b => b.Page == block.Page && b.Line > block.Line).OrderBy(b => b.Line).FirstOrDefault();

    /// <summary>The page's fenced blocks; a fence is a line that starts with three backticks.</summary>
    public static IEnumerable<DocBlock> ReadBlocks(string page)
    {
        string[] lines = ReadLines(page);
        int afterPrevious = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            int open = i;
            string language = lines[i][3..].Trim();
            var content = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                content.Add(lines[i]);
            }

            if (i == lines.Length)
            {
                throw new InvalidDataException($"{page}:{open + 1}: the block is not closed");
            }

            string[] before = lines[afterPrevious..open];
            (string? setup, string? compileOnly, string intro) = ReadComments(page, open, before);
            yield return new DocBlock(page, open + 1, language, content, setup, compileOnly, intro);
            afterPrevious = i + 1;
        }
    }

    /// <summary>Every heading's anchor on the page, as GitHub makes them (lower case, punctuation dropped, spaces to hyphens).</summary>
    public static IReadOnlySet<string> Anchors(string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        bool inBlock = false;
        foreach (string line in ReadLines(page))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            Match heading = Heading().Match(line);
            if (inBlock || !heading.Success)
            {
                continue;
            }

            string slug = Slug(heading.Groups[1].Value);
            int seen = counts.GetValueOrDefault(slug);
            counts[slug] = seen + 1;
            anchors.Add(seen == 0 ? slug : $"{slug}-{seen}");
        }

        return anchors;
    }

    /// <summary>The page's relative links outside code blocks (not http, not mailto), with their lines.</summary>
    public static IEnumerable<DocLink> Links(string page)
    {
        string[] lines = ReadLines(page);
        bool inBlock = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            if (inBlock)
            {
                continue;
            }

            foreach (Match link in MarkdownLink().Matches(lines[i]))
            {
                string target = link.Groups[1].Value;
                if (!target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    yield return new DocLink(page, i + 1, target);
                }
            }
        }
    }

    /// <summary>GitHub's anchor for a heading's text.</summary>
    public static string Slug(string heading)
    {
        var slug = new System.Text.StringBuilder();
        foreach (char c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>
    /// The HTML comments right before a block, nearest last: <c>&lt;!-- csharp-setup CODE --&gt;</c> and
    /// <c>&lt;!-- csharp-compile-only: REASON --&gt;</c>; the text before them is the block's intro.
    /// </summary>
    private static (string? Setup, string? CompileOnly, string Intro) ReadComments(string page, int open, string[] before)
    {
        string? setup = null;
        string? compileOnly = null;
        int end = before.Length;
        while (end > 0 && before[end - 1].TrimEnd().EndsWith("-->", StringComparison.Ordinal))
        {
            int start = Array.FindLastIndex(before, end - 1, l => l.StartsWith("<!--", StringComparison.Ordinal));
            if (start < 0)
            {
                throw new InvalidDataException($"{page}:{open + 1}: an HTML comment before the block has no start");
            }

            string comment = string.Join('\n', before[start..end]).Trim();
            comment = comment["<!--".Length..^"-->".Length];
            if (comment.StartsWith(SetupComment, StringComparison.Ordinal))
            {
                setup = comment[SetupComment.Length..].Trim('\n', '\r', ' ');
            }
            else if (comment.StartsWith(CompileOnlyComment, StringComparison.Ordinal))
            {
                compileOnly = comment[CompileOnlyComment.Length..].Trim();
            }
            else if (!comment.Trim().StartsWith("torchsharp-example", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{page}:{start + 1 + (open - before.Length)}: an HTML comment the doc tests do not know");
            }

            end = start;
        }

        return (setup, compileOnly, string.Join('\n', before[..end]).Trim());
    }

    private static List<string> FindNames()
    {
        var names = new List<string> { "README.md" };
        names.AddRange(Directory.GetFiles(Path.Combine(Repo.Root, "docs"), "*.md")
            .Select(p => "docs/" + Path.GetFileName(p))
            .Order(StringComparer.Ordinal));
        return names;
    }

    [GeneratedRegex(@"^#{1,6} +(.+?) *#*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
