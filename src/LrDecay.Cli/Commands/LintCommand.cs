using System.CommandLine;
using System.Globalization;
using LrDecay.Analysis;

namespace LrDecay.Cli;

/// <summary><c>lrdecay lint CONFIG --total-steps N</c>: evaluates the whole run and reports what does not fit it, one finding a line.</summary>
internal static class LintCommand
{
    public static Command Create(CliConsole console)
    {
        var config = new Argument<string>("CONFIG")
        {
            Description = "A JSON config file, inline JSON (starting with '{'), or - for stdin.",
        };
        var totalSteps = new Option<string>("--total-steps")
        {
            Description = "The run's length N: it trains steps 0 .. N-1. Digits may be grouped with _ (1_000_000).",
            HelpName = "N",
            Required = true,
        };
        var defaults = new LintOptions();
        var flat = Threshold("--flat-fraction", defaults.FlatFraction, "Report a flat tail after a decay that covers more than this fraction of the run (1: off).");
        var decayLeft = Threshold(
            "--decay-left", defaults.DecayLeft, "Report a decay with more than this fraction of it (from the run's peak to the schedule's end value) left at the last step (1: off).");
        var zero = Threshold("--zero-fraction", defaults.ZeroFraction, "Report a rate of 0 on more than this fraction of the steps (1: off).");
        var jump = Threshold("--jump", defaults.Jump, "Report a rise by more than this factor from one step to the next where a sequence hands over (Infinity: off).");
        var warmup = Threshold("--warmup-fraction", defaults.WarmupFraction, "Report a rise to the peak that takes more than this fraction of the run (1: off).");

        var command = new Command("lint", "Evaluate every step of a run and report what does not fit it: exit 0 clean, 1 with findings.")
        {
            config,
            totalSteps,
            flat,
            decayLeft,
            zero,
            jump,
            warmup,
        };

        // The other budget fields, for step counts written in epochs, samples or tokens; the run's length is the budget's total.
        BudgetOptions units = BudgetOptions.Create();
        command.Options.Add(units.StepsPerEpoch);
        command.Options.Add(units.SamplesPerStep);
        command.Options.Add(units.TokensPerStep);
        command.SetAction(parseResult =>
        {
            var options = new LintOptions
            {
                FlatFraction = Fraction(parseResult, flat, allowZero: false),
                DecayLeft = Fraction(parseResult, decayLeft, allowZero: false),
                ZeroFraction = Fraction(parseResult, zero, allowZero: true),
                Jump = Factor(parseResult, jump),
                WarmupFraction = Fraction(parseResult, warmup, allowZero: false),
            };
            long n = ParseSteps(parseResult.GetRequiredValue(totalSteps));
            TrainingBudget? given = units.Read(parseResult);
            var budget = new TrainingBudget(n, given?.StepsPerEpoch, given?.SamplesPerStep, given?.TokensPerStep);
            return Run(console, parseResult.GetRequiredValue(config), n, options, budget);
        });
        return command;
    }

    /// <summary>Parses <c>--total-steps</c>: a whole number &gt; 0, digits optionally grouped with <c>_</c>.</summary>
    public static long ParseSteps(string text)
    {
        string digits = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
        {
            throw new UsageException($"--total-steps '{text}': not a whole number");
        }

        if (n <= 0)
        {
            throw new UsageException($"--total-steps '{text}': the run needs at least 1 step");
        }

        return n;
    }

    private static int Run(CliConsole console, string configArgument, long totalSteps, LintOptions options, TrainingBudget budget)
    {
        ConfigSource source = ConfigSource.Load(configArgument, console.Input, budget);
        if (ScheduleStructure.DependsOnMetric(source.Schedule))
        {
            throw new UsageException(
                $"{source.Origin}: lint evaluates a schedule of the step alone, and a plateau's reductions depend on the metrics of the run");
        }

        var progress = new ProgressReporter(console, "lint", totalSteps);
        IReadOnlyList<LintFinding> findings = ScheduleLint.Check(source.Schedule, totalSteps, options, progress);
        progress.Complete();
        foreach (LintFinding finding in findings)
        {
            console.Output.WriteLine(finding.ToString());
        }

        console.Output.WriteLine(findings.Count == 0
            ? $"ok: no findings over {totalSteps} steps"
            : $"{findings.Count} finding{(findings.Count == 1 ? string.Empty : "s")} over {totalSteps} steps");
        console.Output.Flush();
        return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }

    private static Option<double> Threshold(string name, double defaultValue, string description) => new(name)
    {
        Description = description,
        HelpName = name == "--jump" ? "FACTOR" : "FRACTION",
        DefaultValueFactory = _ => defaultValue,
    };

    private static double Fraction(ParseResult parseResult, Option<double> option, bool allowZero)
    {
        double value = parseResult.GetRequiredValue(option);
        if (!(value <= 1.0 && (allowZero ? value >= 0.0 : value > 0.0)))
        {
            throw new UsageException($"{option.Name} {Text(value)}: use a fraction in {(allowZero ? "[0, 1]" : "(0, 1]")}");
        }

        return value;
    }

    private static double Factor(ParseResult parseResult, Option<double> option)
    {
        double value = parseResult.GetRequiredValue(option);
        if (!(value >= 1.0))
        {
            throw new UsageException($"{option.Name} {Text(value)}: use a factor >= 1 (Infinity switches the check off)");
        }

        return value;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
