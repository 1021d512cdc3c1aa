namespace LrDecay.Analysis;

/// <summary>One finding of <see cref="ScheduleLint.Check"/>: its kind, the steps <c>[Start, End)</c> it concerns, the part of the config it comes from, and a message.</summary>
public sealed class LintFinding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="kind">What was found.</param>
    /// <param name="start">The first step concerned.</param>
    /// <param name="end">One past the last step concerned.</param>
    /// <param name="path">The JSON path of the part of the config the finding comes from (<c>$</c> for the whole schedule).</param>
    /// <param name="message">What was found, with the values.</param>
    public LintFinding(LintFindingKind kind, long start, long end, string path, string message)
    {
        Kind = kind;
        Start = start;
        End = end;
        Path = path;
        Message = message;
    }

    /// <summary>What was found.</summary>
    public LintFindingKind Kind { get; }

    /// <summary>The kind as written at the start of <see cref="ToString"/>: <c>flat</c>, <c>unfinished</c>, <c>zero</c>, <c>jump</c> or <c>warmup</c>.</summary>
    public string Code
    {
        get
        {
            string name = Kind.ToString();
            return char.ToLowerInvariant(name[0]) + name.Substring(1);
        }
    }

    /// <summary>The first step concerned.</summary>
    public long Start { get; }

    /// <summary>One past the last step concerned.</summary>
    public long End { get; }

    /// <summary>
    /// The JSON path of the part of the config the finding comes from: for a jump, the schedule of the <c>sequence</c> that takes over
    /// (<c>$.schedules[1]</c>); otherwise <c>$</c>, the whole schedule.
    /// </summary>
    public string Path { get; }

    /// <summary>What was found, with the values.</summary>
    public string Message { get; }

    /// <summary>The finding as one line: <c>jump step 1000: ...</c> or <c>flat steps [1000, 5000): ...</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        End - Start == 1 ? $"{Code} step {Start}: {Message}" : $"{Code} steps [{Start}, {End}): {Message}";
}

/// <summary>The kinds of <see cref="LintFinding"/>; <see cref="ScheduleLint"/> describes each.</summary>
public enum LintFindingKind
{
    /// <summary>The rate stops changing after a decay, for more than <see cref="LintOptions.FlatFraction"/> of the run.</summary>
    Flat,

    /// <summary>The run ends with more than <see cref="LintOptions.DecayLeft"/> of the decay to the schedule's end value left.</summary>
    Unfinished,

    /// <summary>The rate is 0 on more than <see cref="LintOptions.ZeroFraction"/> of the steps.</summary>
    Zero,

    /// <summary>The rate rises by more than <see cref="LintOptions.Jump"/> times where one schedule of a <c>sequence</c> hands over to the next.</summary>
    Jump,

    /// <summary>The rate first reaches its peak after more than <see cref="LintOptions.WarmupFraction"/> of the run.</summary>
    Warmup,
}
