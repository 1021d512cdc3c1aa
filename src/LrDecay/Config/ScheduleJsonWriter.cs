using System.Text.Json;

namespace LrDecay.Config;

/// <summary>Writes a schedule as config JSON: <c>type</c> first, then every property with defaults made explicit.</summary>
internal static class ScheduleJsonWriter
{
    internal static void Write(Utf8JsonWriter w, ILearningRateSchedule schedule, string path)
    {
        // The object written next sits at depth CurrentDepth + 1; Parse accepts up to MaxDepth levels, so refuse only beyond that.
        if (w.CurrentDepth + 1 > ScheduleJson.MaxDepth)
        {
            throw new ArgumentException(
                $"{path}: the schedule nests deeper than ScheduleJson.MaxDepth ({ScheduleJson.MaxDepth}) JSON levels, which ScheduleJson.Parse would reject.",
                nameof(schedule));
        }

        w.WriteStartObject();
        switch (schedule)
        {
            case ConstantSchedule s:
                w.WriteString("type", "constant");
                w.WriteNumber("lr", s.Lr);
                break;
            case StepSchedule s:
                w.WriteString("type", "step");
                w.WriteNumber("initialLr", s.InitialLr);
                w.WriteNumber("stepSize", s.StepSize);
                w.WriteNumber("gamma", s.Gamma);
                break;
            case MultiStepSchedule s:
                w.WriteString("type", "multiStep");
                w.WriteNumber("initialLr", s.InitialLr);
                WriteSteps(w, "milestones", s.Milestones);
                w.WriteNumber("gamma", s.Gamma);
                break;
            case PiecewiseConstantSchedule s:
                w.WriteString("type", "piecewiseConstant");
                WriteSteps(w, "boundaries", s.Boundaries);
                w.WriteStartArray("values");
                foreach (double v in s.Values)
                {
                    w.WriteNumberValue(v);
                }

                w.WriteEndArray();
                break;
            case ExponentialSchedule s:
                w.WriteString("type", "exponential");
                w.WriteNumber("initialLr", s.InitialLr);
                w.WriteNumber("decayRate", s.DecayRate);
                w.WriteNumber("decaySteps", s.DecaySteps);
                w.WriteBoolean("staircase", s.Staircase);
                break;
            case InverseTimeSchedule s:
                w.WriteString("type", "inverseTime");
                w.WriteNumber("initialLr", s.InitialLr);
                w.WriteNumber("decayRate", s.DecayRate);
                w.WriteNumber("decaySteps", s.DecaySteps);
                w.WriteBoolean("staircase", s.Staircase);
                break;
            case PolynomialSchedule s:
                w.WriteString("type", "polynomial");
                w.WriteNumber("initialLr", s.InitialLr);
                w.WriteNumber("decaySteps", s.DecaySteps);
                w.WriteNumber("endLr", s.EndLr);
                w.WriteNumber("power", s.PowerExponent);
                w.WriteBoolean("cycle", s.Cycle);
                break;
            case CosineSchedule s:
                w.WriteString("type", "cosine");
                w.WriteNumber("initialLr", s.InitialLr);
                w.WriteNumber("decaySteps", s.DecaySteps);
                w.WriteNumber("minLr", s.MinLr);
                break;
            case CosineRestartsSchedule s:
                w.WriteString("type", "cosineRestarts");
                w.WriteNumber("initialLr", s.InitialLr);
                w.WriteNumber("firstDecaySteps", s.FirstDecaySteps);
                w.WriteNumber("tMul", s.TMul);
                w.WriteNumber("mMul", s.MMul);
                w.WriteNumber("minLr", s.MinLr);
                break;
            case LinearSchedule s:
                w.WriteString("type", "linear");
                w.WriteNumber("startLr", s.StartLr);
                w.WriteNumber("endLr", s.EndLr);
                w.WriteNumber("totalSteps", s.TotalSteps);
                break;
            case OneCycleSchedule s:
                w.WriteString("type", "oneCycle");
                w.WriteNumber("maxLr", s.MaxLr);
                w.WriteNumber("totalSteps", s.TotalSteps);
                w.WriteNumber("pctStart", s.PctStart);
                w.WriteString("annealStrategy", s.AnnealStrategy == AnnealStrategy.Cos ? "cos" : "linear");
                w.WriteNumber("divFactor", s.DivFactor);
                w.WriteNumber("finalDivFactor", s.FinalDivFactor);
                w.WriteBoolean("threePhase", s.ThreePhase);
                break;
            case CyclicSchedule s:
                w.WriteString("type", "cyclic");
                w.WriteNumber("baseLr", s.BaseLr);
                w.WriteNumber("maxLr", s.MaxLr);
                w.WriteNumber("stepSizeUp", s.StepSizeUp);
                w.WriteNumber("stepSizeDown", s.StepSizeDown);
                w.WriteString("mode", s.Mode switch
                {
                    CyclicMode.Triangular2 => "triangular2",
                    CyclicMode.ExpRange => "expRange",
                    _ => "triangular",
                });
                w.WriteNumber("gamma", s.Gamma);
                break;
            case InverseSqrtSchedule s:
                w.WriteString("type", "inverseSqrt");
                w.WriteNumber("initialLr", s.InitialLr);
                w.WriteNumber("warmupSteps", s.WarmupSteps);
                w.WriteNumber("timescale", s.Timescale);
                break;
            case WarmupStableDecaySchedule s:
                w.WriteString("type", "warmupStableDecay");
                w.WriteNumber("initialLr", s.InitialLr);
                w.WriteNumber("warmupSteps", s.WarmupSteps);
                w.WriteNumber("stableSteps", s.StableSteps);
                w.WriteNumber("decaySteps", s.DecaySteps);
                w.WriteNumber("minLrRatio", s.MinLrRatio);
                w.WriteString("warmupShape", ShapeName(s.WarmupShape));
                w.WriteString("decayShape", ShapeName(s.DecayShape));
                break;
            case WarmupSchedule s:
                w.WriteString("type", "warmup");
                w.WriteNumber("warmupSteps", s.WarmupSteps);
                w.WriteNumber("startLr", s.StartLr);
                w.WritePropertyName("schedule");
                Write(w, s.Schedule, path + ".schedule");
                break;
            case SequenceSchedule s:
                w.WriteString("type", "sequence");
                WriteChildren(w, s.Schedules, path);
                WriteSteps(w, "boundaries", s.Boundaries);
                break;
            case ChainSchedule s:
                w.WriteString("type", "chain");
                WriteChildren(w, s.Schedules, path);
                break;
            case ScaleSchedule s:
                w.WriteString("type", "scale");
                w.WriteNumber("factor", s.Factor);
                w.WritePropertyName("schedule");
                Write(w, s.Schedule, path + ".schedule");
                break;
            case ClampSchedule s:
                w.WriteString("type", "clamp");
                w.WriteNumber("minLr", s.MinLr);
                if (!double.IsPositiveInfinity(s.MaxLr))
                {
                    w.WriteNumber("maxLr", s.MaxLr);
                }

                w.WritePropertyName("schedule");
                Write(w, s.Schedule, path + ".schedule");
                break;
            case PerEpochSchedule s:
                w.WriteString("type", "perEpoch");
                w.WriteNumber("stepsPerEpoch", s.StepsPerEpoch);
                w.WritePropertyName("schedule");
                Write(w, s.Schedule, path + ".schedule");
                break;
            case PlateauSchedule s:
                WritePlateau(w, s, path);
                break;
            default:
                throw new ArgumentException(
                    $"{path}: {schedule.GetType().FullName} has no JSON form; only the schedules of this library can be serialized.",
                    nameof(schedule));
        }

        w.WriteEndObject();
    }

    private static void WritePlateau(Utf8JsonWriter w, PlateauSchedule s, string path)
    {
        w.WriteString("type", "plateau");
        if (s.BaseSchedule is null)
        {
            w.WriteNumber("initialLr", s.InitialLr);
        }
        else
        {
            w.WritePropertyName("schedule");
            Write(w, s.BaseSchedule, path + ".schedule");
        }

        w.WriteString("mode", s.Mode == PlateauMode.Min ? "min" : "max");
        w.WriteNumber("factor", s.Factor);
        w.WriteNumber("patience", s.Patience);
        w.WriteNumber("threshold", s.Threshold);
        w.WriteString("thresholdMode", s.ThresholdMode == PlateauThresholdMode.Rel ? "rel" : "abs");
        w.WriteNumber("cooldown", s.Cooldown);
        w.WriteNumber("minLr", s.MinLr);
        w.WriteNumber("eps", s.Eps);
        w.WriteString("compat", s.Compat == PlateauCompat.PyTorch ? "pytorch" : "keras");
    }

    private static string ShapeName(WsdShape shape) => shape switch
    {
        WsdShape.Cosine => "cosine",
        WsdShape.OneMinusSqrt => "1-sqrt",
        _ => "linear",
    };

    private static void WriteSteps(Utf8JsonWriter w, string name, IReadOnlyList<long> steps)
    {
        w.WriteStartArray(name);
        foreach (long step in steps)
        {
            w.WriteNumberValue(step);
        }

        w.WriteEndArray();
    }

    private static void WriteChildren(Utf8JsonWriter w, IReadOnlyList<ILearningRateSchedule> children, string path)
    {
        w.WriteStartArray("schedules");
        for (int i = 0; i < children.Count; i++)
        {
            Write(w, children[i], $"{path}.schedules[{i}]");
        }

        w.WriteEndArray();
    }
}
