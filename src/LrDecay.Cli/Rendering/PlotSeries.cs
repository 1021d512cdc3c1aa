using LrDecay.Analysis;

namespace LrDecay.Cli;

/// <summary>
/// One config's line: every step of the range is evaluated, and long runs are reduced for drawing by keeping, in each of a few
/// thousand buckets of steps, the first, last, lowest and highest point (so drops and spikes survive).
/// </summary>
internal sealed class PlotSeries
{
    /// <summary>Runs with more points than this are reduced.</summary>
    public const int MaxPoints = 16_000;

    private const int Buckets = MaxPoints / 4;

    private PlotSeries(string label, double[] steps, double[] rates)
    {
        Label = label;
        Steps = steps;
        Rates = rates;
    }

    public string Label { get; }

    /// <summary>The x values: steps.</summary>
    public double[] Steps { get; }

    /// <summary>The y values: learning rates.</summary>
    public double[] Rates { get; }

    /// <summary>Evaluates <paramref name="schedule"/> over <paramref name="range"/>.</summary>
    /// <param name="label">The legend text.</param>
    /// <param name="schedule">The schedule.</param>
    /// <param name="range">The steps.</param>
    /// <param name="progress">Told after each chunk of steps, counted from <paramref name="progressOffset"/>.</param>
    /// <param name="progressOffset">Steps done before this series.</param>
    /// <returns>The points to draw.</returns>
    public static PlotSeries Evaluate(string label, ILearningRateSchedule schedule, StepRange range, ProgressReporter progress, long progressOffset)
    {
        var reducer = new Reducer(range, range.Count);
        var chunks = new RateChunks(schedule, range.Start, range.Count, range.Stride);
        while (chunks.MoveNext())
        {
            ReadOnlySpan<double> chunk = chunks.Current;
            for (int i = 0; i < chunk.Length; i++)
            {
                reducer.Add(chunks.Offset + i, chunk[i]);
            }

            progress.Report(progressOffset + chunks.Offset + chunk.Length);
        }

        (double[] steps, double[] rates) = reducer.Finish();
        return new PlotSeries(label, steps, rates);
    }

    /// <summary>The same line with points whose rate fails <paramref name="keep"/> left out.</summary>
    public PlotSeries Where(Func<double, bool> keep)
    {
        var steps = new List<double>(Steps.Length);
        var rates = new List<double>(Rates.Length);
        for (int i = 0; i < Rates.Length; i++)
        {
            if (keep(Rates[i]))
            {
                steps.Add(Steps[i]);
                rates.Add(Rates[i]);
            }
        }

        return new PlotSeries(Label, steps.ToArray(), rates.ToArray());
    }

    /// <summary>Keeps all points of a short run; for a long one, per bucket the first, lowest, highest and last point in step order.</summary>
    private sealed class Reducer
    {
        private readonly StepRange _range;
        private readonly long _count;
        private readonly bool _reduce;
        private readonly List<double> _steps = [];
        private readonly List<double> _rates = [];
        private long _bucket = -1;
        private long _firstIndex;
        private long _minIndex;
        private long _maxIndex;
        private long _lastIndex;
        private double _first;
        private double _min;
        private double _max;
        private double _last;

        public Reducer(StepRange range, long count)
        {
            _range = range;
            _count = count;
            _reduce = count > MaxPoints;
        }

        public void Add(long index, double rate)
        {
            if (!_reduce)
            {
                Append(index, rate);
                return;
            }

            long bucket = (long)((double)index * Buckets / _count);
            if (bucket != _bucket)
            {
                Flush();
                _bucket = bucket;
                _firstIndex = _minIndex = _maxIndex = index;
                _first = _min = _max = rate;
            }

            if (rate < _min)
            {
                _min = rate;
                _minIndex = index;
            }

            if (rate > _max)
            {
                _max = rate;
                _maxIndex = index;
            }

            _last = rate;
            _lastIndex = index;
        }

        public (double[] Steps, double[] Rates) Finish()
        {
            Flush();
            return (_steps.ToArray(), _rates.ToArray());
        }

        private void Flush()
        {
            if (_bucket < 0)
            {
                return;
            }

            // In step order; a point that is also another (the first is the lowest, say) is kept once.
            AppendIfNew(_firstIndex, _first);
            if (_minIndex <= _maxIndex)
            {
                AppendIfNew(_minIndex, _min);
                AppendIfNew(_maxIndex, _max);
            }
            else
            {
                AppendIfNew(_maxIndex, _max);
                AppendIfNew(_minIndex, _min);
            }

            AppendIfNew(_lastIndex, _last);
            _bucket = -1;
        }

        private void AppendIfNew(long index, double rate)
        {
            double step = _range.StepAt(index);
            if (_steps.Count == 0 || _steps[^1] < step)
            {
                _steps.Add(step);
                _rates.Add(rate);
            }
        }

        private void Append(long index, double rate)
        {
            _steps.Add(_range.StepAt(index));
            _rates.Add(rate);
        }
    }
}
