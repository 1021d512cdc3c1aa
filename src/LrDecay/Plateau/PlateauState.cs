using System.Globalization;
using System.Text.Json.Serialization;

namespace LrDecay;

/// <summary>
/// The state of a reduce-on-plateau schedule after some observed metrics: an immutable value, so a checkpoint stores it and a
/// resumed run continues with the same trajectory.
/// </summary>
/// <threadsafety>Immutable value; safe to share across threads.</threadsafety>
public readonly struct PlateauState : IEquatable<PlateauState>
{
    /// <summary>Creates a state from its parts (as read back from a checkpoint).</summary>
    /// <param name="best">The best metric so far (<c>+inf</c> for min mode, <c>-inf</c> for max mode before any).</param>
    /// <param name="badEpochs">Epochs without improvement counted so far (PyTorch <c>num_bad_epochs</c>, Keras <c>wait</c>). Range: <c>&gt;= 0</c>.</param>
    /// <param name="cooldownCounter">Epochs of cooldown still to run. Range: <c>&gt;= 0</c>.</param>
    /// <param name="reductions">Reductions applied so far. Range: <c>&gt;= 0</c>.</param>
    /// <param name="scale">The product of the factors applied so far. Range: <c>[0, 1]</c>.</param>
    /// <param name="epochs">Metrics observed so far. Range: <c>&gt;= 0</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range; the message names it and its value.</exception>
    [JsonConstructor]
    public PlateauState(double best, long badEpochs, long cooldownCounter, long reductions, double scale, long epochs)
    {
        if (double.IsNaN(best))
        {
            Internal.Guard.ThrowOutOfRange(nameof(best), best, "must not be NaN");
        }

        Internal.Guard.NonNegativeSteps(badEpochs);
        Internal.Guard.NonNegativeSteps(cooldownCounter);
        Internal.Guard.NonNegativeSteps(reductions);
        Internal.Guard.InClosedUnitInterval(scale);
        Internal.Guard.NonNegativeSteps(epochs);
        Best = best;
        BadEpochs = badEpochs;
        CooldownCounter = cooldownCounter;
        Reductions = reductions;
        Scale = scale;
        Epochs = epochs;
    }

    /// <summary>Takes the parts as they are: for the plateau's own transition, whose states are valid by construction.</summary>
    private PlateauState(double best, long badEpochs, long cooldownCounter, long reductions, double scale, long epochs, bool trusted)
    {
        _ = trusted;
        Best = best;
        BadEpochs = badEpochs;
        CooldownCounter = cooldownCounter;
        Reductions = reductions;
        Scale = scale;
        Epochs = epochs;
    }

    /// <summary>The best metric so far.</summary>
    public double Best { get; }

    /// <summary>Epochs without improvement counted so far.</summary>
    public long BadEpochs { get; }

    /// <summary>Epochs of cooldown still to run.</summary>
    public long CooldownCounter { get; }

    /// <summary>Reductions applied so far.</summary>
    public long Reductions { get; }

    /// <summary>The product of the factors applied so far: the learning rate is <c>max(base(t) * Scale, minLr)</c>.</summary>
    public double Scale { get; }

    /// <summary>Metrics observed so far.</summary>
    public long Epochs { get; }

    /// <summary>Whether the state is in cooldown.</summary>
    [JsonIgnore]
    public bool InCooldown => CooldownCounter > 0;

    /// <summary>A state from parts that are valid by construction (no checks on the hot path).</summary>
    internal static PlateauState CreateUnchecked(double best, long badEpochs, long cooldownCounter, long reductions, double scale, long epochs) =>
        new(best, badEpochs, cooldownCounter, reductions, scale, epochs, trusted: true);

    /// <inheritdoc/>
    public bool Equals(PlateauState other) =>
        Best.Equals(other.Best) && BadEpochs == other.BadEpochs && CooldownCounter == other.CooldownCounter
        && Reductions == other.Reductions && Scale.Equals(other.Scale) && Epochs == other.Epochs;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PlateauState other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = Best.GetHashCode();
            hash = (hash * 31) + BadEpochs.GetHashCode();
            hash = (hash * 31) + CooldownCounter.GetHashCode();
            hash = (hash * 31) + Reductions.GetHashCode();
            hash = (hash * 31) + Scale.GetHashCode();
            return (hash * 31) + Epochs.GetHashCode();
        }
    }

    /// <summary>Whether two states are equal.</summary>
    /// <param name="left">The first state.</param>
    /// <param name="right">The second state.</param>
    /// <returns>True when every part is equal.</returns>
    public static bool operator ==(PlateauState left, PlateauState right) => left.Equals(right);

    /// <summary>Whether two states differ.</summary>
    /// <param name="left">The first state.</param>
    /// <param name="right">The second state.</param>
    /// <returns>True when any part differs.</returns>
    public static bool operator !=(PlateauState left, PlateauState right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "best={0:R} badEpochs={1} cooldown={2} reductions={3} scale={4:R} epochs={5}",
        Best,
        BadEpochs,
        CooldownCounter,
        Reductions,
        Scale,
        Epochs);
}
