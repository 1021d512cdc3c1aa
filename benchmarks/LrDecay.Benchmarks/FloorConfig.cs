using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;

namespace LrDecay.Benchmarks;

/// <summary>
/// The configuration of every run: one job sized so that the whole suite fits in about ten minutes on two cores, and the columns
/// that put each result next to the floors of its class.
/// </summary>
public static class FloorConfig
{
    /// <summary>The command-line switch that selects the short job.</summary>
    public const string QuickSwitch = "--quick";

    /// <summary>The command-line switch that runs only the job without dynamic PGO.</summary>
    public const string NoPgoSwitch = "--no-pgo";

    /// <summary>Creates the configuration.</summary>
    /// <param name="quick">Short job (2 warm-up and 3 measured iterations of 100 ms), default runtime settings only, for quick checks.
    /// The full job is 3 warm-up and 9 measured iterations of 120 ms.</param>
    /// <param name="noPgo">Only the job without dynamic PGO.</param>
    /// <returns>The configuration.</returns>
    /// <remarks>
    /// The full run has two jobs. <c>Pgo</c> is the runtime as every .NET 8+ application gets it: dynamic PGO sees one schedule type
    /// at the call site and devirtualizes and inlines it behind a type check. <c>NoPgo</c> sets <c>DOTNET_TieredPGO=0</c>, so every
    /// call through the interface is a real interface dispatch, as at a call site that sees several schedule types.
    /// </remarks>
    /// <param name="withJobs">False when the command line names its own job, which then runs alone.</param>
    public static IConfig Create(bool quick, bool noPgo, bool withJobs = true)
    {
        Job pgo = quick
            ? Job.Default.WithId("Quick").WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(3)
                .WithIterationTime(TimeInterval.FromMilliseconds(100))
            : Job.Default.WithId("Pgo").WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(9)
                .WithIterationTime(TimeInterval.FromMilliseconds(120));

        // Each invocation runs 1000 (or 4099) operations, so the harness overhead per operation is far below the noise: skip
        // measuring it, which halves the time per benchmark.
        pgo = pgo.WithEvaluateOverhead(false);
        Job withoutPgo = pgo.WithEnvironmentVariable("DOTNET_TieredPGO", "0").WithId(quick ? "Quick-NoPgo" : "NoPgo");
        Job[] jobs = !withJobs ? [] : noPgo ? [withoutPgo] : quick ? [pgo] : [pgo, withoutPgo];
        IConfig config = DefaultConfig.Instance;
        foreach (Job job in jobs)
        {
            config = config.AddJob(job);
        }

        return config
            .AddColumn(StatisticColumn.Median, StatisticColumn.StdDev)
            .AddColumn(new RatioToColumn(FloorBenchmarks.CallFloorName, "xCall"))
            .AddColumn(new RatioToColumn(FloorBenchmarks.ExpFloorName, "xExp"))
            .AddColumn(new TargetColumn())
            .HideColumns(Column.Error, Column.StdDev, Column.EnvironmentVariables, Column.IterationCount, Column.IterationTime, Column.LaunchCount, Column.WarmupCount);
    }
}
