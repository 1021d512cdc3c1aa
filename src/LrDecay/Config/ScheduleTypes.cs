namespace LrDecay.Config;

/// <summary>The JSON schedule types and the properties each one takes.</summary>
internal static class ScheduleTypes
{
    internal static readonly Dictionary<string, string[]> Properties = new(StringComparer.Ordinal)
    {
        ["constant"] = ["type", "lr"],
        ["step"] = ["type", "initialLr", "stepSize", "gamma"],
        ["multiStep"] = ["type", "initialLr", "milestones", "gamma"],
        ["piecewiseConstant"] = ["type", "boundaries", "values"],
        ["exponential"] = ["type", "initialLr", "decayRate", "decaySteps", "staircase"],
        ["inverseTime"] = ["type", "initialLr", "decayRate", "decaySteps", "staircase"],
        ["polynomial"] = ["type", "initialLr", "decaySteps", "endLr", "power", "cycle"],
        ["cosine"] = ["type", "initialLr", "decaySteps", "minLr"],
        ["cosineRestarts"] = ["type", "initialLr", "firstDecaySteps", "tMul", "mMul", "minLr"],
        ["linear"] = ["type", "startLr", "endLr", "totalSteps"],
        ["oneCycle"] = ["type", "maxLr", "totalSteps", "pctStart", "annealStrategy", "divFactor", "finalDivFactor", "threePhase"],
        ["cyclic"] = ["type", "baseLr", "maxLr", "stepSizeUp", "stepSizeDown", "mode", "gamma"],
        ["inverseSqrt"] = ["type", "initialLr", "warmupSteps", "timescale"],
        ["warmupStableDecay"] = ["type", "initialLr", "warmupSteps", "stableSteps", "decaySteps", "minLrRatio", "warmupShape", "decayShape"],
        ["warmup"] = ["type", "warmupSteps", "startLr", "schedule"],
        ["sequence"] = ["type", "schedules", "boundaries"],
        ["chain"] = ["type", "schedules"],
        ["scale"] = ["type", "factor", "schedule"],
        ["clamp"] = ["type", "minLr", "maxLr", "schedule"],
        ["perEpoch"] = ["type", "stepsPerEpoch", "schedule"],
        ["plateau"] = ["type", "initialLr", "schedule", "mode", "factor", "patience", "threshold", "thresholdMode", "cooldown", "minLr", "eps", "compat"],
    };

    internal static IEnumerable<string> Names => Properties.Keys;
}
