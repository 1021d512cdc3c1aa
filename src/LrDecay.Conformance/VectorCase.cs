namespace LrDecay.Conformance;

/// <summary>One case of a conformance vector file: a schedule config and what it must give.</summary>
public sealed class VectorCase
{
    internal VectorCase(
        string file,
        string name,
        string scheduleJson,
        long[]? steps,
        double[]? metrics,
        double[]? expected,
        bool error,
        double relTol,
        double absTol)
    {
        File = file;
        Name = name;
        ScheduleJson = scheduleJson;
        Steps = steps;
        Metrics = metrics;
        Expected = expected;
        Error = error;
        RelTol = relTol;
        AbsTol = absTol;
    }

    /// <summary>The file the case comes from (its name, without folders).</summary>
    public string File { get; }

    /// <summary>The case's name, unique within its file.</summary>
    public string Name { get; }

    /// <summary>The schedule config, as raw JSON.</summary>
    public string ScheduleJson { get; }

    /// <summary>The steps at which the learning rate is checked, if given.</summary>
    public IReadOnlyList<long>? Steps { get; }

    /// <summary>The metrics a plateau case observes, one per epoch, if given.</summary>
    public IReadOnlyList<double>? Metrics { get; }

    /// <summary>The expected learning rates.</summary>
    public IReadOnlyList<double>? Expected { get; }

    /// <summary>Whether building the schedule must fail with a config error.</summary>
    public bool Error { get; }

    /// <summary>Relative tolerance (default 1e-12).</summary>
    public double RelTol { get; }

    /// <summary>Absolute tolerance (default 1e-15).</summary>
    public double AbsTol { get; }

    /// <summary><c>file/name</c>.</summary>
    public string Id => $"{File}/{Name}";

    /// <inheritdoc/>
    public override string ToString() => Id;
}
