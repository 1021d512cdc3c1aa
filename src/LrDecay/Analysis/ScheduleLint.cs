using System.Globalization;
using LrDecay.Internal;

namespace LrDecay.Analysis;

/// <summary>
/// Checks a schedule against the run it drives (<c>lrdecay lint</c> prints what it finds): evaluates every step of a run of
/// <c>totalSteps</c> steps through <c>Fill</c> (in chunks, one segment of the run per core) and reports what does not fit the run.
/// </summary>
/// <remarks>
/// The findings, each with its threshold in <see cref="LintOptions"/>:
/// <list type="bullet">
/// <item><c>flat</c>: from step F on the rate never changes again, it is below the run's peak (the schedule decayed), and
/// <c>[F, N)</c> is more than <see cref="LintOptions.FlatFraction"/> of the run. Steps compare bit for bit.</item>
/// <item><c>unfinished</c>: the schedule has an end (<see cref="ScheduleStructure.HoldsFrom"/>: the step from which it holds its final
/// rate, read from the config) after the run's last step, and at the last step more than <see cref="LintOptions.DecayLeft"/> of the
/// way from that final rate up to the run's peak is left. Where the schedule was heading is its own rate at that end step.</item>
/// <item><c>zero</c>: the rate is exactly 0 on more than <see cref="LintOptions.ZeroFraction"/> of the steps.</item>
/// <item><c>jump</c>: the rate rises by more than <see cref="LintOptions.Jump"/> times from one step to the next where one schedule of
/// a <c>sequence</c> hands over to the next (as the catalog entries of the schedule and its parts state where a rise comes from). Rises inside a schedule (warm-ups,
/// ramps, restarts, cycles) are what the config asks for and are not reported.</item>
/// <item><c>warmup</c>: the rate first reaches its peak over the run at step P with P more than
/// <see cref="LintOptions.WarmupFraction"/> of the run, unless the rise into P is the cycle of a type that cycles by design
/// (<c>oneCycle</c>, <c>cyclic</c>, <c>cosineRestarts</c>, <c>rangeTest</c>, ...).</item>
/// </list>
/// </remarks>
public static class ScheduleLint
{
    /// <summary>Checks a run of <paramref name="totalSteps"/> steps driven by <paramref name="schedule"/>.</summary>
    /// <param name="schedule">The schedule; its rates must depend on the step alone (<see cref="ScheduleStructure.DependsOnMetric"/> false).</param>
    /// <param name="totalSteps">The run's length N: steps <c>0 .. N-1</c>. Range: <c>&gt; 0</c>.</param>
    /// <param name="options">The thresholds, or null for the defaults.</param>
    /// <param name="progress">Told the steps done so far (from one thread at a time), or null.</param>
    /// <returns>The findings, in step order; empty when the schedule fits the run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalSteps"/> or a threshold is out of its range.</exception>
    /// <exception cref="ArgumentException">The schedule holds a <c>plateau</c>, whose rates depend on the metrics of the run.</exception>
    public static IReadOnlyList<LintFinding> Check(ILearningRateSchedule schedule, long totalSteps, LintOptions? options = null, IProgress<long>? progress = null)
    {
        Guard.NotNull(schedule);
        if (totalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, "totalSteps must be > 0: the run needs at least 1 step.");
        }

        options ??= new LintOptions();
        CheckOptions(options);
        if (ScheduleStructure.DependsOnMetric(schedule))
        {
            throw new ArgumentException(
                "lint evaluates a schedule of the step alone, and a plateau's reductions depend on the metrics of the run.", nameof(schedule));
        }

        Summary[] segments = StepSegments.Run(0, totalSteps, (from, to, report) => Scan(schedule, from, to, options, report), progress);
        Summary run = segments[0];
        for (int i = 1; i < segments.Length; i++)
        {
            run = Merge(schedule, run, segments[i], options);
        }

        var findings = new List<LintFinding>();
        long n = totalSteps;

        // flat: the last change, and the value held after it.
        long flatFrom = Math.Max(run.LastChange, 0);
        if (flatFrom > 0 && run.Last < run.Max && n - flatFrom > options.FlatFraction * n)
        {
            findings.Add(new LintFinding(
                LintFindingKind.Flat,
                flatFrom,
                n,
                "$",
                $"the rate stops changing at {Rate(run.Last)} after decaying from {Rate(run.Max)}, for {Percent(n - flatFrom, n)} of the run "
                    + "(a horizon in epochs while the run counts batches?)"));
        }

        // unfinished: the schedule's own end lies after the run, and much of the decay towards it is left.
        long? horizon = ScheduleStructure.HoldsFrom(schedule);
        if (horizon is long end && end > n - 1)
        {
            double target = schedule.GetLearningRate(end);
            if (run.Max > target && run.Last > target)
            {
                double left = (run.Last - target) / (run.Max - target);
                if (left > options.DecayLeft)
                {
                    findings.Add(new LintFinding(
                        LintFindingKind.Unfinished,
                        n - 1,
                        n,
                        "$",
                        $"the run ends at {Rate(run.Last)} with {Percent(left)} of the decay from {Rate(run.Max)} to {Rate(target)} left; "
                            + $"the schedule gets there at step {end}"));
                }
            }
        }

        // zero
        if (run.Zeros > options.ZeroFraction * n)
        {
            findings.Add(new LintFinding(
                LintFindingKind.Zero, run.FirstZero, run.LastZero + 1, "$", $"the rate is 0 on {run.Zeros} of {n} steps ({Percent(run.Zeros, n)})"));
        }

        // jump
        foreach (Jump jump in run.Jumps)
        {
            string factor = jump.Before == 0.0 ? string.Empty : $" {Number(jump.After / jump.Before)}x";
            findings.Add(new LintFinding(
                LintFindingKind.Jump, jump.Step, jump.Step + 1, jump.Path, $"the rate rises{factor} from {Rate(jump.Before)} to {Rate(jump.After)} where {jump.Path} takes over"));
        }

        if (run.JumpCount > run.Jumps.Count)
        {
            long more = run.JumpCount - run.Jumps.Count;
            findings.Add(new LintFinding(
                LintFindingKind.Jump,
                run.Jumps[run.Jumps.Count - 1].Step + 1,
                run.LastJump + 1,
                "$",
                $"{more} more rise{(more == 1 ? string.Empty : "s")} of more than {Number(options.Jump)}x where a sequence hands over"));
        }

        // warmup: the first step at the run's peak.
        long peak = run.MaxStep;
        if (peak > 0 && peak > options.WarmupFraction * n && ScheduleStructure.ClassifyRise(schedule, peak).Kind != RiseKind.Cycle)
        {
            findings.Add(new LintFinding(
                LintFindingKind.Warmup, 0, peak, "$", $"the rate first reaches its peak {Rate(run.Max)} at step {peak}, {Percent(peak, n)} of the run"));
        }

        return findings.OrderBy(f => f.Start).ToList();
    }

    /// <summary>A rate as lint prints it: 6 significant digits, invariant culture.</summary>
    internal static string Rate(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Percent(long part, long whole) => Percent((double)part / whole);

    private static string Percent(double fraction) => (100.0 * fraction).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static void CheckOptions(LintOptions options)
    {
        Fraction(options.FlatFraction, nameof(LintOptions.FlatFraction), allowZero: false);
        Fraction(options.DecayLeft, nameof(LintOptions.DecayLeft), allowZero: false);
        Fraction(options.ZeroFraction, nameof(LintOptions.ZeroFraction), allowZero: true);
        Fraction(options.WarmupFraction, nameof(LintOptions.WarmupFraction), allowZero: false);
        if (!(options.Jump >= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Jump, "Jump must be a factor >= 1 (Infinity switches the check off).");
        }

        if (options.MaxJumpLines < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxJumpLines, "MaxJumpLines must be >= 1.");
        }
    }

    private static void Fraction(double value, string name, bool allowZero)
    {
        if (!(value <= 1.0 && (allowZero ? value >= 0.0 : value > 0.0)))
        {
            throw new ArgumentOutOfRangeException("options", value, $"{name} must be a fraction in {(allowZero ? "[0, 1]" : "(0, 1]")}.");
        }
    }

    private static Summary Scan(ILearningRateSchedule schedule, long from, long to, LintOptions options, Action<int> report)
    {
        var chunks = new RateChunks(schedule, from, to - from);
        var s = new Summary { Start = from, End = to, LastChange = -1, FirstZero = -1, LastZero = -1 };
        double jump = options.Jump;
        double prev = 0.0;
        double max = double.NegativeInfinity;
        long maxStep = from;
        long lastChange = -1;
        long zeros = 0;
        while (chunks.MoveNext())
        {
            ReadOnlySpan<double> chunk = chunks.Current;
            long chunkStart = from + chunks.Offset;
            int i = 0;
            if (chunkStart == from)
            {
                // The segment's first step: compared with the step before it when the segments are merged.
                prev = chunk[0];
                s.First = prev;
                max = prev;
                if (prev == 0.0)
                {
                    zeros++;
                    s.FirstZero = s.LastZero = from;
                }

                i = 1;
            }

            int lastChangeIndex = -1;
            int firstZeroIndex = -1;
            int lastZeroIndex = -1;
            int maxIndex = -1;
            double chunkMax = max;
            for (; i < chunk.Length; i++)
            {
                double v = chunk[i];
                if (v != prev)
                {
                    lastChangeIndex = i;
                    if (v > jump * prev)
                    {
                        Rise(schedule, s, chunkStart + i, prev, v, options);
                    }

                    if (v > chunkMax)
                    {
                        chunkMax = v;
                        maxIndex = i;
                    }
                }

                if (v == 0.0)
                {
                    zeros++;
                    if (firstZeroIndex < 0)
                    {
                        firstZeroIndex = i;
                    }

                    lastZeroIndex = i;
                }

                prev = v;
            }

            if (lastChangeIndex >= 0)
            {
                lastChange = chunkStart + lastChangeIndex;
            }

            if (maxIndex >= 0)
            {
                max = chunkMax;
                maxStep = chunkStart + maxIndex;
            }

            if (firstZeroIndex >= 0)
            {
                if (s.FirstZero < 0)
                {
                    s.FirstZero = chunkStart + firstZeroIndex;
                }

                s.LastZero = chunkStart + lastZeroIndex;
            }

            report(chunk.Length);
        }

        s.Last = prev;
        s.Max = max;
        s.MaxStep = maxStep;
        s.LastChange = lastChange;
        s.Zeros = zeros;
        return s;
    }

    /// <summary>Records a rise of more than the threshold from step <c>step - 1</c> to <paramref name="step"/>, when a junction makes it.</summary>
    private static void Rise(ILearningRateSchedule schedule, Summary s, long step, double before, double after, LintOptions options)
    {
        (RiseKind kind, string path) = ScheduleStructure.ClassifyRise(schedule, step);
        if (kind != RiseKind.Junction)
        {
            return;
        }

        s.JumpCount++;
        s.LastJump = step;
        if (s.Jumps.Count < options.MaxJumpLines)
        {
            s.Jumps.Add(new Jump(step, before, after, path));
        }
    }

    /// <summary>The summary of <paramref name="a"/> followed by <paramref name="b"/>, including the step where they meet.</summary>
    private static Summary Merge(ILearningRateSchedule schedule, Summary a, Summary b, LintOptions options)
    {
        var m = new Summary
        {
            Start = a.Start,
            End = b.End,
            First = a.First,
            Last = b.Last,
            Zeros = a.Zeros + b.Zeros,
            FirstZero = a.FirstZero >= 0 ? a.FirstZero : b.FirstZero,
            LastZero = b.LastZero >= 0 ? b.LastZero : a.LastZero,
            JumpCount = a.JumpCount,
            LastJump = a.LastJump,
        };
        m.Jumps.AddRange(a.Jumps);
        bool changes = b.First != a.Last;
        if (changes && b.First > options.Jump * a.Last)
        {
            Rise(schedule, m, b.Start, a.Last, b.First, options);
        }

        foreach (Jump jump in b.Jumps)
        {
            if (m.Jumps.Count < options.MaxJumpLines)
            {
                m.Jumps.Add(jump);
            }
        }

        if (b.JumpCount > 0)
        {
            m.JumpCount += b.JumpCount;
            m.LastJump = b.LastJump;
        }

        m.LastChange = b.LastChange >= 0 ? b.LastChange : changes ? b.Start : a.LastChange;
        (m.Max, m.MaxStep) = b.Max > a.Max ? (b.Max, b.MaxStep) : (a.Max, a.MaxStep);
        return m;
    }

    private sealed record Jump(long Step, double Before, double After, string Path);

    /// <summary>What a scan keeps of steps <c>[Start, End)</c>.</summary>
    private sealed class Summary
    {
        public long Start { get; set; }

        public long End { get; set; }

        public double First { get; set; }

        public double Last { get; set; }

        /// <summary>The last step in <c>(Start, End)</c> whose rate differs from the step before, or -1.</summary>
        public long LastChange { get; set; }

        public double Max { get; set; }

        /// <summary>The first step at <see cref="Max"/>.</summary>
        public long MaxStep { get; set; }

        public long Zeros { get; set; }

        public long FirstZero { get; set; }

        public long LastZero { get; set; }

        public long JumpCount { get; set; }

        public long LastJump { get; set; }

        public List<Jump> Jumps { get; } = [];
    }
}
