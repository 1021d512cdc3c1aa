namespace LrDecay.Cli;

/// <summary>The process exit codes of <c>lrdecay</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Everything went well.</summary>
    public const int Ok = 0;

    /// <summary><c>check</c> ran and at least one case failed.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input: missing or unreadable file, malformed JSON, invalid config, bad option or argument.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in lrdecay: an unexpected exception, reported as one line.</summary>
    public const int InternalError = 3;
}
