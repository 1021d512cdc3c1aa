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

    /// <summary>Creates the configuration.</summary>
    /// <param name="quick">Short job (2 warm-up and 3 measured iterations of 100 ms) for quick checks.</param>
    /// <returns>The configuration.</returns>
    public static IConfig Create(bool quick)
    {
        Job job = quick
            ? Job.Default.WithId("Quick").WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(3)
                .WithIterationTime(TimeInterval.FromMilliseconds(100))
            : Job.Default.WithId("Floor").WithLaunchCount(1).WithWarmupCount(4).WithIterationCount(12)
                .WithIterationTime(TimeInterval.FromMilliseconds(250));
        return DefaultConfig.Instance
            .AddJob(job)
            .AddColumn(new RatioToColumn(FloorBenchmarks.CallFloorName, "xCall"))
            .AddColumn(new RatioToColumn(FloorBenchmarks.ExpFloorName, "xExp"))
            .AddColumn(new TargetColumn())
            .HideColumns(Column.Job, Column.Error, Column.Median);
    }
}
