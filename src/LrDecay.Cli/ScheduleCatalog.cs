namespace LrDecay.Cli;

/// <summary>
/// The schedule types of the config contract (shared/spec/schedule-config.md) with their parameters, defaults and formulas,
/// for <c>lrdecay list</c>. A test checks that it names the same types and properties as the library reads.
/// </summary>
internal static class ScheduleCatalog
{
    /// <summary>Every type, in the order of the spec: closed forms, composites, metric-driven.</summary>
    public static IReadOnlyList<Entry> Entries { get; } =
    [
        new("constant", "closed form", "lr(t) = lr", [P("lr", range: "finite, >= 0")]),
        new(
            "step",
            "closed form",
            "lr(t) = initialLr * gamma^floor(t/stepSize)   (PyTorch StepLR)",
            [P("initialLr", range: ">= 0"), P("stepSize", range: "integer > 0"), P("gamma", range: "in (0, 1]")]),
        new(
            "multiStep",
            "closed form",
            "lr(t) = initialLr * gamma^k, k = number of milestones <= t   (PyTorch MultiStepLR)",
            [P("initialLr", range: ">= 0"), P("milestones", range: "strictly increasing integers > 0"), P("gamma", range: "in (0, 1]")]),
        new(
            "piecewiseConstant",
            "closed form",
            "lr(t) = values[i] for the first i with t <= boundaries[i], else the last value   (Keras PiecewiseConstantDecay)",
            [P("boundaries", range: "strictly increasing integers"), P("values", range: "one more than boundaries, each >= 0")]),
        new(
            "exponential",
            "closed form",
            "lr(t) = initialLr * decayRate^p, p = t/decaySteps, floored when staircase   (Keras ExponentialDecay)",
            [P("initialLr", range: ">= 0"), P("decayRate", range: "in (0, 1]"), P("decaySteps", "1", "integer > 0"), P("staircase", "false")]),
        new(
            "inverseTime",
            "closed form",
            "lr(t) = initialLr / (1 + decayRate * p), p = t/decaySteps, floored when staircase   (Keras InverseTimeDecay)",
            [P("initialLr", range: ">= 0"), P("decayRate", range: ">= 0"), P("decaySteps", "1", "integer > 0"), P("staircase", "false")]),
        new(
            "polynomial",
            "closed form",
            "lr(t) = (initialLr - endLr) * (1 - s/D)^power + endLr; s = min(t, decaySteps), D = decaySteps; "
                + "with cycle s = t, D = decaySteps * max(1, ceil(t/decaySteps))   (Keras PolynomialDecay)",
            [P("initialLr", range: ">= 0"), P("decaySteps", range: "integer > 0"), P("endLr", "0"), P("power", "1", "> 0"), P("cycle", "false")]),
        new(
            "cosine",
            "closed form",
            "lr(t) = minLr + (initialLr - minLr) * (1 + cos(pi * min(t, decaySteps)/decaySteps))/2   (Keras CosineDecay)",
            [P("initialLr", range: ">= 0"), P("decaySteps", range: "integer > 0"), P("minLr", "0")]),
        new(
            "cosineRestarts",
            "closed form",
            "SGDR: period i lasts firstDecaySteps * tMul^i steps; its cosine runs from minLr + (initialLr - minLr) * mMul^i "
                + "down to minLr   (Keras CosineDecayRestarts)",
            [P("initialLr", range: ">= 0"), P("firstDecaySteps", range: "integer > 0"), P("tMul", "2", ">= 1"), P("mMul", "1", "in (0, 1]"), P("minLr", "0")]),
        new(
            "linear",
            "closed form",
            "lr(t) = startLr + (endLr - startLr) * min(t, totalSteps)/totalSteps   (PyTorch LinearLR, optax linear_schedule)",
            [P("startLr", range: ">= 0"), P("endLr", range: ">= 0"), P("totalSteps", range: "integer > 0")]),
        new(
            "oneCycle",
            "closed form",
            "PyTorch OneCycleLR: up from maxLr/divFactor to maxLr over pctStart of totalSteps, then down to "
                + "maxLr/(divFactor*finalDivFactor); from totalSteps on, the final lr holds",
            [
                P("maxLr", range: ">= 0"),
                P("totalSteps", range: "integer > 0"),
                P("pctStart", "0.3", "in (0, 1)"),
                P("annealStrategy", "\"cos\"", "\"cos\" or \"linear\""),
                P("divFactor", "25", "> 0"),
                P("finalDivFactor", "1e4", "> 0"),
                P("threePhase", "false"),
            ]),
        new(
            "cyclic",
            "closed form",
            "PyTorch CyclicLR: triangle between baseLr and maxLr, stepSizeUp steps up and stepSizeDown down; triangular2 halves "
                + "the amplitude each cycle, expRange scales it by gamma^t",
            [
                P("baseLr", range: ">= 0"),
                P("maxLr", range: ">= 0"),
                P("stepSizeUp", "2000", "integer > 0"),
                P("stepSizeDown", "stepSizeUp", "integer > 0"),
                P("mode", "\"triangular\"", "\"triangular\", \"triangular2\" or \"expRange\""),
                P("gamma", "1"),
            ]),
        new(
            "inverseSqrt",
            "closed form",
            "lr(t) = initialLr * t/max(1, warmupSteps) while t < warmupSteps, then initialLr / sqrt((t + timescale - warmupSteps)/timescale)"
                + "   (Hugging Face inverse_sqrt)",
            [P("initialLr", range: ">= 0"), P("warmupSteps", "0", "integer >= 0"), P("timescale", "warmupSteps, or 10000 when that is 0")]),
        new(
            "warmupStableDecay",
            "closed form",
            "warm up from initialLr*minLrRatio to initialLr, hold initialLr for stableSteps, decay to initialLr*minLrRatio, "
                + "then hold   (Hugging Face get_wsd_schedule)",
            [
                P("initialLr", range: ">= 0"),
                P("warmupSteps", range: "integer >= 0"),
                P("stableSteps", range: "integer >= 0"),
                P("decaySteps", range: "integer > 0"),
                P("minLrRatio", "0"),
                P("warmupShape", "\"linear\"", "\"linear\", \"cosine\" or \"1-sqrt\""),
                P("decayShape", "\"cosine\"", "\"cosine\", \"linear\" or \"1-sqrt\""),
            ]),
        new(
            "warmup",
            "composite",
            "lr(t) = startLr + (inner(0) - startLr) * t/warmupSteps while t < warmupSteps, then inner(t - warmupSteps)",
            [P("warmupSteps", range: "integer > 0"), P("startLr", "0"), P("schedule", range: "a schedule")]),
        new(
            "sequence",
            "composite",
            "lr(t) = schedules[i](t - boundaries[i-1]) on [boundaries[i-1], boundaries[i])   (optax join_schedules, PyTorch SequentialLR)",
            [P("schedules", range: "n >= 1 schedules"), P("boundaries", range: "n-1 strictly increasing integers > 0")]),
        new(
            "chain",
            "composite",
            "lr(t) = s0(t) * product over i >= 1 of s_i(t)/s_i(0)   (PyTorch ChainedScheduler)",
            [P("schedules", range: "n >= 1 schedules; each factor's lr at step 0 > 0")]),
        new("scale", "composite", "lr(t) = factor * inner(t)", [P("factor", range: "> 0"), P("schedule", range: "a schedule")]),
        new(
            "clamp",
            "composite",
            "lr(t) = min(max(inner(t), minLr), maxLr)",
            [P("minLr", "0"), P("maxLr", "+infinity", ">= minLr"), P("schedule", range: "a schedule")]),
        new(
            "perEpoch",
            "composite",
            "lr(t) = inner(floor(t/stepsPerEpoch)): drives a schedule written in epochs once per optimizer step",
            [P("stepsPerEpoch", range: "integer > 0"), P("schedule", range: "a schedule in epochs")]),
        new(
            "plateau",
            "metric-driven",
            "reduce on plateau: lr = max(base(t) * factor^k, minLr), k = reductions so far; a reduction comes after more than "
                + "patience epochs without improvement (PyTorch ReduceLROnPlateau; Keras with compat \"keras\"); feed metrics with eval --metrics",
            [
                P("initialLr", "either", "a constant base; give initialLr or schedule"),
                P("schedule", "either", "any base schedule; give initialLr or schedule"),
                P("mode", "\"min\"", "\"min\" or \"max\""),
                P("factor", "0.1", "in (0, 1)"),
                P("patience", "10", "integer >= 0"),
                P("threshold", "1e-4", ">= 0"),
                P("thresholdMode", "\"rel\" (pytorch), \"abs\" (keras)", "\"rel\" or \"abs\""),
                P("cooldown", "0", "integer >= 0"),
                P("minLr", "0", ">= 0"),
                P("eps", "1e-8", ">= 0; pytorch only"),
                P("compat", "\"pytorch\"", "\"pytorch\" or \"keras\""),
            ]),
    ];

    /// <summary>The entry for <paramref name="type"/>, or null.</summary>
    public static Entry? Find(string type) => Entries.FirstOrDefault(e => e.Type == type);

    private static Parameter P(string name, string? defaultValue = null, string? range = null) => new(name, defaultValue, range);

    /// <summary>One schedule type.</summary>
    /// <param name="Type">The JSON <c>type</c>.</param>
    /// <param name="Kind">closed form, composite or metric-driven.</param>
    /// <param name="Formula">The learning rate as a formula, and where it comes from.</param>
    /// <param name="Parameters">Its JSON properties besides <c>type</c>.</param>
    internal sealed record Entry(string Type, string Kind, string Formula, IReadOnlyList<Parameter> Parameters);

    /// <summary>One JSON property of a type.</summary>
    /// <param name="Name">The property.</param>
    /// <param name="Default">Its default, or null when it is required.</param>
    /// <param name="Range">Its allowed values, if restricted.</param>
    internal sealed record Parameter(string Name, string? Default, string? Range);
}
