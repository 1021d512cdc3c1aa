using System.Runtime.InteropServices;

namespace LrDecay.Cli;

/// <summary>
/// The comparison of <c>lrdecay diff</c>: two schedules evaluated through <c>Fill</c> over the same steps (in chunks, one segment per
/// core), compared bit for bit.
/// </summary>
internal static class ScheduleDiff
{
    /// <summary>Compares <paramref name="a"/> and <paramref name="b"/> on steps <c>[start, end)</c>.</summary>
    /// <param name="a">The first schedule.</param>
    /// <param name="b">The second schedule.</param>
    /// <param name="start">The first step. Range: <c>&gt;= 0</c>.</param>
    /// <param name="end">One past the last step. Range: <c>&gt; start</c>.</param>
    /// <param name="progress">Called with the steps done so far, or null.</param>
    /// <returns>The differences.</returns>
    public static DiffResult Compare(ILearningRateSchedule a, ILearningRateSchedule b, long start, long end, Action<long>? progress = null)
    {
        DiffResult[] segments = StepSegments.Run(start, end, (from, to, report) => Scan(a, b, from, to, report), progress);
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
    public static double Relative(double a, double b)
    {
        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        return scale == 0.0 ? 0.0 : Math.Abs(a - b) / scale;
    }

    private static DiffResult Scan(ILearningRateSchedule a, ILearningRateSchedule b, long from, long to, Action<int> report)
    {
        int size = (int)Math.Min(StepSegments.ChunkSize, to - from);
        var left = new double[size];
        var right = new double[size];
        long differing = 0;
        DiffPoint? first = null;
        DiffPoint? largest = null;
        for (long chunkStart = from; chunkStart < to; chunkStart += size)
        {
            int length = (int)Math.Min(size, to - chunkStart);
            Span<double> x = left.AsSpan(0, length);
            Span<double> y = right.AsSpan(0, length);
            a.Fill(chunkStart, x);
            b.Fill(chunkStart, y);
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
    private static bool BitEqual(Span<double> x, Span<double> y) =>
        MemoryMarshal.AsBytes(x).SequenceEqual(MemoryMarshal.AsBytes(y));
}

/// <summary>A step where two schedules differ, with both rates and their relative difference.</summary>
/// <param name="Step">The step.</param>
/// <param name="A">The first schedule's rate.</param>
/// <param name="B">The second schedule's rate.</param>
/// <param name="Relative">See <see cref="ScheduleDiff.Relative"/>.</param>
internal sealed record DiffPoint(long Step, double A, double B, double Relative);

/// <summary>What <see cref="ScheduleDiff.Compare"/> found.</summary>
/// <param name="Differing">How many steps differ in their bits.</param>
/// <param name="First">The first step that differs, or null when none does.</param>
/// <param name="Largest">The first step with the largest relative difference, or null when none differs.</param>
internal sealed record DiffResult(long Differing, DiffPoint? First, DiffPoint? Largest);
