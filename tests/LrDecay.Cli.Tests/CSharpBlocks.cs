using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LrDecay.Cli.Tests;

/// <summary>
/// Compiles a C# block of the docs with Roslyn as a console program (top-level statements, the SDK's implicit usings, nullable
/// on), after the code of its <c>csharp-setup</c> comment, and runs it in process.
/// </summary>
/// <remarks>
/// The program's <c>Console.WriteLine</c> and <c>Console.Write</c> go to a <c>Console</c> class compiled into it, in the global
/// namespace, where a simple name finds it before <c>System.Console</c>: each program writes to its own buffer, and the test
/// process's console is left alone. <c>DocTest.RepositoryRoot</c> names the repository's root for a setup that reads its files.
/// </remarks>
internal static class CSharpBlocks
{
    /// <summary>The C# blocks of the pages that use TorchSharp (<paramref name="torchSharp"/> true) or do not, as theory data.</summary>
    public static TheoryData<string, int> Blocks(bool torchSharp)
    {
        var data = new TheoryData<string, int>();
        foreach (DocBlock block in DocPages.Blocks.Where(b => b.Language == "csharp" && UsesTorchSharp(b) == torchSharp))
        {
            data.Add(block.Page, block.Line);
        }

        return data;
    }

    /// <summary>
    /// Compiles the block at <paramref name="page"/>:<paramref name="line"/>, runs it in <paramref name="folder"/> unless it is compiled
    /// only, and checks that it prints what the text block after it shows.
    /// </summary>
    public static void CompilesRunsAndPrintsWhatTheDocShows(string page, int line, string folder)
    {
        DocBlock block = DocPages.Block(page, line);

        string[] errors = Errors(Compile(block), out byte[] image);

        errors.Should().BeEmpty($"{block} compiles; the program is\n{Program(block)}");
        if (block.CompileOnly is not null)
        {
            ShownOutput(block).Should().BeNull($"{block} is compiled only ({block.CompileOnly})");
            return;
        }

        string output = Run(image, folder);
        DocBlock? shown = ShownOutput(block);
        if (shown is not null)
        {
            output.TrimEnd('\n').Should().Be(shown.Text, $"{block} prints what {shown} shows");
        }
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> LibraryReferences = new(() => References(torch: false));

    private static readonly Lazy<IReadOnlyList<MetadataReference>> TorchSharpReferences = new(() => References(torch: true));

    /// <summary>The block's program, or its setup's, uses TorchSharp: compiled, not run (the tests have no native libtorch).</summary>
    public static bool UsesTorchSharp(DocBlock block) => $"{block.Setup}\n{block.Text}".Contains("TorchSharp", StringComparison.Ordinal);

    /// <summary>The program: the usings of the setup and the block, the setup's statements, the block's, then any types.</summary>
    public static string Program(DocBlock block)
    {
        CompilationUnitSyntax code = Parse(block.Text);
        CompilationUnitSyntax setup = Parse(block.Setup ?? string.Empty);
        IEnumerable<string> usings = setup.Usings.Concat(code.Usings).Select(u => u.ToString()).Distinct(StringComparer.Ordinal);
        IEnumerable<MemberDeclarationSyntax> statements = setup.Members.OfType<GlobalStatementSyntax>().Concat(code.Members.OfType<GlobalStatementSyntax>());
        IEnumerable<MemberDeclarationSyntax> types = code.Members.Concat(setup.Members).Where(m => m is not GlobalStatementSyntax);
        return string.Join('\n', usings) + "\n" + string.Concat(statements.Concat(types).Select(m => m.ToFullString()));
    }

    public static CSharpCompilation Compile(DocBlock block)
    {
        SyntaxTree[] trees =
        [
            CSharpSyntaxTree.ParseText(Program(block), ParseOptions, path: $"{block.Page}:{block.Line}.cs"),
            CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using {u};\n")), ParseOptions),
            CSharpSyntaxTree.ParseText(Support(), ParseOptions),
        ];
        return CSharpCompilation.Create(
            "DocBlock" + Guid.NewGuid().ToString("N"),
            trees,
            UsesTorchSharp(block) ? TorchSharpReferences.Value : LibraryReferences.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The errors of the compilation, each with the line of the program it is on.</summary>
    public static string[] Errors(CSharpCompilation compilation, out byte[] image)
    {
        using var stream = new MemoryStream();
        ImmutableArray<Diagnostic> diagnostics = compilation.Emit(stream).Diagnostics;
        image = stream.ToArray();
        return diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d} [{d.Location.SourceTree?.GetText().Lines.GetLineFromPosition(d.Location.SourceSpan.Start).ToString().Trim()}]")
            .ToArray();
    }

    /// <summary>The <c>text</c> block that shows the block's output: the next block, when the word "prints" introduces it.</summary>
    public static DocBlock? ShownOutput(DocBlock block) =>
        DocPages.Next(block) is { Language: "text" } next && IsPrints(next.Intro) ? next : null;

    public static bool IsPrints(string intro) => intro is "prints" or "prints:";

    /// <summary>
    /// Runs the program in a collectible load context with <paramref name="folder"/> as the current folder, and returns what it
    /// wrote. The current folder is the process's: run only from a test collection that runs alone.
    /// </summary>
    public static string Run(byte[] image, string folder)
    {
        var context = new AssemblyLoadContext("DocBlock", isCollectible: true);
        CultureInfo culture = CultureInfo.CurrentCulture;
        string current = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = folder;
            Assembly assembly = context.LoadFromStream(new MemoryStream(image));
            var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            assembly.GetType("Console", throwOnError: true)!.GetProperty("Out")!.SetValue(null, output);
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            MethodInfo entry = assembly.EntryPoint!;
            object? result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
            }

            return output.ToString();
        }
        finally
        {
            Environment.CurrentDirectory = current;
            CultureInfo.CurrentCulture = culture;
            context.Unload();
        }
    }

    private static CompilationUnitSyntax Parse(string code) => (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, ParseOptions).GetRoot();

    private static string Support() => $$"""
        internal static class Console
        {
            public static System.IO.TextWriter Out { get; set; } = System.IO.TextWriter.Null;

            public static void WriteLine() => Out.WriteLine();

            public static void WriteLine(string? value) => Out.WriteLine(value);

            public static void WriteLine(object? value) => Out.WriteLine(value);

            public static void WriteLine(string format, params object?[] args) => Out.WriteLine(format, args);

            public static void Write(string? value) => Out.Write(value);

            public static void Write(object? value) => Out.Write(value);
        }

        internal static class DocTest
        {
            public const string RepositoryRoot = {{SymbolDisplay.FormatLiteral(Repo.Root, quote: true)}};
        }
        """;

    private static List<MetadataReference> References(bool torch)
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == framework)
            .ToList();
        paths.Add(typeof(ILearningRateSchedule).Assembly.Location);
        string[] libraries = torch
            ? ["System.Numerics.Tensors.dll", "LrDecay.TorchSharp.dll", "TorchSharp.dll", "Google.Protobuf.dll", "ICSharpCode.SharpZipLib.dll", "SkiaSharp.dll"]
            : ["System.Numerics.Tensors.dll"];
        paths.AddRange(libraries.Select(l => Path.Combine(AppContext.BaseDirectory, l)).Where(File.Exists));
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }
}
