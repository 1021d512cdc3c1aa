using System.Globalization;
using LrDecay.Internal;

namespace LrDecay.Import;

/// <summary>
/// timm (pytorch-image-models) <c>train.py</c>'s <c>args.yaml</c>: the scheduler that <c>scheduler_kwargs</c> and
/// <c>create_scheduler_v2</c> build from it, the learning rate <c>train.py</c> derives, counted in optimizer updates.
/// </summary>
internal static class TimmImporter
{
    private const string Tool = "timm args.yaml";

    private static readonly string[] Known = ["cosine", "tanh", "step", "multistep", "poly", "plateau"];

    internal static bool Recognizes(Dictionary<string, object?> map) => map.ContainsKey("sched") && (map.ContainsKey("epochs") || map.ContainsKey("lr"));

    internal static ImportResult Import(byte[] content, ImportOptions options)
    {
        if (YamlTree.Parse(ImportLimits.Utf8(content, Tool), Tool) is not Dictionary<string, object?> map)
        {
            throw new ScheduleImportException($"{Tool}: the file is not a YAML mapping of train.py's arguments.");
        }

        return Import(new ImportObject(Tool, map), options);
    }

    private static ImportResult Import(ImportObject a, ImportOptions options)
    {
        if (a.HasValue("lr_noise"))
        {
            throw a.Bad("lr_noise", a.Raw("lr_noise"), "is not supported: timm's noise is random, so LrDecay cannot reproduce it (set lr_noise to null)");
        }

        string sched = a.OptionalText("sched") ?? "cosine";
        if (Array.IndexOf(Known, sched) < 0)
        {
            throw new ScheduleImportException($"{Tool}: sched '{sched}' is not supported (LrDecay imports: {string.Join(", ", Known)}).");
        }

        var facts = new List<string>();
        bool onUpdates = a.Flag("sched_on_updates", false);
        long accumulation = Math.Max(1, a.Integer("grad_accum_steps", 1));
        long? perEpoch = null;
        if (options.BatchesPerEpoch is long batches)
        {
            perEpoch = (batches + accumulation - 1) / accumulation;
            facts.Add($"updates per epoch: {perEpoch} (ceil({batches} batches / {accumulation} grad_accum_steps))");
        }
        else if (sched != "plateau")
        {
            throw new ScheduleImportException(
                onUpdates
                    ? $"{Tool}: sched_on_updates is true, so the schedule counts optimizer updates: pass --batches-per-epoch N (the length of one process's training dataloader)."
                    : $"{Tool}: the schedule steps once per epoch; pass --batches-per-epoch N (the length of one process's training dataloader) so the config counts optimizer updates.");
        }

        if (sched == "plateau" && onUpdates)
        {
            throw a.Bad("sched_on_updates", true, "is not supported with sched 'plateau': timm's plateau scheduler steps only per epoch");
        }

        double lr = LearningRate(a, options, facts);
        long unit = onUpdates ? perEpoch!.Value : 1;
        long epochs = a.Integer("epochs", 300);
        long t = Steps(a, "epochs", epochs * unit);
        long warmup = Steps(a, "warmup_epochs", a.Number("warmup_epochs", 5) * unit);
        long cooldown = Steps(a, "cooldown_epochs", a.Number("cooldown_epochs", 0) * unit);
        double warmupLr = a.Number("warmup_lr", 1e-5);
        bool prefix = a.Flag("warmup_prefix", false);
        double minLr = a.Number("min_lr", 0.0);
        double decayRate = a.Number("decay_rate", 0.1);
        double cycleMul = a.Number("lr_cycle_mul", 1.0);
        double cycleDecay = a.Number("lr_cycle_decay", 0.1);
        long cycleLimit = a.Integer("lr_cycle_limit", 1);
        double kDecay = a.Number("lr_k_decay", 1.0);

        try
        {
            ILearningRateSchedule inner;
            bool ownWarmup = false;
            long? length = null;
            switch (sched)
            {
                case "cosine":
                    CheckCycleLimit(a, cycleLimit);
                    inner = cycleLimit == 1
                        ? Schedules.Cosine(lr, t, minLr, kDecay)
                        : Schedules.CosineRestarts(lr, t, cycleMul, cycleDecay, minLr, kDecay, cycleLimit, MMulMode.Peak);
                    length = CycleLength(t, cycleMul, cycleLimit);
                    break;
                case "tanh":
                    if (cycleLimit != 1)
                    {
                        throw a.Bad("lr_cycle_limit", cycleLimit, "is not supported with sched 'tanh': LrDecay's tanh has one cycle (lr_cycle_limit 1)");
                    }

                    ownWarmup = warmup > 0 && !prefix;
                    inner = ownWarmup ? Schedules.Tanh(lr, t, minLr, warmupSteps: warmup, warmupStartLr: warmupLr) : Schedules.Tanh(lr, t, minLr);
                    length = t;
                    break;
                case "poly":
                    if (cycleLimit != 1)
                    {
                        throw a.Bad("lr_cycle_limit", cycleLimit, "is not supported with sched 'poly': LrDecay's polynomial has one cycle (lr_cycle_limit 1)");
                    }

                    if (kDecay != 1.0)
                    {
                        throw a.Bad("lr_k_decay", kDecay, "is not supported with sched 'poly': LrDecay's polynomial has no k-decay");
                    }

                    inner = Schedules.Polynomial(lr, t, minLr, decayRate);
                    length = t;
                    break;
                case "step":
                {
                    long decay = Steps(a, "decay_epochs", a.Number("decay_epochs", 90) * unit);
                    inner = Schedules.Step(lr, decay, decayRate);
                    break;
                }

                case "multistep":
                    inner = MultiStep(a, lr, unit, decayRate);
                    break;
                default:
                    return Plateau(a, lr, warmup, warmupLr, perEpoch, minLr, decayRate, facts);
            }

            if (warmup > 0 && sched == "tanh" && prefix)
            {
                // timm's prefix warm-up ramps to the base lr, which a tanh's step 0 is not quite: a linear ramp, then the tanh.
                inner = Schedules.Sequence([Schedules.Linear(warmupLr, lr, warmup), inner], [warmup]);
            }
            else if (warmup > 0 && !ownWarmup)
            {
                inner = inner.WithWarmup(warmup, warmupLr, RampShape.Linear, prefix);
            }

            if (warmup > 0)
            {
                facts.Add($"warm-up steps: {warmup * (onUpdates ? 1 : perEpoch!.Value)} ({Epochs(onUpdates ? warmup / unit : warmup)}{(prefix ? ", before the schedule (warmup_prefix)" : ", within the schedule")})");
            }

            long totalEpochs = length is long l
                ? (onUpdates ? (l + (prefix ? warmup : 0) + cooldown) / unit : l + (prefix ? warmup : 0) + cooldown)
                : epochs + (prefix ? warmup / unit : 0);
            facts.Add($"total steps: {totalEpochs * perEpoch!.Value} ({Epochs(totalEpochs)}{(cooldown > 0 ? $", {(onUpdates ? cooldown / unit : cooldown)} of them cooldown at min_lr" : string.Empty)})");
            if (!onUpdates)
            {
                facts.Add($"timm steps this scheduler per epoch: the rate changes at each epoch's first update (every {perEpoch} steps)");
                inner = inner.PerEpoch(perEpoch!.Value);
            }

            return new ImportResult(ImportSource.Timm, inner, facts, null, totalEpochs * perEpoch!.Value, warmup > 0 ? warmup * (onUpdates ? 1 : perEpoch!.Value) : null, null);
        }
        catch (ArgumentException ex)
        {
            throw new ScheduleImportException($"{Tool} (sched '{sched}'): {KerasImporter.Problem(ex)}", ex);
        }
    }

    private static ImportResult Plateau(
        ImportObject a, double lr, long warmup, double warmupLr, long? perEpoch, double minLr, double decayRate, List<string> facts)
    {
        string metric = a.OptionalText("eval_metric") ?? "top1";
        PlateauMode mode = metric.Contains("loss") ? PlateauMode.Minimize : PlateauMode.Maximize;
        facts.Add($"the plateau observes eval_metric '{metric}' once per epoch ({(mode == PlateauMode.Minimize ? "min" : "max")} mode)");
        long patience = a.Integer("patience_epochs", 10);
        if (warmup == 0)
        {
            ILearningRateSchedule constant = Schedules.Plateau(lr, mode, decayRate, patience, 1e-4, PlateauThresholdMode.Relative, 0, minLr);
            return new ImportResult(ImportSource.Timm, constant, facts, null, null, null, null);
        }

        // timm's plateau warms up per epoch (warmup_lr + e * (lr - warmup_lr) / warmup_epochs at epoch e <= warmup_epochs) and hands
        // its reducer no metric until the warm-up is over: a plateau over that ramp that observes metrics from epoch warmup_epochs on.
        if (perEpoch is not long updates)
        {
            throw new ScheduleImportException(
                $"{Tool}: sched 'plateau' with warmup_epochs {warmup} ramps once per epoch; pass --batches-per-epoch N (the length of one process's training dataloader) so the config counts optimizer updates.");
        }

        ILearningRateSchedule ramp = Schedules.Constant(lr).WithWarmup(warmup, warmupLr, RampShape.Linear, prefix: true).PerEpoch(updates);
        facts.Add($"warm-up steps: {warmup * updates} ({Epochs(warmup)}, stepped per epoch); the plateau observes the metrics from epoch {warmup} on, as timm's reducer does");
        var options = new PlateauOptions(mode, decayRate, patience, 1e-4, PlateauThresholdMode.Relative, 0, minLr, startEpoch: warmup);
        return new ImportResult(ImportSource.Timm, Schedules.Plateau(ramp, options), facts, null, null, warmup * updates, null);
    }

    private static ILearningRateSchedule MultiStep(ImportObject a, double lr, long unit, double decayRate)
    {
        // timm counts the milestones m with m <= t + 1 (bisect_right(decay_t, t + 1)): LrDecay's milestone is m - 1.
        object? raw = a.Raw("decay_milestones");
        List<object?> list = raw as List<object?> ?? (raw is null ? [90L, 180L, 270L] : throw a.Bad("decay_milestones", raw, "must be a list"));
        long[] milestones = list.Select(m => Steps(a, "decay_milestones", a.AsNumber(m, "decay_milestones") * unit) - 1).ToArray();
        for (int i = 1; i < milestones.Length; i++)
        {
            if (milestones[i] <= milestones[i - 1])
            {
                throw a.Bad("decay_milestones", raw, "must be strictly increasing for LrDecay's multiStep");
            }
        }

        int atStart = milestones.Count(m => m <= 0);
        double start = lr * Elementary.Pow(decayRate, atStart);
        long[] later = milestones.Where(m => m > 0).ToArray();
        return later.Length == 0 ? Schedules.Constant(start) : Schedules.MultiStep(start, later, decayRate);
    }

    private static void CheckCycleLimit(ImportObject a, long cycleLimit)
    {
        if (cycleLimit < 1)
        {
            throw a.Bad("lr_cycle_limit", cycleLimit, "is not supported: timm then holds min_lr from the first step");
        }
    }

    private static long CycleLength(long t, double cycleMul, long cycleLimit)
    {
        long cycles = Math.Max(1, cycleLimit);
        return cycleMul == 1.0 ? t * cycles : (long)Math.Floor(-t * (Elementary.Pow(cycleMul, cycles) - 1) / (1 - cycleMul));
    }

    /// <summary>train.py's learning rate: <c>lr</c>, or when it is null (or 0) <c>lr_base</c> scaled by the global batch.</summary>
    private static double LearningRate(ImportObject a, ImportOptions options, List<string> facts)
    {
        double? lr = a.OptionalNumber("lr");
        if (lr is double given && given != 0.0)
        {
            facts.Add($"lr: {Format(given)} (lr)");
            return given;
        }

        if (options.WorldSize < 1)
        {
            throw new ScheduleImportException($"{Tool}: --world-size {options.WorldSize} must be at least 1.");
        }

        long batch = a.Integer("batch_size", 128);
        long accumulation = Math.Max(1, a.Integer("grad_accum_steps", 1));
        double global = (double)batch * options.WorldSize * accumulation;
        double baseLr = a.Number("lr_base", 0.1);
        double baseSize = a.Number("lr_base_size", 256);
        string scale = a.OptionalText("lr_base_scale") ?? string.Empty;
        if (scale.Length == 0)
        {
            string opt = (a.OptionalText("opt") ?? "sgd").ToLowerInvariant();
            scale = opt.Contains("ada") || opt.Contains("lamb") ? "sqrt" : "linear";
        }

        double ratio = global / baseSize;
        if (scale == "sqrt")
        {
            ratio = Elementary.Pow(ratio, 0.5);
        }

        double derived = baseLr * ratio;
        facts.Add(
            $"lr: {Format(derived)} scaled from lr_base {Format(baseLr)} by the global batch {Format(global)} (batch_size {batch} * world size {options.WorldSize} * grad_accum_steps {accumulation}) / lr_base_size {Format(baseSize)}, {scale} scaling");
        return derived;
    }

    private static long Steps(ImportObject a, string key, double value)
    {
        if (value < 0 || value != Math.Floor(value) || value > 1e15)
        {
            throw a.Bad(key, value, "must come to a whole, non-negative number of steps");
        }

        return (long)value;
    }

    private static string Epochs(long count) => count == 1 ? "1 epoch" : $"{count} epochs";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
