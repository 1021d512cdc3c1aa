using System.Globalization;

namespace LrDecay.Import;

/// <summary>
/// Hugging Face Transformers <c>TrainingArguments</c> (<c>to_json_string()</c>): the Trainer's scheduler from
/// <c>lr_scheduler_type</c> and <c>lr_scheduler_kwargs</c>, over the run's total optimizer updates and warm-up.
/// </summary>
internal static class HuggingFaceImporter
{
    private const string Tool = "Hugging Face TrainingArguments";

    private static readonly string[] Known =
    [
        "linear", "cosine", "cosine_with_restarts", "polynomial", "constant", "constant_with_warmup", "inverse_sqrt",
        "reduce_lr_on_plateau", "cosine_with_min_lr", "cosine_warmup_with_min_lr", "warmup_stable_decay",
    ];

    internal static bool Recognizes(Dictionary<string, object?> map) => map.ContainsKey("lr_scheduler_type");

    internal static ImportResult Import(byte[] content, ImportOptions options)
    {
        if (JsonTree.Parse(ImportLimits.Utf8(content, Tool), Tool) is not Dictionary<string, object?> map)
        {
            throw new ScheduleImportException($"{Tool}: the file is not a JSON object.");
        }

        return Import(new ImportObject(Tool, map), options);
    }

    private static ImportResult Import(ImportObject a, ImportOptions options)
    {
        string type = a.Text("lr_scheduler_type");
        if (type.StartsWith("SchedulerType.", StringComparison.Ordinal))
        {
            type = type.Substring("SchedulerType.".Length).ToLowerInvariant();
        }

        if (Array.IndexOf(Known, type) < 0)
        {
            throw new ScheduleImportException($"{Tool}: unknown lr_scheduler_type '{type}' (LrDecay imports: {string.Join(", ", Known)}).");
        }

        double lr = a.Number("learning_rate");
        ImportObject kwargs = a.Raw("lr_scheduler_kwargs") switch
        {
            null => new ImportObject($"{Tool} lr_scheduler_kwargs", []),
            Dictionary<string, object?> m => new ImportObject($"{Tool} lr_scheduler_kwargs", m),
            string s when s.Trim() is "" or "{}" => new ImportObject($"{Tool} lr_scheduler_kwargs", []),
            object other => throw a.Bad("lr_scheduler_kwargs", other, "must be a mapping"),
        };

        var facts = new List<string>();
        long? total = TotalSteps(a, options, facts, needed: type is not ("constant" or "constant_with_warmup" or "inverse_sqrt" or "reduce_lr_on_plateau"));
        long warmup = WarmupSteps(a, total, facts);
        try
        {
            ILearningRateSchedule schedule = Build(type, lr, kwargs, total, warmup, facts);
            return new ImportResult(ImportSource.HuggingFace, schedule, facts, null, total, warmup > 0 ? warmup : null, null);
        }
        catch (ArgumentException ex)
        {
            throw new ScheduleImportException($"{Tool} ({type}): {KerasImporter.Problem(ex)}", ex);
        }
    }

    private static long? TotalSteps(ImportObject a, ImportOptions options, List<string> facts, bool needed)
    {
        long maxSteps = a.Integer("max_steps", -1);
        if (maxSteps > 0)
        {
            facts.Add($"total steps: {maxSteps} (max_steps)");
            return maxSteps;
        }

        if (options.BatchesPerEpoch is not long batches)
        {
            if (!needed)
            {
                return null;
            }

            throw new ScheduleImportException(
                $"{Tool}: max_steps is {maxSteps}, so the total steps come from the epochs: pass --batches-per-epoch N (the length of one process's training dataloader).");
        }

        double epochs = a.Number("num_train_epochs", 3.0);
        long accumulation = Math.Max(1, a.Integer("gradient_accumulation_steps", 1));
        long perEpoch = Math.Max((batches + accumulation - 1) / accumulation, 1);
        long total = (long)Math.Ceiling(epochs * perEpoch);
        facts.Add($"updates per epoch: {perEpoch} (ceil({batches} batches / {accumulation} accumulation steps))");
        facts.Add($"total steps: {total} (ceil({Format(epochs)} epochs * {perEpoch} updates per epoch))");
        return total;
    }

    private static long WarmupSteps(ImportObject a, long? total, List<string> facts)
    {
        object? raw = a.Raw("warmup_steps");
        double ratio = a.Number("warmup_ratio", 0.0);
        long warmup;
        switch (raw)
        {
            case null:
                warmup = 0;
                break;
            case long l when l > 0:
                facts.Add($"warm-up steps: {l} (warmup_steps)");
                return l;
            case long:
                warmup = 0;
                break;
            case double d when d >= 1:
                if (d != Math.Floor(d))
                {
                    throw a.Bad("warmup_steps", d, "must be a whole number of steps when it is 1 or more");
                }

                facts.Add($"warm-up steps: {(long)d} (warmup_steps)");
                return (long)d;
            case double d when d > 0:
                ratio = d;
                break;
            case double:
                warmup = 0;
                break;
            default:
                throw a.Bad("warmup_steps", raw, "must be a number");
        }

        if (ratio > 0)
        {
            if (total is not long t)
            {
                throw new ScheduleImportException($"{Tool}: a warm-up ratio of {Format(ratio)} needs the total steps: set max_steps or pass --batches-per-epoch N.");
            }

            warmup = (long)Math.Ceiling(t * ratio);
            facts.Add($"warm-up steps: {warmup} (ceil({t} total steps * {Format(ratio)}))");
            return warmup;
        }

        facts.Add("warm-up steps: 0");
        return 0;
    }

    private static ILearningRateSchedule Build(string type, double lr, ImportObject k, long? totalOrNull, long w, List<string> facts)
    {
        long total = totalOrNull ?? 0;
        switch (type)
        {
            case "constant":
                return Schedules.Constant(lr);
            case "constant_with_warmup":
                return WithWarmup(Schedules.Constant(lr), w);
            case "inverse_sqrt":
                // The Trainer passes inverse_sqrt only the warm-up: lr_scheduler_kwargs do not reach it, so the timescale is its default.
                return Schedules.InverseSqrt(lr, w);

            case "linear":
            {
                long decay = Decay(total, w);
                return WithWarmup(Schedules.Linear(lr, 0.0, decay), w);
            }

            case "polynomial":
            {
                double end = k.Number("lr_end", 1e-7);
                double power = k.Number("power", 1.0);
                if (!(lr > end))
                {
                    throw k.Bad("lr_end", end, $"must be below learning_rate ({Format(lr)}), as Hugging Face requires");
                }

                return WithWarmup(Schedules.Polynomial(lr, Decay(total, w), end, power), w);
            }

            case "cosine":
            case "cosine_with_min_lr":
            {
                double minLr = 0.0;
                if (type == "cosine_with_min_lr")
                {
                    double? min = k.OptionalNumber("min_lr");
                    double? rate = k.OptionalNumber("min_lr_rate");
                    if (min is not null && rate is not null)
                    {
                        throw k.Refuse("min_lr and min_lr_rate are both set; Hugging Face takes only one.");
                    }

                    minLr = min ?? (rate is double r ? r * lr : throw k.Refuse("cosine_with_min_lr needs min_lr or min_lr_rate."));
                }

                CheckHalfCycle(k);
                long decay = Decay(total, w);

                // Past num_training_steps Hugging Face's cosine keeps its formula and climbs back: one mirrored period is
                // written out (up to total + 2 * decay), then the minimum holds.
                ILearningRateSchedule main = WithWarmup(Schedules.Cosine(lr, decay, minLr), w);
                ILearningRateSchedule rise = Schedules.Constant(lr).WithWarmup(decay, minLr, RampShape.Cosine);
                facts.Add($"past step {total} Hugging Face's cosine climbs back up; the config follows it to step {total + (2 * decay)}, then holds {Format(minLr)}");
                return Schedules.Sequence([main, rise, Schedules.Cosine(lr, decay, minLr)], [total, total + decay]);
            }

            case "cosine_warmup_with_min_lr":
            {
                // Hugging Face runs this one a step ahead: the warm-up is (t + 1)/w (or warmup_lr_rate up to 1 over w - 1 steps) and the
                // cosine's progress (t - w + 1)/(total - w), so both reach the peak at step w - 1, where the cosine takes over.
                double? min = k.OptionalNumber("min_lr");
                double? rate = k.OptionalNumber("min_lr_rate");
                if (min is not null && rate is not null)
                {
                    throw k.Refuse("min_lr and min_lr_rate are both set; Hugging Face takes only one.");
                }

                double minLr = min ?? (rate is double r ? r * lr : throw k.Refuse("cosine_warmup_with_min_lr needs min_lr or min_lr_rate."));
                CheckHalfCycle(k);
                long decay = Decay(total, w);
                long start = Math.Max(0, w - 1);
                ILearningRateSchedule cosine = Schedules.Cosine(lr, decay, minLr);
                ILearningRateSchedule main = cosine;
                if (start > 0)
                {
                    double first = k.OptionalNumber("warmup_lr_rate") is double warmupRate ? lr * warmupRate : lr / w;
                    main = Schedules.Sequence([Schedules.Linear(first, lr, start), cosine], [start]);
                }

                long end = start + decay;
                ILearningRateSchedule rise = Schedules.Constant(lr).WithWarmup(decay, minLr, RampShape.Cosine);
                facts.Add($"Hugging Face runs cosine_warmup_with_min_lr one step ahead: the peak is at step {start}, the minimum at step {end}");
                facts.Add($"past step {end} Hugging Face's cosine climbs back up; the config follows it to step {end + (2 * decay)}, then holds {Format(minLr)}");
                return Schedules.Sequence([main, rise, cosine], [end, end + decay]);
            }

            case "cosine_with_restarts":
            {
                double cycles = k.Number("num_cycles", 1.0);
                long decay = Decay(total, w);
                if (cycles < 1 || cycles != Math.Floor(cycles) || decay % (long)cycles != 0)
                {
                    throw k.Bad("num_cycles", cycles, $"must be a whole number of cycles that divides the {decay} steps after the warm-up, for LrDecay's restarts to fall on whole steps");
                }

                long period = decay / (long)cycles;
                ILearningRateSchedule restarts = Schedules.CosineRestarts(lr, period, tMul: 1.0, mMul: 1.0);
                return Schedules.Sequence([WithWarmup(restarts, w), Schedules.Constant(0.0)], [total]);
            }

            case "warmup_stable_decay":
            {
                long decaySteps = k.Integer("num_decay_steps");
                long? stable = k.OptionalInteger("num_stable_steps");
                if (stable is null)
                {
                    if (totalOrNull is null)
                    {
                        throw k.Refuse("warmup_stable_decay needs num_stable_steps, or the total steps (max_steps or --batches-per-epoch) to derive it.");
                    }

                    stable = total - w - decaySteps;
                }

                CheckHalfCycle(k);
                RampShape warmupShape = Shape(k, "warmup_type", "linear");
                RampShape decayShape = Shape(k, "decay_type", "cosine");
                return Schedules.WarmupStableDecay(lr, w, stable.Value, decaySteps, k.Number("min_lr_ratio", 0.0), warmupShape, decayShape);
            }

            default: // reduce_lr_on_plateau
            {
                PlateauMode mode = k.OptionalText("mode") is "max" ? PlateauMode.Maximize : PlateauMode.Minimize;
                PlateauThresholdMode thresholdMode = k.OptionalText("threshold_mode") is "abs" ? PlateauThresholdMode.Absolute : PlateauThresholdMode.Relative;
                facts.Add("the plateau reduces on each evaluation the Trainer reports (metric_for_best_model)");
                return Schedules.Plateau(
                    lr, mode, k.Number("factor", 0.1), k.Integer("patience", 10), k.Number("threshold", 1e-4), thresholdMode, k.Integer("cooldown", 0),
                    k.Number("min_lr", 0.0), k.Number("eps", 1e-8));
            }
        }
    }

    private static void CheckHalfCycle(ImportObject k)
    {
        double cycles = k.Number("num_cycles", 0.5);
        if (cycles != 0.5)
        {
            throw k.Bad("num_cycles", cycles, "is not supported: LrDecay's cosine is the half cycle (0.5) from the peak to the minimum");
        }
    }

    private static RampShape Shape(ImportObject k, string key, string defaultValue) => (k.OptionalText(key) ?? defaultValue) switch
    {
        "linear" => RampShape.Linear,
        "cosine" => RampShape.Cosine,
        "1-sqrt" => RampShape.OneMinusSqrt,
        string other => throw k.Bad(key, other, "must be \"linear\", \"cosine\" or \"1-sqrt\""),
    };

    private static long Decay(long total, long warmup) => Math.Max(1, total - warmup);

    private static ILearningRateSchedule WithWarmup(ILearningRateSchedule schedule, long warmup) =>
        warmup > 0 ? schedule.WithWarmup(warmup) : schedule;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
