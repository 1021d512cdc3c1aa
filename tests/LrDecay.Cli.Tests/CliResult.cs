namespace LrDecay.Cli.Tests;

/// <summary>The outcome of one in-process <c>lrdecay</c> run.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Asserts bad input: exit 2, nothing on stdout, one line on stderr that names <paramref name="mentions"/> and has no stack trace.</summary>
    public void ShouldBeBadInput(params string[] mentions)
    {
        ExitCode.Should().Be(2, $"stderr: {Err}");
        Err.TrimEnd('\n').Should().NotContain("\n", "bad input is one line");
        Err.Should().StartWith("lrdecay: ").And.NotContain("   at ").And.NotContain("Exception");
        foreach (string mention in mentions)
        {
            Err.Should().Contain(mention);
        }
    }
}
