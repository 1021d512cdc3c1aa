namespace LrDecay.Import;

/// <summary>
/// Keras 3 and tf.keras 2: a serialized schedule (<c>{"module","class_name","config","registered_name"}</c> or the legacy
/// <c>{"class_name","config"}</c>), an optimizer config, a model's <c>config.json</c>, or a <c>.keras</c> archive.
/// </summary>
internal static class KerasImporter
{
    private const string Tool = "Keras";

    internal static ImportResult Import(byte[] content, ImportOptions options)
    {
        object? root;
        if (ImportLimits.IsZip(content))
        {
            byte[] config = ImportLimits.ReadZipEntry(content, Tool, n => n == "config.json")
                ?? throw new ScheduleImportException("Keras: malformed file: the .keras archive holds no config.json.");
            root = JsonTree.Parse(ImportLimits.Utf8(config, Tool), "Keras config.json");
        }
        else
        {
            root = JsonTree.Parse(ImportLimits.Utf8(content, Tool), Tool);
        }

        if (root is not Dictionary<string, object?> map)
        {
            throw new ScheduleImportException("Keras: the file is not a JSON object (a schedule, an optimizer config or a model config).");
        }

        Precision precision = options.Precision ?? Precision.Float32;
        var facts = new List<string>();
        object? rate = FindLearningRate(new ImportObject(Tool, map), facts);
        long? warmup = null;
        ILearningRateSchedule schedule = rate switch
        {
            long or double => Constant(Convert.ToDouble(rate, System.Globalization.CultureInfo.InvariantCulture), precision),
            Dictionary<string, object?> s => Schedule(new ImportObject(Tool, s), precision, out warmup),
            _ => throw new ScheduleImportException($"Keras: the learning rate ({ImportObject.Show(rate)}) is neither a number nor a serialized schedule."),
        };

        facts.Add(precision == Precision.Float32
            ? "precision: float32, as Keras computes with its default floatx (--precision float64 computes in double)"
            : "precision: float64");
        if (warmup is long w)
        {
            facts.Add($"warm-up steps: {w}");
        }

        return new ImportResult(ImportSource.Keras, schedule, facts, null, null, warmup, null);
    }

    /// <summary>Whether a JSON object looks like something Keras wrote.</summary>
    internal static bool Recognizes(Dictionary<string, object?> map) =>
        map.ContainsKey("compile_config") || (map.ContainsKey("class_name") && map.ContainsKey("config")) ||
        (map.ContainsKey("learning_rate") && map.ContainsKey("name") && !map.ContainsKey("lr_scheduler_type"));

    /// <summary>The learning-rate value: from a model config, an optimizer (serialized or its bare config), or the schedule itself.</summary>
    private static object? FindLearningRate(ImportObject root, List<string> facts)
    {
        ImportObject node = root;
        if (node.Has("compile_config"))
        {
            object? compile = node.Raw("compile_config");
            if (compile is not Dictionary<string, object?> compileMap)
            {
                throw new ScheduleImportException("Keras model config: 'compile_config' is null: the model was saved without compile(), so it has no optimizer.");
            }

            object? optimizer = new ImportObject("Keras compile_config", compileMap).Raw("optimizer");
            if (optimizer is string name)
            {
                throw new ScheduleImportException($"Keras model config: the optimizer is given by name ('{name}'), so its learning rate is that optimizer's default, not saved in the file.");
            }

            node = node.Object("compile_config").Object("optimizer").Named("Keras optimizer");
            facts.Add("source: the model's compile_config.optimizer.config.learning_rate");
        }

        if (node.Has("class_name") && node.Raw("config") is Dictionary<string, object?> config && config.ContainsKey("learning_rate"))
        {
            facts.Add($"optimizer: {node.OptionalText("class_name")}");
            return config["learning_rate"];
        }

        if (node.Has("learning_rate") && !node.Has("class_name"))
        {
            return node.Raw("learning_rate");
        }

        return node.Map;
    }

    private static ILearningRateSchedule Constant(double lr, Precision precision) =>
        Schedules.Constant(precision == Precision.Float32 ? (float)lr : lr);

    private static ILearningRateSchedule Schedule(ImportObject s, Precision precision, out long? warmup)
    {
        warmup = null;
        string className = s.Text("class_name");
        string shortName = className.Substring(className.LastIndexOfAny(['.', '>']) + 1);
        string what = $"Keras {shortName}";
        string? registered = s.OptionalText("registered_name");
        string? module = s.OptionalText("module");
        if ((registered is not null && registered != className && registered != shortName) || (module is not null && !module.StartsWith("keras", StringComparison.Ordinal)))
        {
            throw new ScheduleImportException(
                $"{what}: a custom schedule class (registered_name {ImportObject.Show(registered)}, module {ImportObject.Show(module)}): its code is not in the file, so LrDecay cannot reproduce it.");
        }

        ImportObject c = s.Object("config").Named(what);
        try
        {
            switch (shortName)
            {
                case "ExponentialDecay":
                    return Schedules.Exponential(c.Number("initial_learning_rate"), c.Number("decay_rate"), c.Integer("decay_steps"), c.Flag("staircase", false), precision);
                case "InverseTimeDecay":
                    return Schedules.InverseTime(c.Number("initial_learning_rate"), c.Number("decay_rate"), c.Integer("decay_steps"), c.Flag("staircase", false), precision);
                case "PolynomialDecay":
                    return Schedules.Polynomial(
                        c.Number("initial_learning_rate"), c.Integer("decay_steps"), c.Number("end_learning_rate", 0.0001), c.Number("power", 1.0), c.Flag("cycle", false), precision);
                case "PiecewiseConstantDecay":
                {
                    long[] boundaries = c.List("boundaries").Select(b => c.AsInteger(b, "boundaries")).ToArray();
                    double[] values = c.List("values").Select(v => c.AsNumber(v, "values")).Select(v => precision == Precision.Float32 ? (double)(float)v : v).ToArray();
                    return Schedules.PiecewiseConstant(boundaries, values);
                }

                case "CosineDecay":
                {
                    double initial = c.Number("initial_learning_rate");
                    long decaySteps = c.Integer("decay_steps");
                    double alpha = c.Number("alpha", 0.0);
                    double? target = c.OptionalNumber("warmup_target");
                    if (target is not double peak)
                    {
                        return Schedules.Cosine(initial, decaySteps, alpha * initial, 1.0, precision);
                    }

                    long warmupSteps = c.Integer("warmup_steps", 0);
                    ILearningRateSchedule decay = Schedules.Cosine(peak, decaySteps, alpha * peak, 1.0, precision);
                    if (warmupSteps == 0)
                    {
                        return decay;
                    }

                    warmup = warmupSteps;
                    return decay.WithWarmup(warmupSteps, precision == Precision.Float32 ? (float)initial : initial);
                }

                case "CosineDecayRestarts":
                {
                    double initial = c.Number("initial_learning_rate");
                    return Schedules.CosineRestarts(
                        initial, c.Integer("first_decay_steps"), c.Number("t_mul", 2.0), c.Number("m_mul", 1.0), c.Number("alpha", 0.0) * initial, 1.0, 0, MMulMode.Range, precision);
                }

                case "LinearCosineDecay":
                case "NoisyLinearCosineDecay":
                    throw new ScheduleImportException($"{what}: tf.keras {shortName} is not supported: LrDecay has no linear-cosine decay{(shortName.StartsWith("Noisy", StringComparison.Ordinal) ? " and cannot reproduce its random noise" : string.Empty)}.");
                default:
                    throw new ScheduleImportException(
                        $"{what}: unknown Keras schedule class '{className}' (known: ExponentialDecay, InverseTimeDecay, PolynomialDecay, PiecewiseConstantDecay, CosineDecay, CosineDecayRestarts).");
            }
        }
        catch (ArgumentException ex)
        {
            throw new ScheduleImportException($"{what}: {Problem(ex)}", ex);
        }
    }

    /// <summary>An argument error's first line, without the runtime's parameter tail.</summary>
    internal static string Problem(ArgumentException ex) => Config.ScheduleJsonReader.ProblemOf(ex);
}
