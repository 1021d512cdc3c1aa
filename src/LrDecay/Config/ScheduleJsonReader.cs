using System.Text.Json;

namespace LrDecay.Config;

/// <summary>Builds schedules from config JSON through their public constructors, so C# and JSON share one set of checks.</summary>
internal static class ScheduleJsonReader
{
    private static readonly (string, AnnealStrategy)[] AnnealChoices = [("cos", AnnealStrategy.Cos), ("linear", AnnealStrategy.Linear)];
    private static readonly (string, CyclicMode)[] CyclicChoices =
        [("triangular", CyclicMode.Triangular), ("triangular2", CyclicMode.Triangular2), ("expRange", CyclicMode.ExpRange)];
    private static readonly (string, WsdShape)[] ShapeChoices =
        [("linear", WsdShape.Linear), ("cosine", WsdShape.Cosine), ("1-sqrt", WsdShape.OneMinusSqrt)];
    private static readonly (string, PlateauMode)[] ModeChoices = [("min", PlateauMode.Min), ("max", PlateauMode.Max)];
    private static readonly (string, PlateauThresholdMode)[] ThresholdChoices =
        [("rel", PlateauThresholdMode.Rel), ("abs", PlateauThresholdMode.Abs)];
    private static readonly (string, PlateauCompat)[] CompatChoices = [("pytorch", PlateauCompat.PyTorch), ("keras", PlateauCompat.Keras)];

    internal static ILearningRateSchedule Read(JsonElement element, string path)
    {
        var config = new ConfigObject(element, path);
        string type = config.Type();
        if (!ScheduleTypes.Properties.TryGetValue(type, out string[]? known))
        {
            throw new ScheduleConfigException(
                ConfigObject.PathOf(path, "type"),
                $"unknown schedule type '{type}' (known: {string.Join(", ", ScheduleTypes.Names)}).");
        }

        config.EnsureKnown(type, known);
        return Build(config, type);
    }

    private static ILearningRateSchedule Build(ConfigObject c, string type)
    {
        // Children first (their errors carry their own paths), then this object's constructor.
        switch (type)
        {
            case "warmup":
            {
                ILearningRateSchedule inner = c.Schedule("schedule");
                return Construct(c, () => new WarmupSchedule(inner, c.Steps("warmupSteps"), c.Double("startLr", 0.0)));
            }

            case "sequence":
            {
                ILearningRateSchedule[] children = c.ScheduleArray("schedules");
                return Construct(c, () => new SequenceSchedule(children, c.StepsArray("boundaries", required: children.Length > 1 || c.Has("boundaries"))));
            }

            case "chain":
            {
                ILearningRateSchedule[] children = c.ScheduleArray("schedules");
                return Construct(c, () => new ChainSchedule(children));
            }

            case "scale":
            {
                ILearningRateSchedule inner = c.Schedule("schedule");
                return Construct(c, () => new ScaleSchedule(inner, c.Double("factor")));
            }

            case "clamp":
            {
                ILearningRateSchedule inner = c.Schedule("schedule");
                return Construct(c, () => new ClampSchedule(inner, c.Double("minLr", 0.0), c.Double("maxLr", double.PositiveInfinity)));
            }

            case "perEpoch":
            {
                ILearningRateSchedule inner = c.Schedule("schedule");
                return Construct(c, () => new PerEpochSchedule(inner, c.Steps("stepsPerEpoch")));
            }

            case "plateau":
                return BuildPlateau(c);
        }

        return Construct(c, () => BuildClosedForm(c, type));
    }

    private static ILearningRateSchedule BuildClosedForm(ConfigObject c, string type) => type switch
    {
        "constant" => new ConstantSchedule(c.Double("lr")),
        "step" => new StepSchedule(c.Double("initialLr"), c.Steps("stepSize"), c.Double("gamma")),
        "multiStep" => new MultiStepSchedule(c.Double("initialLr"), c.StepsArray("milestones"), c.Double("gamma")),
        "piecewiseConstant" => new PiecewiseConstantSchedule(c.StepsArray("boundaries"), c.DoubleArray("values")),
        "exponential" => new ExponentialSchedule(
            c.Double("initialLr"), c.Double("decayRate"), c.Steps("decaySteps", 1), c.Bool("staircase", false)),
        "inverseTime" => new InverseTimeSchedule(
            c.Double("initialLr"), c.Double("decayRate"), c.Steps("decaySteps", 1), c.Bool("staircase", false)),
        "polynomial" => new PolynomialSchedule(
            c.Double("initialLr"), c.Steps("decaySteps"), c.Double("endLr", 0.0), c.Double("power", 1.0), c.Bool("cycle", false)),
        "cosine" => new CosineSchedule(c.Double("initialLr"), c.Steps("decaySteps"), c.Double("minLr", 0.0)),
        "cosineRestarts" => new CosineRestartsSchedule(
            c.Double("initialLr"), c.Steps("firstDecaySteps"), c.Double("tMul", 2.0), c.Double("mMul", 1.0), c.Double("minLr", 0.0)),
        "linear" => new LinearSchedule(c.Double("startLr"), c.Double("endLr"), c.Steps("totalSteps")),
        "oneCycle" => new OneCycleSchedule(
            c.Double("maxLr"),
            c.Steps("totalSteps"),
            c.Double("pctStart", 0.3),
            c.Choice("annealStrategy", AnnealStrategy.Cos, AnnealChoices),
            c.Double("divFactor", 25.0),
            c.Double("finalDivFactor", 1e4),
            c.Bool("threePhase", false)),
        "cyclic" => new CyclicSchedule(
            c.Double("baseLr"),
            c.Double("maxLr"),
            c.Steps("stepSizeUp", 2000),
            c.OptionalSteps("stepSizeDown"),
            c.Choice("mode", CyclicMode.Triangular, CyclicChoices),
            c.Double("gamma", 1.0)),
        "inverseSqrt" => new InverseSqrtSchedule(c.Double("initialLr"), c.Steps("warmupSteps", 0), c.OptionalSteps("timescale")),
        "warmupStableDecay" => new WarmupStableDecaySchedule(
            c.Double("initialLr"),
            c.Steps("warmupSteps"),
            c.Steps("stableSteps"),
            c.Steps("decaySteps"),
            c.Double("minLrRatio", 0.0),
            c.Choice("warmupShape", WsdShape.Linear, ShapeChoices),
            c.Choice("decayShape", WsdShape.Cosine, ShapeChoices)),
        _ => throw new ScheduleConfigException(c.Path, $"unknown schedule type '{type}'."),
    };

    private static ILearningRateSchedule BuildPlateau(ConfigObject c)
    {
        bool hasLr = c.Has("initialLr");
        bool hasSchedule = c.Has("schedule");
        if (hasLr == hasSchedule)
        {
            throw new ScheduleConfigException(
                c.Path,
                hasLr
                    ? "plateau takes either 'initialLr' or 'schedule', not both."
                    : "missing required property 'initialLr' (a constant base) or 'schedule' (any base).");
        }

        ILearningRateSchedule? inner = hasSchedule ? c.Schedule("schedule") : null;
        return Construct(c, () =>
        {
            double initialLr = hasLr ? c.Double("initialLr") : 0.0;
            PlateauMode mode = c.Choice("mode", PlateauMode.Min, ModeChoices);
            double factor = c.Double("factor", 0.1);
            long patience = c.Steps("patience", 10);
            double threshold = c.Double("threshold", 1e-4);
            PlateauThresholdMode? thresholdMode = c.OptionalChoice("thresholdMode", ThresholdChoices);
            long cooldown = c.Steps("cooldown", 0);
            double minLr = c.Double("minLr", 0.0);
            double eps = c.Double("eps", 1e-8);
            PlateauCompat compat = c.Choice("compat", PlateauCompat.PyTorch, CompatChoices);
            return inner is null
                ? new PlateauSchedule(initialLr, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps, compat)
                : new PlateauSchedule(inner, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps, compat);
        });
    }

    /// <summary>Runs a constructor, turning its argument errors into config errors at the named property's path.</summary>
    private static ILearningRateSchedule Construct(ConfigObject c, Func<ILearningRateSchedule> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            string problem = ProblemOf(ex);
            string path = c.Path;
            if (ex.ParamName is { Length: > 0 } name && IsPropertyName(name) && c.Has(BaseName(name)))
            {
                path = ConfigObject.PathOf(c.Path, name);
            }

            throw new ScheduleConfigException(path, problem, ex);
        }
    }

    /// <summary>
    /// The problem an argument error states, for a config error: its first line, without the runtime's " (Parameter 'x')" tail
    /// (the config error's path names the property instead).
    /// </summary>
    internal static string ProblemOf(ArgumentException ex)
    {
        string problem = FirstLine(ex.Message);
        string suffix = ex.ParamName is null ? string.Empty : $" (Parameter '{ex.ParamName}')";
        return suffix.Length > 0 && problem.EndsWith(suffix, StringComparison.Ordinal)
            ? problem.Substring(0, problem.Length - suffix.Length)
            : problem;
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n');
        return (newline < 0 ? message : message.Substring(0, newline)).TrimEnd('\r');
    }

    private static string BaseName(string name)
    {
        int bracket = name.IndexOf('[');
        return bracket < 0 ? name : name.Substring(0, bracket);
    }

    private static bool IsPropertyName(string name)
    {
        foreach (char ch in name)
        {
            if (!(char.IsLetterOrDigit(ch) || ch is '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }
}
