using System.Runtime.InteropServices;
using LrDecay.Internal;

namespace LrDecay.Analysis;

/// <summary>
/// Whether two schedules give the same rates (<c>lrdecay diff</c> prints what it finds): both evaluated through <c>Fill</c> over the
/// same steps (in chunks, one segment of the steps per core), compared bit for bit.
/// </summary>
public static class ScheduleDiff
{
    /// <summary>Compares <paramref name="a"/> and <paramref name="b"/> on steps <c>[from, to)</c>.</summary>
    /// <param name="a">The first schedule.</param>
    /// <param name="b">The second schedule.</param>
    /// <param name="from">The first step. Range: <c>&gt;= 0</c>.</param>
    /// <param name="to">One past the last step. Range: <c>&gt; from</c>.</param>
    /// <param name="progress">Told the steps done so far (from one thread at a time), or null.</param>
    /// <returns>How many steps differ, the first that does and the one that differs most.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> or <paramref name="to"/> is out of its range.</exception>
    /// <exception cref="ArgumentException">A schedule holds a <c>plateau</c>, whose rates depend on the metrics of the run.</exception>
    public static DiffResult Compare(ILearningRateSchedule a, ILearningRateSchedule b, long from, long to, IProgress<long>? progress = null)
    {
        Guard.NotNull(a);
        Guard.NotNull(b);
        Guard.Step(from);
        if (to <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"to must be greater than from ({from}).");
        }

        foreach (ILearningRateSchedule schedule in new[] { a, b })
        {
            if (ScheduleStructure.DependsOnMetric(schedule))
            {
                throw new ArgumentException(
                    "diff compares schedules of the step alone, and a plateau's reductions depend on the metrics of the run.",
                    schedule == a ? nameof(a) : nameof(b));
            }
        }

        long start = from;
        long end = to;
        DiffResult[] segments = StepSegments.Run(start, end, (segmentFrom, segmentTo, report) => Scan(a, b, segmentFrom, segmentTo, report), progress);
        DiffResult result = segments[0];
        for (int i = 1; i < segments.Length; i++)
        {
            DiffResult next = segments[i];
            result = new DiffResult(
                result.Differing + next.Differing,
                result.First ?? next.First,
                next.Largest is not null && (result.Largest is null || next.Largest.Relative > result.Largest.Relative) ? next.Largest : result.Largest);
        }

        return result;
    }

    /// <summary>
    /// The relative difference of two rates: <c>|a - b| / max(|a|, |b|)</c>, in <c>[0, 1]</c> for rates of one sign, 0 when both are 0
    /// (also <c>0</c> against <c>-0</c>, which differ in their bits).
    /// </summary>
    /// <param name="a">The first rate.</param>
    /// <param name="b">The second rate.</param>
    /// <returns>The relative difference.</returns>
    public static double Relative(double a, double b)
    {
        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        return scale == 0.0 ? 0.0 : Math.Abs(a - b) / scale;
    }

    private static DiffResult Scan(ILearningRateSchedule a, ILearningRateSchedule b, long from, long to, Action<int> report)
    {
        // The two walk the same chunks in step.
        var left = new RateChunks(a, from, to - from);
        var right = new RateChunks(b, from, to - from);
        long differing = 0;
        DiffPoint? first = null;
        DiffPoint? largest = null;
        while (left.MoveNext() && right.MoveNext())
        {
            ReadOnlySpan<double> x = left.Current;
            ReadOnlySpan<double> y = right.Current;
            long chunkStart = from + left.Offset;
            int length = x.Length;
            if (!BitEqual(x, y))
            {
                for (int i = 0; i < length; i++)
                {
                    if (BitConverter.DoubleToInt64Bits(x[i]) == BitConverter.DoubleToInt64Bits(y[i]))
                    {
                        continue;
                    }

                    differing++;
                    double relative = Relative(x[i], y[i]);
                    first ??= new DiffPoint(chunkStart + i, x[i], y[i], relative);
                    if (largest is null || relative > largest.Relative)
                    {
                        largest = new DiffPoint(chunkStart + i, x[i], y[i], relative);
                    }
                }
            }

            report(length);
        }

        return new DiffResult(differing, first, largest);
    }

    // SequenceEqual on doubles compares values (0 == -0, NaN != NaN); this compares the bits.
    private static bool BitEqual(ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        MemoryMarshal.AsBytes(x).SequenceEqual(MemoryMarshal.AsBytes(y));
}

/// <summary>A step where two schedules differ, with both rates and their relative difference.</summary>
public sealed class DiffPoint
{
    /// <summary>Creates a point.</summary>
    /// <param name="step">The step.</param>
    /// <param name="a">The first schedule's rate.</param>
    /// <param name="b">The second schedule's rate.</param>
    /// <param name="relative">Their relative difference, see <see cref="ScheduleDiff.Relative"/>.</param>
    public DiffPoint(long step, double a, double b, double relative)
    {
        Step = step;
        A = a;
        B = b;
        Relative = relative;
    }

    /// <summary>The step.</summary>
    public long Step { get; }

    /// <summary>The first schedule's rate.</summary>
    public double A { get; }

    /// <summary>The second schedule's rate.</summary>
    public double B { get; }

    /// <summary>The relative difference of <see cref="A"/> and <see cref="B"/>, see <see cref="ScheduleDiff.Relative"/>.</summary>
    public double Relative { get; }
}

/// <summary>What <see cref="ScheduleDiff.Compare"/> found.</summary>
public sealed class DiffResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="differing">How many steps differ in their bits.</param>
    /// <param name="first">The first step that differs, or null when none does.</param>
    /// <param name="largest">The first step with the largest relative difference, or null when none differs.</param>
    public DiffResult(long differing, DiffPoint? first, DiffPoint? largest)
    {
        Differing = differing;
        First = first;
        Largest = largest;
    }

    /// <summary>How many steps differ in their bits.</summary>
    public long Differing { get; }

    /// <summary>The first step that differs, or null when none does.</summary>
    public DiffPoint? First { get; }

    /// <summary>The first step with the largest relative difference, or null when none differs.</summary>
    public DiffPoint? Largest { get; }

    /// <summary>Whether the two schedules give the same rates, bit for bit, on every step compared.</summary>
    public bool Identical => First is null;
}
