namespace LrDecay.Cli;

/// <summary>One finding of <c>lrdecay lint</c>: its code, the steps <c>[Start, End)</c> it concerns, and a message.</summary>
/// <param name="Code">flat, unfinished, zero, jump or warmup.</param>
/// <param name="Start">The first step concerned.</param>
/// <param name="End">One past the last step concerned.</param>
/// <param name="Message">What was found, with the values.</param>
internal sealed record LintFinding(string Code, long Start, long End, string Message)
{
    /// <summary>The finding as one line: <c>jump step 1000: ...</c> or <c>flat steps [1000, 5000): ...</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        End - Start == 1 ? $"{Code} step {Start}: {Message}" : $"{Code} steps [{Start}, {End}): {Message}";
}
