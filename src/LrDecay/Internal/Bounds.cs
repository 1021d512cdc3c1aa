namespace LrDecay.Internal;

/// <summary>
/// The largest learning rate a schedule of this library can produce, from its settings alone, so the composites that multiply
/// (<see cref="ScaleSchedule"/>, <see cref="ChainSchedule"/>) can reject a config that would overflow. NaN when unknown (a schedule
/// type from outside the library): then no check is made. Scale and chain keep the bound they checked, so a nest of them is walked
/// once, not once per level.
/// </summary>
internal static class Bounds
{
    internal static double Max(ILearningRateSchedule schedule) => schedule switch
    {
        ConstantSchedule s => s.Lr,
        StepSchedule s => s.InitialLr,
        MultiStepSchedule s => s.InitialLr,
        PiecewiseConstantSchedule s => MaxOf(s.Values),
        ExponentialSchedule s => s.InitialLr,
        InverseTimeSchedule s => s.InitialLr,
        PolynomialSchedule s => Math.Max(s.InitialLr, s.EndLr),
        CosineSchedule s => Math.Max(s.InitialLr, s.MinLr),
        CosineRestartsSchedule s => Math.Max(s.InitialLr, s.MinLr),
        LinearSchedule s => Math.Max(s.StartLr, s.EndLr),
        OneCycleSchedule s => Math.Max(s.MaxLr, Math.Max(s.InitialLr, s.FinalLr)),
        CyclicSchedule s => Math.Max(s.BaseLr, s.MaxLr),
        InverseSqrtSchedule s => s.InitialLr,
        WarmupStableDecaySchedule s => s.InitialLr,
        WarmupSchedule s => Math.Max(s.StartLr, Max(s.Schedule)),
        SequenceSchedule s => MaxOf(s.Schedules),
        ChainSchedule s => s.Reach,
        ScaleSchedule s => s.Reach,
        ClampSchedule s => Clamp(Max(s.Schedule), s.MinLr, s.MaxLr),
        PerEpochSchedule s => Max(s.Schedule),
        PlateauSchedule s => Math.Max(s.BaseSchedule is null ? s.InitialLr : Max(s.BaseSchedule), s.MinLr),
        _ => double.NaN,
    };

    /// <summary><c>max(s0) * prod over i &gt;= 1 of max(s_i) / s_i(0)</c>.</summary>
    internal static double ChainMax(IReadOnlyList<ILearningRateSchedule> schedules)
    {
        double bound = Max(schedules[0]);
        for (int i = 1; i < schedules.Count; i++)
        {
            bound *= Max(schedules[i]) / schedules[i].GetLearningRate(0);
        }

        return bound;
    }

    private static double Clamp(double inner, double minLr, double maxLr) =>
        double.IsNaN(inner) ? (double.IsInfinity(maxLr) ? double.NaN : maxLr) : Math.Min(Math.Max(inner, minLr), maxLr);

    private static double MaxOf(IReadOnlyList<double> values)
    {
        double max = 0.0;
        for (int i = 0; i < values.Count; i++)
        {
            max = Math.Max(max, values[i]);
        }

        return max;
    }

    private static double MaxOf(IReadOnlyList<ILearningRateSchedule> schedules)
    {
        double max = 0.0;
        for (int i = 0; i < schedules.Count; i++)
        {
            max = Math.Max(max, Max(schedules[i]));
        }

        return max;
    }
}
