using System.Globalization;
using LrDecay.Internal;

namespace LrDecay.Import;

/// <summary>
/// PyTorch: a learning-rate scheduler's <c>state_dict()</c>, saved with <c>torch.save</c> or written as JSON. The class is inferred from
/// the keys (or named with <see cref="ImportOptions.ClassName"/>); the config describes the whole run from step 0, and
/// <c>last_epoch</c> is the step to resume from.
/// </summary>
internal static class TorchImporter
{
    private const string Tool = "PyTorch";

    private static readonly string[] Known =
    [
        "StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "LinearLR", "ConstantLR", "PolynomialLR",
        "CyclicLR", "OneCycleLR", "SequentialLR", "ChainedScheduler", "ReduceLROnPlateau",
    ];

    internal static bool Recognizes(Dictionary<string, object?> map) =>
        map.ContainsKey("base_lrs") || map.ContainsKey("last_epoch") || map.ContainsKey("_schedulers") || map.ContainsKey("lr_lambdas");

    internal static ImportResult Import(byte[] content, ImportOptions options)
    {
        object? root = JsonTree.LooksLikeJson(content) ? JsonTree.Parse(ImportLimits.Utf8(content, Tool), Tool) : TorchFile.Read(content, Tool);
        if (root is Opaque { ClassName: var name } && name.EndsWith("TrainingArguments", StringComparison.Ordinal))
        {
            throw new ScheduleImportException(
                "PyTorch: the file holds Hugging Face TrainingArguments (training_args.bin); import them as JSON instead: TrainingArguments.to_json_string() with --from huggingface.");
        }

        if (root is not Dictionary<string, object?> map)
        {
            throw new ScheduleImportException($"PyTorch: the file holds {ImportObject.Show(root)}, not a scheduler's state_dict.");
        }

        ImportObject optimizerGroup = OptimizerGroup(options);
        var facts = new List<string>();
        var state = new ImportObject(Tool, map);
        string className = options.ClassName ?? Infer(state);
        PlateauState? plateauState = null;
        ILearningRateSchedule schedule = Build(state, className, optimizerGroup, facts, ref plateauState, top: true);
        // ChainedScheduler keeps no last_epoch of its own: its schedulers step together, so the first one's is the run's.
        long? resume = state.OptionalInteger("last_epoch")
            ?? (state.Raw("_schedulers") is List<object?> { Count: > 0 } children ? state.AsObject(children[0], "_schedulers[0]").OptionalInteger("last_epoch") : null);
        if (resume is long r)
        {
            facts.Add(className == "ReduceLROnPlateau"
                ? $"resume after epoch: {r} (last_epoch; the plateau's live state is its metrics so far)"
                : $"resume from step: {r} (last_epoch: the scheduler has stepped {r} times)");
        }

        return new ImportResult(ImportSource.PyTorch, schedule, facts, resume, null, null, plateauState);
    }

    private static ImportObject OptimizerGroup(ImportOptions options)
    {
        if (options.OptimizerState is not byte[] bytes)
        {
            return new ImportObject("PyTorch optimizer", []);
        }

        const string what = "PyTorch optimizer state_dict";
        object? root = JsonTree.LooksLikeJson(bytes) ? JsonTree.Parse(ImportLimits.Utf8(bytes, what), what) : TorchFile.Read(bytes, what);
        if (root is not Dictionary<string, object?> map)
        {
            throw new ScheduleImportException($"{what}: the file holds {ImportObject.Show(root)}, not an optimizer's state_dict.");
        }

        var o = new ImportObject(what, map);
        List<object?> groups = o.List("param_groups");
        if (groups.Count == 0)
        {
            throw o.Refuse("'param_groups' is empty.");
        }

        return o.AsObject(groups[0], "param_groups[0]");
    }

    /// <summary>The class whose state_dict has these keys.</summary>
    private static string Infer(ImportObject s)
    {
        bool Has(params string[] keys) => keys.All(s.Has);
        if (s.Has("lr_lambdas"))
        {
            throw new ScheduleImportException(
                "PyTorch LambdaLR or MultiplicativeLR (key lr_lambdas): its function is not saved in the state_dict, so LrDecay cannot reproduce it. "
                + "A Hugging Face Trainer's scheduler.pt is one: import the run's TrainingArguments instead (to_json_string(), --from huggingface).");
        }

        if (s.Has("_schedulers"))
        {
            return s.Has("_milestones") ? "SequentialLR" : "ChainedScheduler";
        }

        if (Has("patience", "num_bad_epochs"))
        {
            return "ReduceLROnPlateau";
        }

        if (s.Has("anneal_func") || Has("total_steps", "_schedule_phases"))
        {
            return "OneCycleLR";
        }

        if (Has("max_lrs", "total_size"))
        {
            return "CyclicLR";
        }

        if (Has("T_0", "T_mult"))
        {
            return "CosineAnnealingWarmRestarts";
        }

        if (Has("T_max"))
        {
            return "CosineAnnealingLR";
        }

        if (Has("step_size", "gamma"))
        {
            return "StepLR";
        }

        if (Has("milestones", "gamma"))
        {
            return "MultiStepLR";
        }

        if (Has("start_factor", "end_factor"))
        {
            return "LinearLR";
        }

        if (Has("factor", "total_iters"))
        {
            return "ConstantLR";
        }

        if (Has("power", "total_iters"))
        {
            return "PolynomialLR";
        }

        if (s.Has("gamma"))
        {
            return "ExponentialLR";
        }

        throw new ScheduleImportException(
            $"PyTorch: the state_dict's keys ({string.Join(", ", s.Keys.Take(12))}) match no scheduler LrDecay imports; name it with --class (one of {string.Join(", ", Known)}).");
    }

    private static ILearningRateSchedule Build(ImportObject s0, string className, ImportObject group, List<string> facts, ref PlateauState? plateauState, bool top)
    {
        if (Array.IndexOf(Known, className) < 0)
        {
            throw new ScheduleImportException(
                className is "LambdaLR" or "MultiplicativeLR"
                    ? $"PyTorch {className}: its function is not saved in the state_dict, so LrDecay cannot reproduce it; for a Hugging Face Trainer import its TrainingArguments (--from huggingface)."
                    : $"PyTorch: --class '{className}' is not a scheduler LrDecay imports (one of {string.Join(", ", Known)}).");
        }

        ImportObject s = s0.Named($"PyTorch {className}");
        try
        {
            switch (className)
            {
                case "StepLR":
                    return Schedules.Step(BaseLr(s, facts, top), s.Integer("step_size"), s.Number("gamma"));
                case "MultiStepLR":
                    return MultiStep(s, BaseLr(s, facts, top));
                case "ExponentialLR":
                    return Schedules.Exponential(BaseLr(s, facts, top), s.Number("gamma"));
                case "CosineAnnealingLR":
                {
                    long tMax = s.Integer("T_max");
                    if (top)
                    {
                        facts.Add($"past step {tMax} (T_max) PyTorch's cosine climbs back up; the config holds eta_min");
                    }

                    return Schedules.Cosine(BaseLr(s, facts, top), tMax, s.Number("eta_min", 0.0));
                }

                case "CosineAnnealingWarmRestarts":
                    return Schedules.CosineRestarts(BaseLr(s, facts, top), s.Integer("T_0"), s.Integer("T_mult", 1), 1.0, s.Number("eta_min", 0.0));
                case "LinearLR":
                {
                    double baseLr = BaseLr(s, facts, top);
                    long total = s.Integer("total_iters", 5);
                    return Schedules.Linear(baseLr * s.Number("start_factor", 1.0 / 3), baseLr * s.Number("end_factor", 1.0), total);
                }

                case "ConstantLR":
                {
                    double baseLr = BaseLr(s, facts, top);
                    long total = s.Integer("total_iters", 5);
                    ILearningRateSchedule start = Schedules.Constant(baseLr * s.Number("factor", 1.0 / 3));
                    return total > 0 ? Schedules.Sequence([start, Schedules.Constant(baseLr)], [total]) : Schedules.Constant(baseLr);
                }

                case "PolynomialLR":
                    return Schedules.Polynomial(BaseLr(s, facts, top), s.Integer("total_iters", 5), 0.0, s.Number("power", 1.0));
                case "CyclicLR":
                    return Cyclic(s, facts, top);
                case "OneCycleLR":
                    return OneCycle(s, group, facts, top);
                case "SequentialLR":
                {
                    List<ImportObject> children = Children(s);
                    long[] milestones = s.List("_milestones").Select(m => s.AsInteger(m, "_milestones")).ToArray();
                    if (milestones.Length != children.Count - 1)
                    {
                        throw s.Refuse($"{children.Count} schedulers need {children.Count - 1} milestones, not {milestones.Length}.");
                    }

                    PlateauState? none = null;
                    ILearningRateSchedule[] built = children.Select(c => Build(c, Infer(c), group, facts, ref none, top: false)).ToArray();
                    if (top)
                    {
                        facts.Add($"schedulers: {string.Join(", ", children.Select(Infer))} at milestones {string.Join(", ", milestones)}");
                    }

                    return Schedules.Sequence(built, milestones);
                }

                case "ChainedScheduler":
                {
                    List<ImportObject> children = Children(s);
                    PlateauState? none = null;
                    ILearningRateSchedule[] built = children.Select(c => Build(c, Infer(c), group, facts, ref none, top: false)).ToArray();
                    if (top)
                    {
                        facts.Add($"schedulers: {string.Join(", ", children.Select(Infer))}, chained");
                    }

                    return Schedules.Chain(built);
                }

                default:
                    if (!top)
                    {
                        throw s.Refuse("ReduceLROnPlateau inside SequentialLR or ChainedScheduler is not supported.");
                    }

                    return Plateau(s, group, facts, out plateauState);
            }
        }
        catch (ArgumentException ex)
        {
            throw new ScheduleImportException($"{s.What}: {KerasImporter.Problem(ex)}", ex);
        }
    }

    private static List<ImportObject> Children(ImportObject s) =>
        s.List("_schedulers").Select((c, i) => s.AsObject(c, $"_schedulers[{i}]")).ToList();

    private static double BaseLr(ImportObject s, List<string> facts, bool top)
    {
        List<object?> baseLrs = s.List("base_lrs");
        if (baseLrs.Count == 0)
        {
            throw s.Refuse("'base_lrs' is empty.");
        }

        if (baseLrs.Count > 1 && top)
        {
            facts.Add($"param groups: {baseLrs.Count}; the config is group 0's (base lr {Format(s.AsNumber(baseLrs[0], "base_lrs"))})");
        }

        return s.AsNumber(baseLrs[0], "base_lrs");
    }

    private static ILearningRateSchedule MultiStep(ImportObject s, double baseLr)
    {
        double gamma = s.Number("gamma");
        object? raw = s.Raw("milestones");

        // A Counter: milestone -> how many times it is listed (each applies gamma once).
        var counts = new SortedDictionary<long, long>();
        switch (raw)
        {
            case Dictionary<string, object?> counter:
                foreach (KeyValuePair<string, object?> pair in counter)
                {
                    if (!long.TryParse(pair.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out long m))
                    {
                        throw s.Bad("milestones", pair.Key, "must be integer steps");
                    }

                    counts[m] = s.AsInteger(pair.Value, "milestones");
                }

                break;
            case List<object?> list:
                foreach (object? item in list)
                {
                    long m = s.AsInteger(item, "milestones");
                    counts[m] = counts.TryGetValue(m, out long c) ? c + 1 : 1;
                }

                break;
            default:
                throw s.Bad("milestones", raw, "must be a Counter or a list of steps");
        }

        if (counts.Values.All(c => c == 1) && counts.Keys.All(m => m > 0))
        {
            return Schedules.MultiStep(baseLr, counts.Keys, gamma);
        }

        // Repeated milestones apply gamma once per repeat: a piecewise constant (a boundary belongs to the interval before it).
        var boundaries = new List<long>();
        var values = new List<double> { baseLr };
        double lr = baseLr;
        foreach (KeyValuePair<long, long> pair in counts)
        {
            lr *= Elementary.Pow(gamma, pair.Value);
            if (pair.Key <= 0)
            {
                values[0] = lr;
                continue;
            }

            boundaries.Add(pair.Key - 1);
            values.Add(lr);
        }

        return Schedules.PiecewiseConstant(boundaries, values);
    }

    private static ILearningRateSchedule Cyclic(ImportObject s, List<string> facts, bool top)
    {
        if (s.HasValue("_scale_fn_custom") || s.HasValue("scale_fn"))
        {
            throw s.Refuse("a custom scale_fn is not saved in a form LrDecay can reproduce.");
        }

        double baseLr = BaseLr(s, facts, top);
        double maxLr = s.AsNumber(s.List("max_lrs").FirstOrDefault(), "max_lrs");
        double totalSize = s.Number("total_size");
        double ratio = s.Number("step_ratio");
        long up = (long)RoundHalfEven(totalSize * ratio);
        long down = (long)RoundHalfEven(totalSize) - up;
        string mode = s.OptionalText("mode") ?? "triangular";
        CyclicMode cyclicMode = mode switch
        {
            "triangular" => CyclicMode.Triangular,
            "triangular2" => CyclicMode.Triangular2,
            "exp_range" => CyclicMode.ExponentialRange,
            _ => throw s.Bad("mode", mode, "must be \"triangular\", \"triangular2\" or \"exp_range\""),
        };
        string? scaleMode = s.OptionalText("scale_mode");
        string expected = cyclicMode == CyclicMode.ExponentialRange ? "iterations" : "cycle";
        if (scaleMode is not null && scaleMode != expected)
        {
            throw s.Bad("scale_mode", scaleMode, $"is not mode '{mode}''s own ('{expected}'), which only a custom scale_fn changes");
        }

        return Schedules.Cyclic(baseLr, maxLr, up, down, cyclicMode, s.Number("gamma", 1.0));
    }

    private static ILearningRateSchedule OneCycle(ImportObject s, ImportObject group, List<string> facts, bool top)
    {
        if (s.Has("anneal_func"))
        {
            throw s.Refuse(
                "this state_dict keeps the anneal function as a bound method (key anneal_func, torch 1.13), which LrDecay does not read; save it from torch 2 or later, which stores _anneal_func_type.");
        }

        if (!group.Has("max_lr") || !group.Has("initial_lr") || !group.Has("min_lr"))
        {
            throw s.Refuse("max_lr, initial_lr and min_lr live in the optimizer's param groups: pass the optimizer's state_dict with --optimizer FILE.");
        }

        long total = s.Integer("total_steps");
        List<object?> phases = s.List("_schedule_phases");
        if (phases.Count is not (2 or 3))
        {
            throw s.Bad("_schedule_phases", phases, "must hold 2 or 3 phases");
        }

        double firstEnd = s.AsObject(phases[0], "_schedule_phases[0]").Number("end_step");
        double pctStart = (firstEnd + 1) / total;
        string anneal = s.OptionalText("_anneal_func_type") ?? "cos";
        AnnealStrategy strategy = anneal switch
        {
            "cos" => AnnealStrategy.Cosine,
            "linear" => AnnealStrategy.Linear,
            _ => throw s.Bad("_anneal_func_type", anneal, "must be \"cos\" or \"linear\""),
        };
        double maxLr = group.Number("max_lr");
        double initialLr = group.Number("initial_lr");
        double minLr = group.Number("min_lr");
        if (top)
        {
            facts.Add($"from the optimizer: max_lr {Format(maxLr)}, initial_lr {Format(initialLr)}, min_lr {Format(minLr)}; total steps: {total}");
        }

        return Schedules.OneCycle(maxLr, total, pctStart, strategy, maxLr / initialLr, initialLr / minLr, phases.Count == 3);
    }

    private static ILearningRateSchedule Plateau(ImportObject s, ImportObject group, List<string> facts, out PlateauState? state)
    {
        PlateauMode mode = s.OptionalText("mode") is "max" ? PlateauMode.Maximize : PlateauMode.Minimize;
        PlateauThresholdMode thresholdMode = s.OptionalText("threshold_mode") is "abs" ? PlateauThresholdMode.Absolute : PlateauThresholdMode.Relative;
        double minLr = s.AsNumber(s.List("min_lrs").FirstOrDefault() ?? 0L, "min_lrs");
        double factor = s.Number("factor", 0.1);
        double eps = s.Number("eps", 1e-8);

        double? current = group.OptionalNumber("lr") ?? (s.Raw("_last_lr") is List<object?> { Count: > 0 } last ? s.AsNumber(last[0], "_last_lr") : null);
        double initial;
        if (group.OptionalNumber("initial_lr") is double given)
        {
            initial = given;
        }
        else if (current is double now)
        {
            initial = now;
            facts.Add($"initial lr: {Format(now)}, the rate in effect now (the state_dict does not keep the rate the run started from; an optimizer with initial_lr gives it)");
        }
        else
        {
            throw s.Refuse("the state_dict holds no learning rate (torch before 2.2 keeps no _last_lr): pass the optimizer's state_dict with --optimizer FILE.");
        }

        var plateau = Schedules.Plateau(initial, mode, factor, s.Integer("patience", 10), s.Number("threshold", 1e-4), thresholdMode, s.Integer("cooldown", 0), minLr, eps);

        // The reductions so far: the first k whose rate is the current one, stepping as PyTorch does.
        long reductions = 0;
        double scale = 1.0;
        double target = current ?? initial;
        while (true)
        {
            double lr = plateau.GetLearningRate(PlateauState.CreateUnchecked(0, 0, 0, reductions, scale, 0), 0);
            if (Math.Abs(lr - target) <= 1e-12 * Math.Max(Math.Abs(target), 1e-300))
            {
                break;
            }

            double next = Math.Max(lr * factor, minLr);
            if (!(lr - next > eps) || reductions > 10_000)
            {
                throw s.Refuse($"the current lr {Format(target)} is not the initial lr {Format(initial)} reduced by factor {Format(factor)} a whole number of times.");
            }

            scale *= factor;
            reductions++;
        }

        double best = s.Number("best", mode == PlateauMode.Minimize ? double.PositiveInfinity : double.NegativeInfinity);
        state = new PlateauState(best, s.Integer("num_bad_epochs", 0), s.Integer("cooldown_counter", 0), reductions, scale, Math.Max(0, s.Integer("last_epoch", 0)));
        facts.Add($"plateau state: best {Format(best)}, {state.Value.BadEpochs} bad epochs, {reductions} reductions (write it with --state-out)");
        return plateau;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Python's <c>round</c>: the nearest integer, a tie to the even one (by <c>Math.Floor</c> and an exact difference).</summary>
    private static double RoundHalfEven(double x)
    {
        double floor = Math.Floor(x);
        double fraction = x - floor;
        return fraction > 0.5 || (fraction == 0.5 && Math.Floor(floor / 2.0) * 2.0 != floor) ? floor + 1.0 : floor;
    }
}
