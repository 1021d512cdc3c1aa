namespace LrDecay.Tests.Support;

/// <summary>A generated config whose learning rate never rises (the decaying families and composites of them).</summary>
public sealed class DecayingConfig
{
    public DecayingConfig(GeneratedConfig config) => Config = config;

    public GeneratedConfig Config { get; }

    public override string ToString() => Config.ToString();
}
