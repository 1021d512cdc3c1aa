namespace LrDecay.Cli.Tests;

/// <summary>Blocks that run change the current folder, so they run alone, after the other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentFolderCollection
{
    public const string Name = "current folder";
}

/// <summary>
/// Every C# block of README.md and docs/*.md that does not use TorchSharp compiles (with its <c>csharp-setup</c>) and runs, and
/// when the next block is a <c>text</c> block introduced by "prints", it prints that text. The blocks that use TorchSharp need
/// its native runtime: LrDecay.TorchSharp.Tests runs them the same way (<c>TorchSharpDocsTests</c>).
/// </summary>
[Collection(CurrentFolderCollection.Name)]
public sealed class CSharpDocsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, int> Blocks() => CSharpBlocks.Blocks(torchSharp: false);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Doc_CSharpBlock_CompilesRunsAndPrintsWhatTheDocShows(string page, int line)
    {
        CSharpBlocks.CompilesRunsAndPrintsWhatTheDocShows(page, line, _temp.Path);
    }

    [Fact]
    public void Doc_CSharpBlocks_ThatUseTorchSharp_AreLeftToTheTorchSharpTests()
    {
        // The rule CSharpBlocks.UsesTorchSharp picks them; LrDecay.TorchSharp.Tests has the native runtime they need.
        DocPages.Blocks.Where(b => b.Language == "csharp" && CSharpBlocks.UsesTorchSharp(b)).Should().NotBeEmpty();
    }

    [Fact]
    public void Doc_CSharpBlocks_FirstOfTheReadmeRunsAndPrintsTheFirstText()
    {
        // .ci/readme-example builds the README's first csharp block against the packed package and compares the first text block.
        DocBlock[] readme = DocPages.Blocks.Where(b => b.Page == "README.md").ToArray();
        DocBlock first = readme.First(b => b.Language == "csharp");

        CSharpBlocks.UsesTorchSharp(first).Should().BeFalse();
        first.Setup.Should().BeNull("the first example is a whole program");
        CSharpBlocks.ShownOutput(first).Should().BeSameAs(readme.First(b => b.Language == "text"));
    }

    [Fact]
    public void Doc_TextBlocks_IntroducedByPrints_FollowACSharpBlock()
    {
        foreach (DocBlock text in DocPages.Blocks.Where(b => b.Language == "text" && CSharpBlocks.IsPrints(b.Intro)))
        {
            DocPages.Blocks.Last(b => b.Page == text.Page && b.Line < text.Line).Language.Should().Be("csharp", $"{text} shows a program's output");
        }
    }
}
