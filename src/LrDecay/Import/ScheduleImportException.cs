namespace LrDecay.Import;

/// <summary>
/// A file <see cref="ScheduleImport"/> cannot turn into a schedule: malformed, too large, or a class, key or value LrDecay cannot
/// reproduce. The message is one line that names what and why.
/// </summary>
public sealed class ScheduleImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line naming the class, key or value and why.</param>
    public ScheduleImportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">One line naming the class, key or value and why.</param>
    /// <param name="innerException">The cause.</param>
    public ScheduleImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
