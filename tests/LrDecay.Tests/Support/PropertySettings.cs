namespace LrDecay.Tests.Support;

/// <summary>The FsCheck settings shared by the property classes: fixed replay seed, so CI runs are reproducible.</summary>
public static class PropertySettings
{
    /// <summary>Change the seed to explore; paste FsCheck's printed "Replay" here to reproduce a failure.</summary>
    public const string Replay = "(8716238562194563457,12387643212345678901)";
}
