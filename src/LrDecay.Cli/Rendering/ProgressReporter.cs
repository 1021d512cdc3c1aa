using System.Diagnostics;
using System.Globalization;

namespace LrDecay.Cli;

/// <summary>
/// Progress of a long run on stderr: shown only when stderr is a terminal and the run is over <see cref="Threshold"/> steps,
/// redrawn in place at most every <see cref="Interval"/>, and erased at the end. Otherwise it writes nothing.
/// </summary>
internal sealed class ProgressReporter : IProgress<long>
{
    /// <summary>Runs over this many steps show progress.</summary>
    public const long Threshold = 2_000_000;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly TextWriter _error;
    private readonly string _what;
    private readonly long _total;
    private readonly bool _enabled;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastShown;
    private int _lastLength;

    public ProgressReporter(CliConsole console, string what, long total)
    {
        _error = console.Error;
        _what = what;
        _total = total;
        _enabled = console.ErrorIsTerminal && total > Threshold;
        if (_enabled)
        {
            Show(0);
        }
    }

    /// <summary>Reports that <paramref name="done"/> of the steps are done; cheap when nothing is due.</summary>
    public void Report(long done)
    {
        if (_enabled && _clock.Elapsed - _lastShown >= Interval)
        {
            Show(done);
        }
    }

    /// <summary>Erases the progress line.</summary>
    public void Complete()
    {
        if (_enabled)
        {
            Show(_total);
            _error.Write('\r' + new string(' ', _lastLength) + '\r');
            _error.Flush();
        }
    }

    private void Show(long done)
    {
        _lastShown = _clock.Elapsed;
        double percent = _total == 0 ? 100 : 100.0 * done / _total;
        string line = string.Create(CultureInfo.InvariantCulture, $"lrdecay {_what}: {percent,3:0}% ({done:N0} of {_total:N0} steps)");
        _error.Write('\r' + line.PadRight(_lastLength));
        _error.Flush();
        _lastLength = line.Length;
    }
}
