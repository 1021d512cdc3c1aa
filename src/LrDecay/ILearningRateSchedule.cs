namespace LrDecay;

/// <summary>
/// A learning-rate schedule: the learning rate as a pure function of the step, <c>lr = f(t)</c>, <c>t &gt;= 0</c>.
/// </summary>
/// <remarks>
/// The step is 0-based; the caller picks its unit (optimizer step or epoch). Implementations hold no mutable state,
/// so resuming from a checkpoint is just asking for step <c>N</c>, and every call costs O(1).
/// </remarks>
/// <threadsafety>Every schedule in this library is immutable and safe to call from any number of threads at once.</threadsafety>
public interface ILearningRateSchedule
{
    /// <summary>Returns the learning rate at <paramref name="step"/>.</summary>
    /// <param name="step">The 0-based step (or epoch). Range: <c>&gt;= 0</c>.</param>
    /// <returns>The learning rate: finite and <c>&gt;= 0</c> for every schedule this library builds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    double GetLearningRate(long step);
}
