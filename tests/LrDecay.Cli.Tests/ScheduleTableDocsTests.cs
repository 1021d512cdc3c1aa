using System.Text.RegularExpressions;

namespace LrDecay.Cli.Tests;

/// <summary>
/// docs/schedules.md and the README's list of types against the catalog (<see cref="ScheduleJson.Types"/>): a section per type,
/// headed by its JSON name under the heading of its kind, naming its class, with one table Parameter | Default | Range | Meaning
/// whose rows are the catalog's parameters in its order, defaults and ranges word for word.
/// </summary>
public sealed partial class ScheduleTableDocsTests
{
    private const string Page = "docs/schedules.md";
    private const string TableHeader = "| Parameter | Default | Range | Meaning |";

    private static readonly Dictionary<string, ScheduleKind> KindHeadings = new(StringComparer.Ordinal)
    {
        ["Closed forms"] = ScheduleKind.ClosedForm,
        ["Composites"] = ScheduleKind.Composite,
        ["Reduce on plateau"] = ScheduleKind.MetricDriven,
    };

    private static readonly Lazy<IReadOnlyList<TypeSection>> Sections = new(ReadSections);

    public static TheoryData<string> TypeNames()
    {
        var data = new TheoryData<string>();
        foreach (ScheduleTypeInfo type in ScheduleJson.Types)
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Fact]
    public void Schedules_EveryCatalogType_HasOneSection_InCatalogOrder()
    {
        Sections.Value.Select(s => s.Name).Should().Equal(ScheduleJson.Types.Select(t => t.Name), $"{Page} has a section per type");
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Schedules_TypeTable_MatchesTheCatalog(string name)
    {
        ScheduleTypeInfo type = ScheduleJson.Types.Single(t => t.Name == name);
        TypeSection section = Sections.Value.SingleOrDefault(s => s.Name == name)
            ?? throw new InvalidOperationException($"{Page} has no section '### `{name}`'");
        string where = $"{Page} line {section.Line} (`{name}`)";

        section.Kind.Should().Be(type.Kind, $"{where} stands under the heading of its kind");
        section.Text.ToString().Should().Contain($"`{type.ScheduleType.Name}`", $"{where} names its class");
        section.Tables.Should().Be(1, $"{where} has one table {TableHeader}");
        section.Rows.Select(r => r.Parameter).Should().Equal(type.Parameters.Select(p => p.Name), $"{where} lists the catalog's parameters in order");
        foreach ((ParameterRow row, ScheduleParameterInfo parameter) in section.Rows.Zip(type.Parameters))
        {
            row.Default.Should().Be(parameter.Default ?? "required", $"{where}, parameter {parameter.Name}: the catalog's default");
            row.Range.Should().Be(parameter.Range ?? "any", $"{where}, parameter {parameter.Name}: the catalog's range");
            row.Meaning.Should().NotBeEmpty($"{where}, parameter {parameter.Name} says what it is");
        }
    }

    [Fact]
    public void Readme_TypeList_HasEveryCatalogType_LinkedToItsSection()
    {
        string[] lines = DocPages.ReadLines("README.md");
        var listed = lines.Select(l => ReadmeTypeLine().Match(l)).Where(m => m.Success).ToList();

        listed.Select(m => m.Groups[1].Value).Should().Equal(ScheduleJson.Types.Select(t => t.Name), "the README lists every type, one a line");
        foreach (Match line in listed)
        {
            line.Groups[2].Value.Should().Be(DocPages.Slug($"`{line.Groups[1].Value}`"), $"the README links {line.Groups[1].Value}'s section");
            line.Groups[3].Value.Trim().Should().NotBeEmpty();
        }
    }

    private static string Cell(string cell)
    {
        cell = cell.Trim();
        return cell.Length >= 2 && cell[0] == '`' && cell[^1] == '`' ? cell[1..^1] : cell;
    }

    private static List<TypeSection> ReadSections()
    {
        string[] lines = DocPages.ReadLines(Page);
        var sections = new List<TypeSection>();
        ScheduleKind? kind = null;
        TypeSection? current = null;
        bool inBlock = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
            }

            if (inBlock)
            {
                current?.Text.AppendLine(line);
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                kind = KindHeadings.TryGetValue(line[3..].Trim(), out ScheduleKind k) ? k : null;
                current = null;
                continue;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Match heading = TypeHeading().Match(line);
                current = heading.Success && kind is not null ? new TypeSection(heading.Groups[1].Value, kind.Value, i + 1) : null;
                if (current is not null)
                {
                    sections.Add(current);
                }

                continue;
            }

            if (current is null)
            {
                continue;
            }

            current.Text.AppendLine(line);
            if (line.Trim() != TableHeader)
            {
                continue;
            }

            current.Tables++;
            for (i += 2; i < lines.Length && lines[i].StartsWith('|'); i++)
            {
                string[] cells = lines[i].Trim().Trim('|').Split('|');
                if (cells.Length != 4)
                {
                    throw new InvalidDataException($"{Page} line {i + 1}: a row has 4 cells, Parameter | Default | Range | Meaning");
                }

                current.Rows.Add(new ParameterRow(Cell(cells[0]), Cell(cells[1]), Cell(cells[2]), cells[3].Trim()));
            }

            i--;
        }

        return sections;
    }

    [GeneratedRegex(@"^### `([A-Za-z0-9]+)`$")]
    private static partial Regex TypeHeading();

    [GeneratedRegex(@"^- \[`([A-Za-z0-9]+)`\]\(docs/schedules\.md#([a-z0-9-]+)\): (.+)$")]
    private static partial Regex ReadmeTypeLine();

    private sealed record ParameterRow(string Parameter, string Default, string Range, string Meaning);

    private sealed class TypeSection(string name, ScheduleKind kind, int line)
    {
        public string Name { get; } = name;

        public ScheduleKind Kind { get; } = kind;

        public int Line { get; } = line;

        public System.Text.StringBuilder Text { get; } = new();

        public int Tables { get; set; }

        public List<ParameterRow> Rows { get; } = [];
    }
}
