namespace LrDecay.Internal;

/// <summary>Checks shared by the composites that hold a list of schedules.</summary>
internal static class Composition
{
    internal static ILearningRateSchedule[] Children(IEnumerable<ILearningRateSchedule>? schedules, string paramName)
    {
        ILearningRateSchedule[] copy = Guard.NotNull(schedules, paramName).ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException($"{paramName} must hold at least one schedule.", paramName);
        }

        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentNullException(paramName, $"{paramName}[{i}] is null.");
            }
        }

        return copy;
    }
}
