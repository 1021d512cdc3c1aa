using System.CommandLine;
using System.Globalization;

namespace LrDecay.Cli;

/// <summary>
/// <c>lrdecay suggest LOSSES.csv [--method steepest|steepest-log|valley|minimum] [--beta B] [--divergence-factor F] [--skip-start N]
/// [--skip-end N] [-o FILE.png|FILE.svg]</c>: reads a recorded range test, prints the suggested learning rate and the method, and
/// optionally draws the loss against the lr.
/// </summary>
internal static class SuggestCommand
{
    private static readonly (string Name, FinderMethod Method)[] Methods =
    [
        ("steepest", FinderMethod.Steepest),
        ("steepest-log", FinderMethod.SteepestLogLr),
        ("valley", FinderMethod.Valley),
        ("minimum", FinderMethod.Minimum),
    ];

    public static string MethodName(FinderMethod method) => Methods.Single(m => m.Method == method).Name;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("LOSSES.csv")
        {
            Description = "The recorded range test: a CSV with the header 'lr,loss' or 'step,lr,loss' and one row per step (losses may be nan or inf).",
        };
        var method = new Option<string?>("--method")
        {
            Description = "steepest (default: the most negative unit-step gradient of the smoothed loss, as PyTorch Lightning), steepest-log (the gradient "
                + "against log10(lr)), valley (about halfway along fastai's longest decreasing subsequence) or minimum (the lr at the lowest smoothed loss, divided by 10).",
            HelpName = "METHOD",
        };
        var beta = new Option<string?>("--beta")
        {
            Description = $"The smoothing: a bias-corrected moving average with this weight of the past, in [0, 1) (default {Format(FinderOptions.DefaultBeta)}).",
            HelpName = "B",
        };
        var factor = new Option<string?>("--divergence-factor")
        {
            Description = $"The sweep diverged at the first smoothed loss above F times the lowest before it; F > 1, or inf to turn it off (default {Format(FinderOptions.DefaultDivergenceFactor)}).",
            HelpName = "F",
        };
        var skipStart = new Option<string?>("--skip-start")
        {
            Description = $"Points left out of the search at the start (default {FinderOptions.DefaultSkipStart}).",
            HelpName = "N",
        };
        var skipEnd = new Option<string?>("--skip-end")
        {
            Description = $"Points left out of the search at the end of the usable range (default {FinderOptions.DefaultSkipEnd}).",
            HelpName = "N",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "A chart to write, FILE.png or FILE.svg: the loss and the smoothed loss against the lr on a log axis, with the suggestion marked.",
            HelpName = "FILE",
        };

        var command = new Command("suggest", "Suggest a learning rate from a recorded range test (lr and loss per step).")
        {
            file,
            method,
            beta,
            factor,
            skipStart,
            skipEnd,
            output,
        };
        command.SetAction(parseResult => Run(
            console,
            parseResult.GetRequiredValue(file),
            Options(
                parseResult.GetValue(method),
                parseResult.GetValue(beta),
                parseResult.GetValue(factor),
                parseResult.GetValue(skipStart),
                parseResult.GetValue(skipEnd)),
            parseResult.GetValue(output)));
        return command;
    }

    private static int Run(CliConsole console, string path, FinderOptions options, string? output)
    {
        if (output is not null)
        {
            ImageChart.CheckOutput(output);
        }

        LossCurveFile curve = LossCurveFile.Load(path);
        FinderResult result;
        try
        {
            result = LearningRateFinder.Analyze(curve.Lrs, curve.Losses, options);
        }
        catch (ArgumentException ex)
        {
            // Too few rows for the skips, a divergence or non-finite loss too early, or lrs that do not increase for steepest-log.
            throw new UsageException($"{path}: {FirstSentence(ex.Message)} (an index counts the data rows from 0)", ex);
        }

        TextWriter o = console.Output;
        o.WriteLine($"suggested lr: {Format(result.SuggestedLearningRate)}");
        string at = result.Method == FinderMethod.Minimum
            ? $"a tenth of the lr at step {curve.Steps[result.SuggestedIndex]}, the lowest smoothed loss"
            : $"the lr at step {curve.Steps[result.SuggestedIndex]}";
        o.WriteLine($"method: {MethodName(result.Method)} ({at})");
        o.WriteLine(UsableLine(curve, result));
        if (output is not null)
        {
            try
            {
                FinderChart.Save(output, curve, result, options.Beta);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"-o: cannot write {output}: {ex.Message}", ex);
            }

            o.WriteLine($"wrote {output}");
        }

        o.Flush();
        return ExitCodes.Ok;
    }

    private static string UsableLine(LossCurveFile curve, FinderResult result)
    {
        string end = result.DivergedIndex is int d
            ? $"diverged at step {curve.Steps[d]}"
            : result.NonFiniteLossIndex is int n
                ? $"loss {Format(curve.Losses[n])} at step {curve.Steps[n]}"
                : "did not diverge";
        return $"sweep: {curve.Lrs.Length} steps, {end}; searched steps {curve.Steps[result.SearchStart]} to {curve.Steps[result.SearchEnd - 1]}";
    }

    private static FinderOptions Options(string? method, string? beta, string? factor, string? skipStart, string? skipEnd)
    {
        FinderMethod m = FinderMethod.Steepest;
        if (method is not null)
        {
            int found = Array.FindIndex(Methods, x => x.Name == method);
            if (found < 0)
            {
                throw new UsageException($"--method '{method}': must be {string.Join(", ", Methods.Take(Methods.Length - 1).Select(x => x.Name))} or {Methods[^1].Name}");
            }

            m = Methods[found].Method;
        }

        double b = ParseDouble("--beta", beta, FinderOptions.DefaultBeta);
        if (!(b >= 0 && b < 1))
        {
            throw new UsageException($"--beta {beta}: must be in [0, 1)");
        }

        double f = ParseDouble("--divergence-factor", factor, FinderOptions.DefaultDivergenceFactor);
        if (!(f > 1))
        {
            throw new UsageException($"--divergence-factor {factor}: must be greater than 1 (or inf)");
        }

        return new FinderOptions(m, b, f, ParseCount("--skip-start", skipStart, FinderOptions.DefaultSkipStart), ParseCount("--skip-end", skipEnd, FinderOptions.DefaultSkipEnd));
    }

    private static double ParseDouble(string option, string? text, double fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (text.Equals("inf", StringComparison.OrdinalIgnoreCase) || text.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return double.PositiveInfinity;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsNaN(value))
        {
            throw new UsageException($"{option} '{text}': not a number");
        }

        return value;
    }

    private static int ParseCount(string option, string? text, int fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            throw new UsageException($"{option} '{text}': must be a whole number >= 0");
        }

        return value;
    }

    private static string FirstSentence(string message)
    {
        // ArgumentException appends " (Parameter 'x')" and the value on further lines.
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.');
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
