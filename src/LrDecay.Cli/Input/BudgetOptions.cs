using System.CommandLine;
using System.Globalization;

namespace LrDecay.Cli;

/// <summary>
/// The training-budget options a command takes to resolve step counts written in units (<c>{"epochs": 3}</c>, <c>{"fraction": 0.1}</c>):
/// <c>--total-steps</c>, <c>--steps-per-epoch</c>, <c>--samples-per-step</c> and <c>--tokens-per-step</c>. A command creates them with
/// <see cref="Create"/>, adds them with <see cref="AddTo"/> and reads the budget with <see cref="Read"/>.
/// </summary>
internal sealed class BudgetOptions
{
    private BudgetOptions()
    {
        TotalSteps = Make("--total-steps", "The steps of the whole run; resolves {\"fraction\": x} in the config.");
        StepsPerEpoch = Make("--steps-per-epoch", "The steps of one epoch; resolves {\"epochs\": x} in the config.");
        SamplesPerStep = Make("--samples-per-step", "The samples of one step (the effective batch over every device); resolves {\"samples\": x}.");
        TokensPerStep = Make("--tokens-per-step", "The tokens of one step; resolves {\"tokens\": x} in the config.");
    }

    /// <summary><c>--total-steps N</c> (a command that needs it sets <see cref="Option.Required"/>).</summary>
    public Option<string?> TotalSteps { get; }

    /// <summary><c>--steps-per-epoch N</c>.</summary>
    public Option<string?> StepsPerEpoch { get; }

    /// <summary><c>--samples-per-step N</c>.</summary>
    public Option<string?> SamplesPerStep { get; }

    /// <summary><c>--tokens-per-step N</c>.</summary>
    public Option<string?> TokensPerStep { get; }

    /// <summary>Every option, in the order help lists them.</summary>
    public IReadOnlyList<Option<string?>> All => [TotalSteps, StepsPerEpoch, SamplesPerStep, TokensPerStep];

    /// <summary>Creates the four options (each command has its own instances).</summary>
    /// <returns>The options.</returns>
    public static BudgetOptions Create() => new();

    /// <summary>Creates the four options and adds them to <paramref name="command"/>.</summary>
    /// <param name="command">The command that takes a budget.</param>
    /// <returns>The options, for <see cref="Read"/>.</returns>
    public static BudgetOptions AddTo(Command command)
    {
        BudgetOptions options = Create();
        foreach (Option<string?> option in options.All)
        {
            command.Options.Add(option);
        }

        return options;
    }

    /// <summary>The budget the options give, or null when none is given.</summary>
    /// <param name="parseResult">The command line parsed.</param>
    /// <returns>The budget, or null.</returns>
    /// <exception cref="UsageException">A value is not a whole number &gt; 0; the message names the option and the value.</exception>
    public TrainingBudget? Read(ParseResult parseResult)
    {
        long? total = Parse(TotalSteps, parseResult);
        long? perEpoch = Parse(StepsPerEpoch, parseResult);
        long? samples = Parse(SamplesPerStep, parseResult);
        long? tokens = Parse(TokensPerStep, parseResult);
        return total is null && perEpoch is null && samples is null && tokens is null
            ? null
            : new TrainingBudget(total, perEpoch, samples, tokens);
    }

    /// <summary>
    /// For a config error about a unit whose budget field is missing (<see cref="ScheduleConfigException.MissingBudgetField"/>), the
    /// option that gives the field: <c> (give --steps-per-epoch)</c>; otherwise empty.
    /// </summary>
    /// <param name="ex">The config error.</param>
    /// <returns>The hint, with a leading space, or empty.</returns>
    public static string HintFor(ScheduleConfigException ex) => ex.MissingBudgetField switch
    {
        "totalSteps" => " (give --total-steps)",
        "stepsPerEpoch" => " (give --steps-per-epoch)",
        "samplesPerStep" => " (give --samples-per-step)",
        "tokensPerStep" => " (give --tokens-per-step)",
        _ => string.Empty,
    };

    private static Option<string?> Make(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
    };

    private static long? Parse(Option<string?> option, ParseResult parseResult)
    {
        string? text = parseResult.GetValue(option);
        if (text is null)
        {
            return null;
        }

        string digits = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw new UsageException($"{option.Name} '{text}': not a whole number (a 64-bit integer; digits may be grouped with _)");
        }

        if (value <= 0)
        {
            throw new UsageException($"{option.Name} {value}: must be greater than 0");
        }

        return value;
    }
}
