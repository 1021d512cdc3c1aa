using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LrDecay.Benchmarks;

/// <summary>A target: the median of the benchmark it marks is at most <see cref="MaxRatio"/> times the median of <see cref="Reference"/>.</summary>
/// <param name="reference">The benchmark method of the same class to compare with (a floor, or the per-call loop of a batch).</param>
/// <param name="maxRatio">The largest ratio that meets the target.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class TargetAttribute(string reference, double maxRatio) : Attribute
{
    /// <summary>The benchmark method compared with.</summary>
    public string Reference { get; } = reference;

    /// <summary>The largest ratio that meets the target.</summary>
    public double MaxRatio { get; } = maxRatio;
}

/// <summary>Shared lookups of the columns.</summary>
internal static class Results
{
    /// <summary>The median time per operation: on a shared machine less moved by other processes than the mean.</summary>
    internal static double? Median(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Median;

    /// <summary>The case of method <paramref name="method"/> in the same class, job and parameters as <paramref name="benchmarkCase"/>.</summary>
    internal static BenchmarkCase? Sibling(Summary summary, BenchmarkCase benchmarkCase, string method) =>
        summary.BenchmarksCases.FirstOrDefault(b =>
            b.Descriptor.Type == benchmarkCase.Descriptor.Type
            && b.Job.Id == benchmarkCase.Job.Id
            && b.Descriptor.WorkloadMethod.Name == method
            && b.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo);

    internal static double? Ratio(Summary summary, BenchmarkCase benchmarkCase, string method)
    {
        BenchmarkCase? reference = Sibling(summary, benchmarkCase, method);
        double? mean = Median(summary, benchmarkCase);
        double? referenceMean = reference is null ? null : Median(summary, reference);
        return mean is null || referenceMean is null or 0.0 ? null : mean / referenceMean;
    }
}

/// <summary>The median of a benchmark divided by the median of a named benchmark of the same class (a floor).</summary>
/// <param name="method">The method to divide by.</param>
/// <param name="header">The column header.</param>
public sealed class RatioToColumn(string method, string header) : IColumn
{
    /// <inheritdoc/>
    public string Id => $"RatioTo{method}";

    /// <inheritdoc/>
    public string ColumnName => header;

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => $"Median divided by the median of {method} in the same class and job";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        double? ratio = Results.Ratio(summary, benchmarkCase, method);
        return ratio is null ? "-" : ratio.Value.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>The target of a benchmark (from its <see cref="TargetAttribute"/>) and whether this run meets it.</summary>
public sealed class TargetColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => "Target";

    /// <inheritdoc/>
    public string ColumnName => "Target";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 1;

    /// <inheritdoc/>
    public bool IsNumeric => false;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "The target ratio and whether this run meets it";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        TargetAttribute? target = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<TargetAttribute>();
        if (target is null)
        {
            return "-";
        }

        double? ratio = Results.Ratio(summary, benchmarkCase, target.Reference);
        string goal = string.Create(CultureInfo.InvariantCulture, $"<={target.MaxRatio:0.##}x {target.Reference}");
        return ratio is null ? goal : $"{goal}: {(ratio.Value <= target.MaxRatio ? "met" : "MISSED")}";
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
