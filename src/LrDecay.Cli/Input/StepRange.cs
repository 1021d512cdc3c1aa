using System.Globalization;

namespace LrDecay.Cli;

/// <summary>The steps of <c>--steps A:B[:STRIDE]</c>: <c>A, A + STRIDE, ...</c> while below <c>B</c> (B exclusive).</summary>
internal readonly struct StepRange
{
    public StepRange(long start, long end, long stride)
    {
        Start = start;
        End = end;
        Stride = stride;
    }

    public long Start { get; }

    public long End { get; }

    public long Stride { get; }

    /// <summary>How many steps the range holds.</summary>
    public long Count => ((End - Start - 1) / Stride) + 1;

    /// <summary>The <paramref name="index"/>-th step.</summary>
    public long StepAt(long index) => Start + (index * Stride);

    /// <summary>Parses <c>A:B</c> or <c>A:B:STRIDE</c>; digits may be grouped with <c>_</c> (<c>0:1_000_000</c>).</summary>
    /// <param name="text">The option's value.</param>
    /// <param name="allowStride">Whether a stride may be given.</param>
    /// <returns>The range.</returns>
    /// <exception cref="UsageException">The text is not a valid range; the message names <c>--steps</c> and the problem.</exception>
    public static StepRange Parse(string text, bool allowStride = true)
    {
        string form = allowStride ? "A:B or A:B:STRIDE" : "A:B";
        string[] parts = text.Split(':');
        if (parts.Length < 2 || parts.Length > (allowStride ? 3 : 2))
        {
            throw new UsageException($"--steps '{text}': expected {form} (B exclusive), e.g. 0:1000");
        }

        long start = ParsePart(text, parts[0], "start A");
        long end = ParsePart(text, parts[1], "end B");
        long stride = parts.Length == 3 ? ParsePart(text, parts[2], "stride") : 1;
        if (start < 0)
        {
            throw new UsageException($"--steps '{text}': the start A must be >= 0");
        }

        if (end <= start)
        {
            throw new UsageException($"--steps '{text}': the end B ({end}) must be greater than the start A ({start}); B is exclusive");
        }

        if (stride <= 0)
        {
            throw new UsageException($"--steps '{text}': the stride must be > 0");
        }

        return new StepRange(start, end, stride);
    }

    private static long ParsePart(string text, string part, string what)
    {
        string digits = part.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw new UsageException($"--steps '{text}': the {what} '{part}' is not a whole number");
        }

        return value;
    }
}
