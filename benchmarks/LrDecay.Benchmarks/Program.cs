using BenchmarkDotNet.Running;

namespace LrDecay.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/LrDecay.Benchmarks -- --filter '*'</c> runs everything;
/// add <c>--quick</c> for a short run, <c>--no-pgo</c> to measure real interface dispatch.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks the arguments select, with <see cref="FloorConfig"/> (or its quick variant).</summary>
    /// <param name="args">BenchmarkDotNet arguments, plus <c>--quick</c> and <c>--no-pgo</c>.</param>
    public static void Main(string[] args)
    {
        bool quick = args.Contains(FloorConfig.QuickSwitch, StringComparer.OrdinalIgnoreCase);
        bool noPgo = args.Contains(FloorConfig.NoPgoSwitch, StringComparer.OrdinalIgnoreCase);
        string[] rest = args
            .Where(a => !string.Equals(a, FloorConfig.QuickSwitch, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(a, FloorConfig.NoPgoSwitch, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        // A job given on the command line (`--job Dry` in CI smoke runs) replaces the suite's jobs instead of adding to them.
        bool commandLineJob = rest.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, FloorConfig.Create(quick, noPgo, withJobs: !commandLineJob));
    }
}
