using System.Text.Json.Nodes;

namespace LrDecay.Tests.Support;

/// <summary>
/// A random valid config with what the spec implies about it: every learning rate lies in <c>[Lo, Hi]</c>, and
/// <see cref="Trend"/> says whether it may rise.
/// </summary>
public sealed class GeneratedConfig
{
    public GeneratedConfig(JsonObject json, double lo, double hi, Trend trend)
    {
        Json = json;
        Text = json.ToJsonString();
        Lo = lo;
        Hi = hi;
        Trend = trend;
    }

    /// <summary>The config; callers that nest it take a <see cref="JsonNode.DeepClone"/>.</summary>
    public JsonObject Json { get; }

    public string Text { get; }

    public double Lo { get; }

    public double Hi { get; }

    public Trend Trend { get; }

    public string Type => (string)Json["type"]!;

    public ILearningRateSchedule Build() => ScheduleJson.Parse(Text);

    public JsonObject CloneJson() => (JsonObject)Json.DeepClone();

    /// <summary>FsCheck prints the counterexample with this, so a failure shows the config itself.</summary>
    public override string ToString() => $"{Text} (lr in [{Lo:R}, {Hi:R}], {Trend})";
}
