using System.Runtime.ExceptionServices;

namespace LrDecay.Analysis;

/// <summary>
/// Splits steps <c>[start, end)</c> into one contiguous segment per core and scans them at once; each scan walks its segment through
/// <see cref="RateChunks"/>, so memory stays at one chunk buffer per core whatever the run's length.
/// </summary>
internal static class StepSegments
{
    /// <summary>The steps one <c>Fill</c> call evaluates.</summary>
    public const int ChunkSize = RateChunks.DefaultChunkSize;

    /// <summary>Scans the segments and returns their results in step order.</summary>
    /// <typeparam name="T">What a scan returns.</typeparam>
    /// <param name="start">The first step.</param>
    /// <param name="end">One past the last step; greater than <paramref name="start"/>.</param>
    /// <param name="scan">Scans <c>[segmentStart, segmentEnd)</c>, calling the third argument with each chunk's length as it goes.</param>
    /// <param name="progress">Called with the number of steps done so far (from one thread at a time), or null.</param>
    /// <returns>One result per segment, first segment first.</returns>
    public static T[] Run<T>(long start, long end, Func<long, long, Action<int>, T> scan, IProgress<long>? progress)
    {
        long count = end - start;

        // A segment gets at least a few chunks; a short run stays on one thread.
        int segments = (int)Math.Max(1, Math.Min(Environment.ProcessorCount, count / (4L * ChunkSize)));
        var results = new T[segments];
        long done = 0;
        var gate = new object();
        Action<int> report = n =>
        {
            if (progress is not null)
            {
                lock (gate)
                {
                    done += n;
                    progress.Report(done);
                }
            }
        };

        try
        {
            Parallel.For(0, segments, new ParallelOptions { MaxDegreeOfParallelism = segments }, i =>
            {
                long from = start + (count / segments * i);
                long to = i == segments - 1 ? end : start + (count / segments * (i + 1));
                results[i] = scan(from, to, report);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count >= 1)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return results;
    }
}
