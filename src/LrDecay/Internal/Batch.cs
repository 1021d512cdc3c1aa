using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET
using System.Runtime.Intrinsics;
#endif

namespace LrDecay.Internal;

/// <summary>Building blocks of the <see cref="IBatchSchedule"/> fast paths; every range passed in is already checked.</summary>
internal static class Batch
{
    /// <summary>Steps below this convert to <see cref="double"/> exactly, so a vector ramp <c>first + i</c> matches per-step conversion.</summary>
    internal const long ExactSteps = 1L << 53;

    /// <summary>
    /// How batch kernels are compiled: never inlined (a vector loop keeps its own inlining budget) and optimized from the first
    /// call (a fill is called rarely and runs long, where tiering's instrumented and on-stack-replacement code is at its worst).
    /// </summary>
#if NET
    internal const MethodImplOptions Kernel = MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization;
#else
    internal const MethodImplOptions Kernel = MethodImplOptions.NoInlining;
#endif

    /// <summary>Chunk length of the stack buffers composites use (no heap allocation).</summary>
    internal const int ChunkLength = 256;

    /// <summary>Fills <c>destination[i] = schedule(firstStep + i)</c> through the schedule's fast path when it has one.</summary>
    internal static void Fill(ILearningRateSchedule schedule, long firstStep, Span<double> destination)
    {
        if (schedule is IBatchSchedule batch)
        {
            batch.Fill(firstStep, destination);
            return;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = schedule.GetLearningRate(firstStep + i);
        }
    }

    /// <summary>
    /// How many of <paramref name="length"/> steps from <paramref name="firstStep"/> lie before <paramref name="end"/>
    /// (0 when <paramref name="firstStep"/> is already past it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CountBefore(long firstStep, int length, long end) =>
        firstStep >= end ? 0 : (int)Math.Min(length, end - firstStep);

    /// <summary>
    /// Fills runs of equal values: step <c>t</c> gets <c>values.At(floor(t / runLength))</c>, evaluated once per run.
    /// </summary>
    internal static void FillRuns<TValues>(ref TValues values, long firstStep, long runLength, Span<double> destination)
        where TValues : struct, IRunValues
    {
        long run = firstStep / runLength;
        long left = runLength - (firstStep - (run * runLength));
        int i = 0;
        while (i < destination.Length)
        {
            int count = (int)Math.Min(left, destination.Length - i);
            destination.Slice(i, count).Fill(values.At(run));
            i += count;
            run++;
            left = runLength;
        }
    }

    /// <summary>
    /// Fills runs split by sorted boundaries: step <c>t</c> gets <c>values[CountAtMost(boundaries, t - shift)]</c>
    /// (<paramref name="shift"/> 0 for multiStep, 1 for piecewiseConstant, whose boundary belongs to the run before it).
    /// </summary>
    internal static void FillSorted(long[] boundaries, double[] values, long shift, long firstStep, Span<double> destination)
    {
        long probe = firstStep - shift;
        int index = probe < 0 ? 0 : Guard.CountAtMost(boundaries, probe);
        int i = 0;
        while (i < destination.Length)
        {
            // The run of values[index] ends at step boundaries[index] - 1 + shift (no overflow: boundaries are >= 0, shift is 0 or 1).
            int count = destination.Length - i;
            if (index < boundaries.Length)
            {
                long last = boundaries[index] - 1 + shift;
                long current = firstStep + i;
                count = current > last ? 0 : (int)(Math.Min(count - 1, last - current) + 1);
            }

            destination.Slice(i, count).Fill(values[index]);
            i += count;
            index++;
        }
    }

    /// <summary>Fills <c>destination[i] = (first + i) * scale</c>; vectorised while the steps are exact as doubles.</summary>
    internal static void FillRamp(long firstStep, double scale, Span<double> destination)
    {
        int i = 0;
#if NET
        if (Vector256.IsHardwareAccelerated && destination.Length >= Vector256<double>.Count && firstStep <= ExactSteps - destination.Length)
        {
            ref double d = ref MemoryMarshal.GetReference(destination);
            Vector256<double> step = Vector256.Create((double)firstStep) + Vector256.Create(0.0, 1.0, 2.0, 3.0);
            Vector256<double> factor = Vector256.Create(scale);
            Vector256<double> four = Vector256.Create(4.0);
            for (; i <= destination.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                (step * factor).StoreUnsafe(ref d, (nuint)i);
                step += four;
            }
        }
#endif
        for (; i < destination.Length; i++)
        {
            destination[i] = (firstStep + i) * scale;
        }
    }
}

/// <summary>The value of run <c>k</c> for <see cref="Batch.FillRuns"/>; a struct, so the call is direct.</summary>
internal interface IRunValues
{
    double At(long run);
}
