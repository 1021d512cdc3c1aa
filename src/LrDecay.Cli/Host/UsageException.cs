namespace LrDecay.Cli;

/// <summary>Bad input found by a command: printed as one line on stderr, exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
