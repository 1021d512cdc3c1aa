namespace LrDecay.Internal;

/// <summary>A schedule with a faster way to fill a range of steps than one call per step.</summary>
internal interface IBatchSchedule
{
    /// <summary>Fills <c>destination[i] = GetLearningRate(firstStep + i)</c>, bit for bit (the Fill tests compare the bits); the range is already checked.</summary>
    void Fill(long firstStep, Span<double> destination);
}
