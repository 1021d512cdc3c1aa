using System.Text.Json.Nodes;
using FsCheck.Xunit;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Properties;

/// <summary>Composition laws and staircase properties over random configs and steps.</summary>
[Properties(Arbitrary = [typeof(ScheduleArbitraries)], MaxTest = 300, Replay = PropertySettings.Replay, QuietOnSuccess = true)]
public sealed class CompositionProperties
{
    [Property]
    public void Scale_ByOne_EqualsInner(GeneratedConfig config, StepSet steps) =>
        SameRates(config, Wrap("scale", config, ("factor", 1.0)), steps);

    [Property]
    public void Sequence_OfOneSchedule_EqualsInner(GeneratedConfig config, StepSet steps) =>
        SameRates(config, new JsonObject { ["type"] = "sequence", ["schedules"] = new JsonArray(config.CloneJson()), ["boundaries"] = new JsonArray() }, steps);

    [Property]
    public void Chain_OfOneSchedule_EqualsInner(GeneratedConfig config, StepSet steps) =>
        SameRates(config, new JsonObject { ["type"] = "chain", ["schedules"] = new JsonArray(config.CloneJson()) }, steps);

    [Property]
    public void ClampWithoutBounds_And_PerEpochOfOne_EqualInner(GeneratedConfig config, StepSet steps)
    {
        SameRates(config, Wrap("clamp", config), steps);
        SameRates(config, Wrap("perEpoch", config, ("stepsPerEpoch", 1L)), steps);
    }

    [Property]
    public void Warmup_AtItsEnd_ReachesInnerAtZero_ThenFollowsInner(GeneratedConfig config, StepSet steps)
    {
        var r = new Random(steps.Steps.Length == 0 ? 0 : (int)steps.Steps[0]);
        long warmupSteps = RandomConfigs.PositiveSteps(r);
        double startLr = RandomConfigs.Lr(r);
        ILearningRateSchedule inner = config.Build();
        ILearningRateSchedule warmup = ScheduleJson.Parse(Wrap("warmup", config, ("warmupSteps", warmupSteps), ("startLr", startLr)).ToJsonString());
        Same(inner.GetLearningRate(0), warmup.GetLearningRate(warmupSteps), $"warmup end ({warmupSteps}) of {config.Text}");
        Same(startLr, warmup.GetLearningRate(0), "warmup start");
        double lo = Math.Min(startLr, inner.GetLearningRate(0));
        double hi = Math.Max(startLr, inner.GetLearningRate(0));
        foreach (long step in steps.Steps)
        {
            if (step < warmupSteps)
            {
                double lr = warmup.GetLearningRate(step);
                Assert.True(lr >= lo * (1 - 1e-15) && lr <= hi * (1 + 1e-15), $"warmup lr({step}) = {lr} outside [{lo}, {hi}]");
            }
            else
            {
                Same(inner.GetLearningRate(step - warmupSteps), warmup.GetLearningRate(step), $"step {step} after warmup {warmupSteps}");
            }
        }
    }

    [Property]
    public void Sequence_AfterBoundary_RestartsNextScheduleAtZero(GeneratedConfig first, GeneratedConfig second, StepSet steps)
    {
        long boundary = Math.Max(1, steps.Steps[0] % (1L << 40));
        ILearningRateSchedule a = first.Build();
        ILearningRateSchedule b = second.Build();
        ILearningRateSchedule sequence = new SequenceSchedule([a, b], [boundary]);
        foreach (long step in steps.Steps.Append(boundary).Append(boundary - 1))
        {
            double expected = step < boundary ? a.GetLearningRate(step) : b.GetLearningRate(step - boundary);
            Same(expected, sequence.GetLearningRate(step), $"step {step}, boundary {boundary}");
        }
    }

    [Property]
    public void Staircase_ConstantBetweenBoundaries_AndNeverBelowContinuousTwin(GeneratedConfig seedConfig, StepSet steps)
    {
        // A staircase exponential or inverse-time config and its continuous twin (same config, staircase false).
        var r = new Random(seedConfig.Text.Length ^ (int)(steps.Steps[0] & 0x7fffffff));
        GeneratedConfig config = RandomConfigs.ClosedForm(r, r.Next(2) == 0 ? "exponential" : "inverseTime");
        // Keras's float32 floors the float32 quotient, whose stairs leave the exact boundaries past 2^24 steps: double precision here.
        config.Json.Remove("precision");
        JsonObject stairJson = config.CloneJson();
        stairJson["staircase"] = true;
        JsonObject smoothJson = config.CloneJson();
        smoothJson["staircase"] = false;
        ILearningRateSchedule stair = ScheduleJson.Parse(stairJson.ToJsonString());
        ILearningRateSchedule smooth = ScheduleJson.Parse(smoothJson.ToJsonString());
        long decaySteps = (long?)config.Json["decaySteps"] ?? 1;
        foreach (long step in steps.Steps)
        {
            long floor = step / decaySteps * decaySteps;
            double lr = stair.GetLearningRate(step);
            Same(stair.GetLearningRate(floor), lr, $"staircase at {step} vs its stair start {floor} for {stairJson.ToJsonString()}");
            double twin = smooth.GetLearningRate(step);
            Assert.True(lr >= twin * (1 - 1e-12), $"staircase lr({step}) = {lr:R} below its continuous twin {twin:R} for {stairJson.ToJsonString()}");
        }
    }

    [Property]
    public void StepAndMultiStep_ConstantBetweenDrops(GeneratedConfig seedConfig, StepSet steps)
    {
        var r = new Random(RandomConfigs.StableSeed(seedConfig.Text));
        GeneratedConfig step = RandomConfigs.ClosedForm(r, "step");
        ILearningRateSchedule schedule = step.Build();
        long stepSize = (long)step.Json["stepSize"]!;
        foreach (long t in steps.Steps)
        {
            Same(schedule.GetLearningRate(t / stepSize * stepSize), schedule.GetLearningRate(t), $"step at {t} for {step.Text}");
        }

        GeneratedConfig multi = RandomConfigs.ClosedForm(r, "multiStep");
        ILearningRateSchedule multiSchedule = multi.Build();
        long[] milestones = multi.Json["milestones"]!.AsArray().Select(x => (long)x!).ToArray();
        foreach (long t in steps.Steps)
        {
            long start = milestones.Where(m => m <= t).DefaultIfEmpty(0).Max();
            Same(multiSchedule.GetLearningRate(start), multiSchedule.GetLearningRate(t), $"multiStep at {t} for {multi.Text}");
        }
    }

    private static JsonObject Wrap(string type, GeneratedConfig inner, params (string Name, JsonNode? Value)[] properties)
    {
        var o = new JsonObject { ["type"] = type };
        foreach ((string name, JsonNode? value) in properties)
        {
            o[name] = value;
        }

        o["schedule"] = inner.CloneJson();
        return o;
    }

    private static void SameRates(GeneratedConfig config, JsonObject composed, StepSet steps)
    {
        ILearningRateSchedule inner = config.Build();
        ILearningRateSchedule outer = ScheduleJson.Parse(composed.ToJsonString());
        foreach (long step in steps.Steps.Append(0))
        {
            Same(inner.GetLearningRate(step), outer.GetLearningRate(step), $"step {step} of {composed.ToJsonString()}");
        }
    }

    private static void Same(double expected, double actual, string what)
    {
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
        {
            throw new InvalidOperationException($"{what}: expected {ScheduleProperties.Show(expected)}, got {ScheduleProperties.Show(actual)}");
        }
    }
}
