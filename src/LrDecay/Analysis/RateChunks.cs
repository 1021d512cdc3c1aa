using LrDecay.Internal;

namespace LrDecay.Analysis;

/// <summary>
/// The rates of a schedule over a range of steps, a chunk at a time: each chunk is one <c>Fill</c> of consecutive steps (or, with a
/// stride, <see cref="ILearningRateSchedule.GetLearningRate"/> per step), into one buffer reused for every chunk, so memory stays at one
/// chunk whatever the range's length. The rates are bit-identical to <see cref="ILearningRateSchedule.GetLearningRate"/>.
/// </summary>
/// <example>
/// <code>
/// var chunks = new RateChunks(schedule, start: 0, count: 1_000_000);
/// while (chunks.MoveNext())
/// {
///     ReadOnlySpan&lt;double&gt; rates = chunks.Current; // steps chunks.Offset .. chunks.Offset + rates.Length - 1 of the range
/// }
/// </code>
/// </example>
public sealed class RateChunks
{
    /// <summary>The steps of one chunk unless the constructor is given another size: 65536.</summary>
    public const int DefaultChunkSize = 1 << 16;

    private readonly ILearningRateSchedule _schedule;
    private readonly long _start;
    private readonly long _count;
    private readonly long _stride;
    private readonly double[] _buffer;
    private long _next;
    private int _length;

    /// <summary>Prepares the chunks of steps <c>start, start + stride, ...</c>, <paramref name="count"/> of them.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="start">The first step. Range: <c>&gt;= 0</c>.</param>
    /// <param name="count">How many steps. Range: <c>&gt;= 0</c>; the last step <c>start + (count - 1) * stride</c> fits in a <see cref="long"/>.</param>
    /// <param name="stride">The distance between two steps. Range: <c>&gt; 0</c>.</param>
    /// <param name="chunkSize">The steps of one chunk. Range: <c>&gt; 0</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A step, the count, the stride or the chunk size is out of its range.</exception>
    public RateChunks(ILearningRateSchedule schedule, long start, long count, long stride = 1, int chunkSize = DefaultChunkSize)
    {
        _schedule = Guard.NotNull(schedule);
        Guard.Step(start);
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be >= 0.");
        }

        if (stride <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, "stride must be > 0.");
        }

        if (chunkSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "chunkSize must be > 0.");
        }

        if (count > 0 && (count - 1 > (long.MaxValue - start) / stride))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "the last step, start + (count - 1) * stride, must fit in a 64-bit integer.");
        }

        _start = start;
        _count = count;
        _stride = stride;
        _buffer = new double[(int)Math.Min(chunkSize, Math.Max(count, 1))];
    }

    /// <summary>The index in the range (0 for the first step) of the first rate of <see cref="Current"/>.</summary>
    public long Offset { get; private set; }

    /// <summary>The rates of the current chunk; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<double> Current => _buffer.AsSpan(0, _length);

    /// <summary>The step of index <paramref name="index"/> in the range: <c>start + index * stride</c>.</summary>
    /// <param name="index">The index. Range: <c>[0, count)</c>.</param>
    /// <returns>The step.</returns>
    public long StepAt(long index) => _start + (index * _stride);

    /// <summary>Evaluates the next chunk.</summary>
    /// <returns>False when every step has been evaluated.</returns>
    public bool MoveNext()
    {
        if (_next >= _count)
        {
            _length = 0;
            return false;
        }

        Offset = _next;
        _length = (int)Math.Min(_buffer.Length, _count - _next);
        Span<double> chunk = _buffer.AsSpan(0, _length);
        if (_stride == 1)
        {
            _schedule.Fill(_start + _next, chunk);
        }
        else
        {
            for (int i = 0; i < chunk.Length; i++)
            {
                chunk[i] = _schedule.GetLearningRate(StepAt(_next + i));
            }
        }

        _next += _length;
        return true;
    }
}
