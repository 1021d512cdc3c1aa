using TorchSharp;

namespace LrDecay.TorchSharp.Internal;

/// <summary>
/// The rates an optimizer's parameter groups get from one schedule per group or from one schedule for all, and the momentum
/// (SGD and RMSprop's momentum, Adam's beta1) they get from a momentum schedule; validated once, applied every step.
/// </summary>
internal sealed class GroupRates
{
    private readonly torch.optim.Optimizer _optimizer;
    private readonly ILearningRateSchedule[] _schedules;
    private readonly double[] _ratios;
    private readonly ILearningRateSchedule? _momentum;

    private GroupRates(torch.optim.Optimizer optimizer, ILearningRateSchedule[] schedules, double[] ratios, ILearningRateSchedule? momentum)
    {
        _optimizer = optimizer;
        _schedules = schedules;
        _ratios = ratios;
        _momentum = momentum;
    }

    internal int Count => _schedules.Length;

    /// <summary>One schedule for every group, the same rate or the initial ratios kept.</summary>
    internal static GroupRates Of(torch.optim.Optimizer? optimizer, ILearningRateSchedule? schedule, GroupRateMode mode, ILearningRateSchedule? momentum)
    {
        torch.optim.ILearningRateController[] groups = GroupsOf(optimizer);
        if (schedule is null)
        {
            throw new ArgumentNullException(nameof(schedule));
        }

        double[] ratios = new double[groups.Length];
        for (int i = 0; i < groups.Length; i++)
        {
            ratios[i] = 1.0;
        }

        if (mode == GroupRateMode.KeepInitialRatios)
        {
            double first = groups[0].InitialLearningRate;
            if (!(first > 0.0) || double.IsInfinity(first))
            {
                throw new ArgumentException(
                    $"mode KeepInitialRatios needs the first parameter group's initial learning rate to be finite and greater than '0', got '{first.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}'.",
                    nameof(mode));
            }

            for (int i = 0; i < groups.Length; i++)
            {
                ratios[i] = groups[i].InitialLearningRate / first;
            }
        }
        else if (mode != GroupRateMode.Same)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode ('{mode}') must be 'Same' or 'KeepInitialRatios'.");
        }

        CheckMomentum(groups, momentum);
        ILearningRateSchedule[] schedules = new ILearningRateSchedule[groups.Length];
        for (int i = 0; i < schedules.Length; i++)
        {
            schedules[i] = schedule;
        }

        return new GroupRates(optimizer!, schedules, ratios, momentum);
    }

    /// <summary>One schedule per group, in the order of <c>optimizer.ParamGroups</c>.</summary>
    internal static GroupRates PerGroup(torch.optim.Optimizer? optimizer, IReadOnlyList<ILearningRateSchedule>? schedules, ILearningRateSchedule? momentum)
    {
        torch.optim.ILearningRateController[] groups = GroupsOf(optimizer);
        if (schedules is null)
        {
            throw new ArgumentNullException(nameof(schedules));
        }

        if (schedules.Count != groups.Length)
        {
            throw new ArgumentException(
                $"schedules has {schedules.Count} schedules for {groups.Length} parameter groups: give one schedule per group, in the order of optimizer.ParamGroups.",
                nameof(schedules));
        }

        ILearningRateSchedule[] copy = new ILearningRateSchedule[groups.Length];
        double[] ratios = new double[groups.Length];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = schedules[i] ?? throw new ArgumentNullException(nameof(schedules), $"schedules[{i}] is null.");
            ratios[i] = 1.0;
        }

        CheckMomentum(groups, momentum);
        return new GroupRates(optimizer!, copy, ratios, momentum);
    }

    /// <summary>The rate of group <paramref name="group"/> at <paramref name="step"/>.</summary>
    internal double RateOf(int group, long step) => _schedules[group].GetLearningRate(step) * _ratios[group];

    /// <summary>The rate of group <paramref name="group"/> in a plateau state (the plateau's reductions applied to its base).</summary>
    internal double RateOf(int group, PlateauSchedule plateau, PlateauState state, long step) => plateau.GetLearningRate(state, step) * _ratios[group];

    /// <summary>Sets every group's learning rate (and momentum, if any) for <paramref name="step"/>; returns the first group's rate.</summary>
    internal double Apply(long step, PlateauSchedule? plateau = null, PlateauState state = default)
    {
        double first = 0.0;
        int i = 0;
        foreach (torch.optim.ILearningRateController group in _optimizer.ParamGroups)
        {
            double lr = plateau is null ? RateOf(i, step) : RateOf(i, plateau, state, step);
            group.LearningRate = lr;
            if (i == 0)
            {
                first = lr;
            }

            i++;
        }

        ApplyMomentum(step);
        return first;
    }

    /// <summary>Sets every group's momentum (SGD, RMSprop) or beta1 (the Adam family) from the momentum schedule, if any.</summary>
    internal void ApplyMomentum(long step)
    {
        if (_momentum is null)
        {
            return;
        }

        double momentum = _momentum.GetLearningRate(step);
        foreach (torch.optim.ILearningRateController group in _optimizer.ParamGroups)
        {
            SetMomentum(group, momentum);
        }
    }

    internal static void SetMomentum(torch.optim.ILearningRateController group, double momentum)
    {
        switch (group)
        {
            case torch.optim.IMomentum withMomentum:
                withMomentum.Momentum = momentum;
                break;
            case torch.optim.IBetas withBetas:
                withBetas.Betas = (momentum, withBetas.Betas.Item2);
                break;
        }
    }

    /// <summary>The optimizer's parameter groups, at least one.</summary>
    internal static torch.optim.ILearningRateController[] GroupsOf(torch.optim.Optimizer? optimizer)
    {
        if (optimizer is null)
        {
            throw new ArgumentNullException(nameof(optimizer));
        }

        torch.optim.ILearningRateController[] groups = optimizer.ParamGroups.ToArray();
        if (groups.Length == 0)
        {
            throw new ArgumentException("optimizer has no parameter groups.", nameof(optimizer));
        }

        return groups;
    }

    /// <summary>A momentum schedule needs groups with a momentum (SGD, RMSprop) or betas (Adam, AdamW, ...).</summary>
    internal static void CheckMomentum(torch.optim.ILearningRateController[] groups, ILearningRateSchedule? momentum)
    {
        if (momentum is null)
        {
            return;
        }

        foreach (torch.optim.ILearningRateController group in groups)
        {
            if (group is not (torch.optim.IMomentum or torch.optim.IBetas))
            {
                throw new ArgumentException(
                    $"momentum: the optimizer's parameter group type {group.GetType().Name} has neither a momentum (SGD, RMSprop) nor betas (Adam, AdamW, ...) to set.",
                    nameof(momentum));
            }
        }
    }
}
