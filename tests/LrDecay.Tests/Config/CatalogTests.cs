using System.Text;
using System.Text.Json;
using LrDecay.Config;
using LrDecay.Internal;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Config;

/// <summary>
/// The catalog's declarations, built afresh by each test (<see cref="Catalog.Build"/>) rather than read from the copy built when
/// the library first used it: what every entry says (name, kind, formula, each property's name, default and range) word for word
/// against <c>catalog.txt</c>; that each entry reads and writes every recorded configuration exactly as the library does; that each
/// default it documents is the value it applies; and that its overflow bound is the library's. To accept a deliberate change of
/// the texts, run with <c>LRDECAY_WRITE_CATALOG=1</c>, which rewrites <c>catalog.txt</c>, and review the diff.
/// </summary>
public sealed class CatalogTests
{
    private const string FileName = "catalog.txt";

    [Fact]
    public void Build_DescribesEveryType_AsRecorded()
    {
        List<string> actual = [];
        foreach (CatalogEntry entry in Catalog.Build())
        {
            ScheduleTypeInfo info = entry.Info;
            actual.Add($"{info}\t{info.Kind}\t{info.ScheduleType.Name}\t{info.Formula}");
            actual.AddRange(info.Parameters.Select(p => $"  {p}\t{(p.IsRequired ? "required" : "optional")}"));
            actual.Add($"  properties: {string.Join(", ", entry.PropertyNames)}");
        }

        string path = Path.Combine(SourceDirectory(), FileName);
        if (Environment.GetEnvironmentVariable("LRDECAY_WRITE_CATALOG") == "1")
        {
            File.WriteAllText(path, string.Join("\n", actual) + "\n", new UTF8Encoding(false));
            return;
        }

        string[] expected = File.ReadAllText(path).TrimEnd('\n').Split('\n');
        actual.Should().Equal(expected, $"{FileName} records each type's description (set LRDECAY_WRITE_CATALOG=1 to rewrite it)");
    }

    [Fact]
    public void Build_IsThePublicTypeList()
    {
        IReadOnlyList<CatalogEntry> built = Catalog.Build();
        built.Select(e => e.Info.Name).Should().Equal(ScheduleJson.Types.Select(t => t.Name));
        built.Select(e => e.Info.ScheduleType).Should().Equal(ScheduleJson.Types.Select(t => t.ScheduleType));
    }

    [Fact]
    public void Build_ReadsAndWritesEveryRecordedConfiguration_AsTheLibraryDoes()
    {
        Dictionary<string, CatalogEntry> built = Catalog.Build().ToDictionary(e => e.Info.Name);
        foreach ((string name, string json) in RecordedConfigurations())
        {
            using JsonDocument document = JsonDocument.Parse(json);
            CatalogEntry entry = built[document.RootElement.GetProperty("type").GetString()!];
            ILearningRateSchedule read = entry.Read(new ConfigObject(document.RootElement, "$", budget: null));
            ILearningRateSchedule library = ScheduleJson.Parse(json);

            read.GetType().Should().Be(library.GetType(), name);
            Write(entry, read).Should().Be(json, name);
            foreach (long step in new long[] { 0, 1, 7, 99, 250, 1000, 12345 })
            {
                ScheduleCatalog.Rate(read, step).Should().Be(ScheduleCatalog.Rate(library, step), $"{name} at step {step}");
            }

            entry.Max(read).Should().Be(Bounds.Max(library), name);
        }
    }

    [Fact]
    public void Build_AppliesEveryDefaultItDocuments()
    {
        Dictionary<string, CatalogEntry> built = Catalog.Build().ToDictionary(e => e.Info.Name);
        int checkedDefaults = 0;
        foreach ((string name, string json) in RecordedConfigurations())
        {
            using JsonDocument document = JsonDocument.Parse(json);
            CatalogEntry entry = built[document.RootElement.GetProperty("type").GetString()!];
            foreach (ScheduleParameterInfo parameter in entry.Info.Parameters.Where(p => !p.IsRequired))
            {
                using JsonDocument? documented = Literal(parameter.Default!);
                if (!document.RootElement.TryGetProperty(parameter.Name, out _) || documented is null)
                {
                    // Written only when it differs from its default, or a default that depends on other properties.
                    continue;
                }

                string without = Without(document.RootElement, parameter.Name);
                ILearningRateSchedule read;
                try
                {
                    using JsonDocument reduced = JsonDocument.Parse(without);
                    read = entry.Read(new ConfigObject(reduced.RootElement, "$", budget: null));
                }
                catch (ScheduleConfigException)
                {
                    // The recorded value was needed by another property's range (e.g. a shape's own parameter).
                    continue;
                }

                using JsonDocument written = JsonDocument.Parse(Write(entry, read));
                JsonElement applied = written.RootElement.GetProperty(parameter.Name);
                JsonElement.DeepEquals(applied, documented.RootElement).Should().BeTrue(
                    $"{name}.{parameter.Name}: documented default {parameter.Default}, applied {applied.GetRawText()}");
                checkedDefaults++;
            }
        }

        checkedDefaults.Should().BeGreaterThan(60);
    }

    [Fact]
    public void Build_GivesEveryEntryItsOwnProperties_AfterType()
    {
        foreach (CatalogEntry entry in Catalog.Build())
        {
            entry.PropertyNames[0].Should().Be("type");
            entry.PropertyNames.Skip(1).Should().Equal(entry.Info.Parameters.Select(p => p.Name), entry.Info.Name);
            entry.Info.Parameters.Should().NotContainNulls().And.OnlyContain(p => p.Name.Length > 0, entry.Info.Name);
        }
    }

    [Fact]
    public void Tables_OfAFreshBuild_ListAndFindEveryEntry()
    {
        IReadOnlyList<CatalogEntry> built = Catalog.Build();
        var tables = new Catalog.Tables(built);
        tables.Types.Should().Equal(built.Select(e => e.Info));
        foreach (CatalogEntry entry in built)
        {
            tables.ByName[entry.Info.Name].Should().BeSameAs(entry);
            tables.ByClass[entry.Info.ScheduleType].Should().BeSameAs(entry);
        }
    }

    [Fact]
    public void Build_NamesTheUnitOfACountOtherThanSteps()
    {
        // The plateau's cooldown counts epochs (observations), and its error says so.
        CatalogEntry plateau = Catalog.Build().Single(e => e.Info.Name == "plateau");
        using JsonDocument document = JsonDocument.Parse("""{"type":"plateau","initialLr":0.1,"cooldown":1.5}""");
        Action read = () => plateau.Read(new ConfigObject(document.RootElement, "$", budget: null));
        read.Should().Throw<ScheduleConfigException>().Which.Problem.Should().Be("cooldown ('1.5') must be an integer number of epochs.");
    }

    [Fact]
    public void ParameterInfo_ToString_ShowsDefaultOrRequired_AndTheRange()
    {
        ScheduleParameterInfo[] cosine = ScheduleJson.FindType("cosine")!.Parameters.ToArray();
        cosine.Single(p => p.Name == "initialLr").ToString().Should().Be("initialLr (required) >= 0");
        cosine.Single(p => p.Name == "minLr").ToString().Should().Be("minLr (0) >= 0");
        ScheduleParameterInfo staircase = ScheduleJson.FindType("exponential")!.Parameters.Single(p => p.Name == "staircase");
        staircase.ToString().Should().Be("staircase (false)");
        staircase.Range.Should().BeNull();
    }

    private static IEnumerable<(string Name, string Json)> RecordedConfigurations() =>
        File.ReadAllLines(Path.Combine(SourceDirectory(), "serialized.txt"))
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t', 2))
            .Select(parts => (parts[0], parts[1]));

    private static string Write(CatalogEntry entry, ILearningRateSchedule schedule)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", entry.Info.Name);
            entry.WriteProperties(writer, schedule, "$");
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Without(JsonElement root, string property)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (JsonProperty p in root.EnumerateObject().Where(p => p.Name != property))
            {
                p.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The default as a JSON value, or null when it names another property or a rule (e.g. <c>stepSizeUp</c>).</summary>
    private static JsonDocument? Literal(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string SourceDirectory() => VectorSets.TestSourceDirectory("Config");
}
