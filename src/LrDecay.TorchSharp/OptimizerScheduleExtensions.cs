using LrDecay.TorchSharp.Internal;
using TorchSharp;

namespace LrDecay.TorchSharp;

/// <summary>
/// Direct use of LrDecay schedules in a TorchSharp training loop: one call per step sets every parameter group's learning rate,
/// and optionally SGD's momentum or Adam's beta1, from schedules at that step.
/// </summary>
/// <example>
/// <code>
/// var schedule = Schedules.Cosine(initialLr: 0.1, decaySteps: 10_000).WithWarmup(500);
/// for (long step = startStep; step &lt; totalSteps; step++)
/// {
///     optimizer.SetLearningRate(schedule, step);
///     // forward, loss.backward(), optimizer.step(), optimizer.zero_grad()
/// }
/// </code>
/// </example>
public static class OptimizerScheduleExtensions
{
    /// <summary>
    /// Sets the learning rate of every parameter group of <paramref name="optimizer"/> to <c>schedule(step)</c> (or keeps the ratios
    /// of the groups' initial rates, with <see cref="GroupRateMode.KeepInitialRatios"/>), and, when <paramref name="momentum"/> is
    /// given, every group's momentum (SGD, RMSprop) or beta1 (Adam, AdamW, ...) to <c>momentum(step)</c>.
    /// </summary>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="schedule">The learning-rate schedule.</param>
    /// <param name="step">The step about to be taken (0-based). Range: <c>&gt;= 0</c>.</param>
    /// <param name="momentum">A momentum schedule (for example PyTorch's one-cycle momentum), or null to leave momentum alone.</param>
    /// <param name="mode">How one schedule sets several groups. Default <see cref="GroupRateMode.Same"/>.</param>
    /// <returns>The learning rate set on the first parameter group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="optimizer"/> or <paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The optimizer has no parameter group; <paramref name="momentum"/> is given but a group has neither momentum nor betas; or
    /// <see cref="GroupRateMode.KeepInitialRatios"/> with a first group whose initial rate is not positive.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public static double SetLearningRate(
        this torch.optim.Optimizer optimizer,
        ILearningRateSchedule schedule,
        long step,
        ILearningRateSchedule? momentum = null,
        GroupRateMode mode = GroupRateMode.Same)
    {
        GroupRates rates = GroupRates.Of(optimizer, schedule, mode, momentum);
        CheckStep(step);
        return rates.Apply(step);
    }

    /// <summary>
    /// Sets the learning rate of parameter group <c>i</c> of <paramref name="optimizer"/> to <c>schedules[i](step)</c>, and, when
    /// <paramref name="momentum"/> is given, every group's momentum or beta1 to <c>momentum(step)</c>.
    /// </summary>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="schedules">One schedule per parameter group, in the order of <c>optimizer.ParamGroups</c>.</param>
    /// <param name="step">The step about to be taken (0-based). Range: <c>&gt;= 0</c>.</param>
    /// <param name="momentum">A momentum schedule, or null to leave momentum alone.</param>
    /// <exception cref="ArgumentNullException"><paramref name="optimizer"/>, <paramref name="schedules"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">The number of schedules differs from the number of parameter groups, or a momentum schedule is given for groups without momentum or betas.</exception>
    /// <returns>The learning rate set on the first parameter group, as <see cref="SetLearningRate"/> returns it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public static double SetLearningRates(
        this torch.optim.Optimizer optimizer, IReadOnlyList<ILearningRateSchedule> schedules, long step, ILearningRateSchedule? momentum = null)
    {
        GroupRates rates = GroupRates.PerGroup(optimizer, schedules, momentum);
        CheckStep(step);
        return rates.Apply(step);
    }

    /// <summary>Sets every parameter group's momentum (SGD, RMSprop) or beta1 (Adam, AdamW, ...) to <c>momentum(step)</c>.</summary>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="momentum">The momentum schedule.</param>
    /// <param name="step">The step about to be taken (0-based). Range: <c>&gt;= 0</c>.</param>
    /// <returns>The momentum set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="optimizer"/> or <paramref name="momentum"/> is null.</exception>
    /// <exception cref="ArgumentException">A parameter group has neither momentum nor betas.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public static double SetMomentum(this torch.optim.Optimizer optimizer, ILearningRateSchedule momentum, long step)
    {
        torch.optim.ILearningRateController[] groups = GroupRates.GroupsOf(optimizer);
        if (momentum is null)
        {
            throw new ArgumentNullException(nameof(momentum));
        }

        GroupRates.CheckMomentum(groups, momentum);
        CheckStep(step);
        double value = momentum.GetLearningRate(step);
        foreach (torch.optim.ILearningRateController group in groups)
        {
            GroupRates.SetMomentum(group, value);
        }

        return value;
    }

    private static void CheckStep(long step)
    {
        if (step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step ('{step}') must be a non-negative value.");
        }
    }
}
