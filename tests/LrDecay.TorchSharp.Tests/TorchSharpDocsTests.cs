using LrDecay.Cli.Tests;

namespace LrDecay.TorchSharp.Tests;

/// <summary>TorchSharp's random state and the current folder are the process's: the doc programs run alone, after the other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DocProgramsCollection
{
    public const string Name = "doc programs";
}

/// <summary>
/// Every C# block of README.md and docs/*.md that uses TorchSharp compiles (with its <c>csharp-setup</c>) against LrDecay.TorchSharp
/// and TorchSharp, and runs on the CPU runtime; when the next block is a <c>text</c> block introduced by "prints", it prints that
/// text. LrDecay.Cli.Tests runs the other blocks the same way (<c>CSharpDocsTests</c>).
/// </summary>
[Collection(DocProgramsCollection.Name)]
public sealed class TorchSharpDocsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, int> Blocks() => CSharpBlocks.Blocks(torchSharp: true);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Doc_TorchSharpBlock_CompilesRunsAndPrintsWhatTheDocShows(string page, int line)
    {
        CSharpBlocks.CompilesRunsAndPrintsWhatTheDocShows(page, line, _temp.Path);
    }
}
