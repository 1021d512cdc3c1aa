using System.Reflection;
using System.Text.RegularExpressions;
using LrDecay.Config;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Config;

/// <summary>
/// Every public schedule type has everything a type needs: a catalog entry, a factory or verb, its contract tests under the folder of its
/// source, a random-config generator and a benchmark row; the catalog's defaults are the constructors' defaults; and outside its own
/// class file at most two files of <c>src/</c> name it; its entry states the structure facts the analysis reads. A missing piece fails with a message that names the type and the piece.
/// </summary>
public sealed partial class CatalogCompletenessTests
{
    private static readonly Assembly Library = typeof(ILearningRateSchedule).Assembly;

    public static TheoryData<string> PublicScheduleTypes() => new(ScheduleClasses().Select(t => t.Name));

    [Fact]
    public void EveryPublicScheduleClass_IsInTheCatalog_AndEveryEntryIsAPublicScheduleClass()
    {
        Type[] classes = ScheduleClasses().ToArray();
        classes.Should().NotBeEmpty();
        classes.Where(t => ScheduleJson.Types.All(e => e.ScheduleType != t)).Select(t => t.Name)
            .Should().BeEmpty("every public schedule class needs a catalog entry (src/LrDecay/Config/Catalog*.cs)");
        ScheduleJson.Types.Select(e => e.ScheduleType).Should().OnlyHaveUniqueItems().And.BeSubsetOf(classes);
        ScheduleJson.Types.Select(e => e.Name).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(PublicScheduleTypes))]
    public void Type_HasAFactoryOrAVerb(string className)
    {
        Type type = ScheduleClass(className);
        MethodInfo[] makers = typeof(Schedules).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(ScheduleExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType == type)
            .ToArray();

        makers.Should().NotBeEmpty($"{className} needs a factory in Schedules or a verb in ScheduleExtensions");
    }

    [Theory]
    [MemberData(nameof(PublicScheduleTypes))]
    public void Type_HasItsContractTests_UnderTheFolderOfItsSource(string className)
    {
        string folder = SourceFolder(className);
        Type? tests = typeof(CatalogCompletenessTests).Assembly.GetType($"LrDecay.Tests.{folder.Replace('/', '.')}.{className}Tests");

        tests.Should().NotBeNull($"{className} needs a test class LrDecay.Tests.{folder.Replace('/', '.')}.{className}Tests");
        tests!.IsSubclassOf(typeof(ScheduleContractTests)).Should().BeTrue($"{className}Tests must derive from ScheduleContractTests");
        string testFolder = VectorSets.TestSourceDirectory(folder);
        Directory.GetFiles(testFolder, $"{className}Tests*.cs").Should().NotBeEmpty($"{className}'s tests belong in tests/LrDecay.Tests/{folder}");
    }

    [Theory]
    [MemberData(nameof(PublicScheduleTypes))]
    public void Type_HasARandomConfigGenerator(string className)
    {
        string name = Entry(className).Name;
        var random = new Random(RandomConfigs.StableSeed(name));

        GeneratedConfig config = RandomConfigs.OfType(random, name);

        config.Json["type"]!.GetValue<string>().Should().Be(name, $"RandomConfigs.OfType must generate {name} ({className})");
        ScheduleJson.Parse(config.Text).GetType().Should().Be(ScheduleClass(className));
    }

    [Theory]
    [MemberData(nameof(PublicScheduleTypes))]
    public void Type_HasABenchmarkRow(string className)
    {
        Type type = ScheduleClass(className);

        BenchmarkedTypes().Should().Contain(type, $"{className} needs a benchmark row (a schedule field of a [Benchmark] class in benchmarks/LrDecay.Benchmarks)");
    }

    [Theory]
    [MemberData(nameof(PublicScheduleTypes))]
    public void Type_IsInTheTestSamples(string className)
    {
        ScheduleCatalog.All.Values.Select(create => create().GetType()).Should()
            .Contain(ScheduleClass(className), $"{className} needs a sample in tests/LrDecay.Tests/Support/ScheduleCatalog.cs (Fill, round-trip and far-step suites read it)");
    }

    [Theory]
    [MemberData(nameof(PublicScheduleTypes))]
    public void Type_CatalogDefaults_AreTheConstructorsDefaults(string className)
    {
        ScheduleTypeInfo entry = Entry(className);
        foreach (ConstructorInfo ctor in ScheduleClass(className).GetConstructors())
        {
            foreach (ParameterInfo parameter in ctor.GetParameters().Where(p => p.HasDefaultValue))
            {
                ScheduleParameterInfo? info = entry.Parameters.SingleOrDefault(p => p.Name == parameter.Name);
                info.Should().NotBeNull($"{className}'s constructor parameter {parameter.Name} must be a catalog parameter of the same name");
                info!.IsRequired.Should().BeFalse($"{className}.{parameter.Name} has a default in C#, so it cannot be required in JSON");
                if (parameter.DefaultValue is double or long or bool)
                {
                    string text = Convert.ToString(parameter.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)!;
                    text = parameter.DefaultValue is bool ? text.ToLowerInvariant() : text;
                    text = parameter.DefaultValue is double d && double.IsPositiveInfinity(d) ? "+infinity" : text;
                    info.Default.Should().Be(text, $"the catalog's default of {entry.Name}.{parameter.Name} is the constructor's");
                }
                else if (parameter.DefaultValue is not null && parameter.ParameterType.IsEnum)
                {
                    info.Default.Should().Be($"\"{JsonNameOf(parameter.DefaultValue)}\"", $"the catalog's default of {entry.Name}.{parameter.Name} is the constructor's");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(PublicScheduleTypes))]
    public void Type_EveryCatalogParameter_IsAPropertyOfTheSameNameInPascalCase(string className)
    {
        Type type = ScheduleClass(className);
        foreach (ScheduleParameterInfo parameter in Entry(className).Parameters)
        {
            string property = char.ToUpperInvariant(parameter.Name[0]) + parameter.Name.Substring(1);
            type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
                .Should().NotBeNull($"{className} exposes JSON property {parameter.Name} as {property}");
        }
    }

    [Theory]
    [MemberData(nameof(PublicScheduleTypes))]
    public void Type_ToString_IsItsJson(string className)
    {
        foreach (ILearningRateSchedule sample in ScheduleCatalog.All.Values.Select(c => c()).Where(s => s.GetType() == ScheduleClass(className)))
        {
            string? json = null;
            try
            {
                json = ScheduleJson.Serialize(sample);
            }
            catch (ArgumentException)
            {
                // Over a schedule class from outside the library there is no JSON; ToString still describes it without throwing.
                sample.ToString().Should().StartWith(className);
                continue;
            }

            sample.ToString().Should().Be(json);
        }
    }

    [Theory]
    [MemberData(nameof(PublicScheduleTypes))]
    public void Type_StatesItsStructureFacts(string className)
    {
        // What the analysis (lint's end of a schedule, its judgement of rises, "depends on a metric") reads of a type: built afresh,
        // so that the declarations run here.
        CatalogEntry entry = Catalog.Build().Single(e => e.Info.ScheduleType.Name == className);

        entry.MissingFacts.Should().BeEmpty(
            $"{className} ('{entry.Info.Name}') must state b.HoldsFrom, b.Rises and b.DependsOnMetric in its catalog entry (src/LrDecay/Config/Catalog*.cs)");
        entry.DependsOnMetric.Should().Be(
            entry.Info.Kind == ScheduleKind.MetricDriven, $"{className} depends on a metric exactly when its kind is metric-driven");
    }

    [Theory]
    [MemberData(nameof(PublicScheduleTypes))]
    public void Type_IsNamedInTheLibraryOnlyByItsOwnFileTheCatalogAndItsFactoryOrVerb(string className)
    {
        // By class name anywhere (docs too), by JSON name as a string literal in code; an enum's JSON-name table may spell the same
        // word ("cosine", "linear") for a different thing, and the CLI and the conformance runner are consumers, not the library.
        string name = Entry(className).Name;
        string library = Path.Combine(Root(), "src", "LrDecay");
        var classWord = new Regex($@"\b{className}\b");
        string jsonLiteral = $"\"{name}\"";
        string own = Path.Combine(library, SourceFolder(className), className + ".cs");
        string[] naming = Directory.GetFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && f != own)
            .Where(f =>
            {
                string text = File.ReadAllText(f);
                return classWord.IsMatch(text) || (CodeOf(text).Contains(jsonLiteral) && !IsEnumNameTable(text) && !IsImporter(f));
            })
            .Select(f => Path.GetRelativePath(library, f).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

        string[] allowed = ["Config/Catalog.ClosedForms.cs", "Config/Catalog.Composites.cs", "Schedules.cs", "ScheduleExtensions.cs"];
        naming.Except(allowed).Should().BeEmpty($"outside its own file, {className} / {jsonLiteral} is named only by its catalog entry and its factory or verb");
        naming.Count(f => f.StartsWith("Config/Catalog", StringComparison.Ordinal)).Should().Be(1, $"{className} has one catalog entry");
        if (Entry(className).Kind == ScheduleKind.ClosedForm)
        {
            naming.Length.Should().BeLessThanOrEqualTo(2, $"a closed form is named by its catalog entry and its factory only: {string.Join(", ", naming)}");
        }
    }

    [Fact]
    public void NoFileOutsideTheLibrary_NamesAScheduleClassOrAJsonTypeName()
    {
        // What a type is (its end, its rises, its metric, its JSON name) is stated once, in its catalog entry; the CLI, the conformance
        // runner and the adapters read it through the public API. The TorchSharp adapter's plateau is the one exception: its step(metric)
        // observes the metric through PlateauSchedule itself. The JSON name "step" is also the word of an axis and of a CSV column.
        string root = Root();
        string library = Path.Combine(root, "src", "LrDecay") + Path.DirectorySeparatorChar;
        string torchSharp = Path.Combine(root, "src", "LrDecay.TorchSharp") + Path.DirectorySeparatorChar;
        (string Class, Regex Word)[] classes = ScheduleClasses().Select(t => (t.Name, new Regex($@"\b{t.Name}\b"))).ToArray();
        (string Name, Regex Literal)[] jsonNames = ScheduleJson.Types.Select(t => t.Name).Where(n => n != "step")
            .Select(n => (n, new Regex($@"(?<!\\)""{n}"""))).ToArray();
        var found = new List<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            string sep = Path.DirectorySeparatorChar.ToString();
            if (file.StartsWith(library, StringComparison.Ordinal) || file.Contains($"{sep}obj{sep}") || file.Contains($"{sep}bin{sep}"))
            {
                continue;
            }

            string text = File.ReadAllText(file);
            string code = CodeOf(text);
            string relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            foreach ((string className, Regex word) in classes)
            {
                bool allowed = className == "PlateauSchedule" && file.StartsWith(torchSharp, StringComparison.Ordinal);
                if (!allowed && word.IsMatch(text))
                {
                    found.Add($"{relative} names {className}");
                }
            }

            foreach ((string name, Regex literal) in jsonNames)
            {
                if (literal.IsMatch(code))
                {
                    found.Add($"{relative} has the JSON type name \"{name}\" as a string literal");
                }
            }
        }

        found.Should().BeEmpty("outside src/LrDecay, code reads what a type is through the catalog (ScheduleJson, LrDecay.Analysis), not by its class or JSON name");
    }

    /// <summary>The text without its comments (line comments and XML docs), for string literals of code.</summary>
    private static string CodeOf(string text) =>
        string.Join("\n", text.Split('\n').Select(line =>
        {
            int comment = line.IndexOf("//", StringComparison.Ordinal);
            return comment < 0 ? line : line.Substring(0, comment);
        }));

    /// <summary>
    /// Whether the file is one of the importers (src/LrDecay/Import): they read other tools' names, which may spell a JSON type's
    /// name for a different thing (Hugging Face "linear", timm "cosine", PyTorch's "cooldown" key); they name no schedule class.
    /// </summary>
    private static bool IsImporter(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}Import{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>Whether the file holds an enum's JSON-name table.</summary>
    private static bool IsEnumNameTable(string text) => text.Contains("Internal.EnumNames<", StringComparison.Ordinal);

    private static IEnumerable<Type> ScheduleClasses() =>
        Library.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(ILearningRateSchedule).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    private static Type ScheduleClass(string className) => ScheduleClasses().Single(t => t.Name == className);

    private static ScheduleTypeInfo Entry(string className) =>
        ScheduleJson.Types.SingleOrDefault(e => e.ScheduleType.Name == className)
            ?? throw new InvalidOperationException($"{className} has no catalog entry (src/LrDecay/Config/Catalog*.cs)");

    private static string Root() => VectorSets.RequiredRepositoryRoot();

    /// <summary>The folder of the class's source file under src/LrDecay, e.g. <c>ClosedForm</c>.</summary>
    private static string SourceFolder(string className)
    {
        string library = Path.Combine(Root(), "src", "LrDecay");
        string file = Directory.GetFiles(library, className + ".cs", SearchOption.AllDirectories)
            .Single(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        return Path.GetRelativePath(library, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The types of the schedule fields of every class with a [Benchmark] method, each class built as BenchmarkDotNet builds it.</summary>
    private static HashSet<Type> BenchmarkedTypes()
    {
        var types = new HashSet<Type>();
        Assembly benchmarks = typeof(LrDecay.Benchmarks.Program).Assembly;
        foreach (Type type in benchmarks.GetTypes().Where(t => t.IsClass && !t.IsAbstract && t.GetMethods().Any(IsBenchmark)))
        {
            object instance = Activator.CreateInstance(type)!;
            foreach (MethodInfo setup in type.GetMethods().Where(m => m.GetCustomAttributes().Any(a => a.GetType().Name == "GlobalSetupAttribute")))
            {
                setup.Invoke(instance, null);
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
            {
                if (field.GetValue(instance) is ILearningRateSchedule schedule)
                {
                    types.Add(schedule.GetType());
                }
            }
        }

        return types;
    }

    private static bool IsBenchmark(MethodInfo method) => method.GetCustomAttributes().Any(a => a.GetType().Name == "BenchmarkAttribute");

    /// <summary>The JSON name of an enum member, from the table beside its enum (<c>XNames.Json</c>).</summary>
    private static string JsonNameOf(object member)
    {
        Type table = Library.GetType($"LrDecay.{member.GetType().Name}Names", throwOnError: true)!;
        object names = table.GetField("Json", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;
        return (string)names.GetType().GetMethod("NameOf", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(names, [member])!;
    }
}
