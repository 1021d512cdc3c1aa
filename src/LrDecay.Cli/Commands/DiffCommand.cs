using System.CommandLine;
using System.Globalization;
using LrDecay.Analysis;

namespace LrDecay.Cli;

/// <summary><c>lrdecay diff A B --steps A:B</c>: whether two configs give the same rates, bit for bit, over a range of steps.</summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var first = new Argument<string>("A")
        {
            Description = "The first config: a JSON file, inline JSON (starting with '{'), or - for stdin.",
        };
        var second = new Argument<string>("B")
        {
            Description = "The second config, in the same forms (only one of the two may be -).",
        };
        var steps = new Option<string>("--steps")
        {
            Description = "The steps A:B to compare: from A up to B exclusive.",
            HelpName = "A:B",
            Required = true,
        };
        var command = new Command("diff", "Compare two configs step by step, bit for bit: exit 0 identical, 1 different.")
        {
            first,
            second,
            steps,
        };
        command.SetAction(parseResult => Run(
            console,
            parseResult.GetRequiredValue(first),
            parseResult.GetRequiredValue(second),
            StepRange.Parse(parseResult.GetRequiredValue(steps), allowStride: false)));
        return command;
    }

    private static int Run(CliConsole console, string firstArgument, string secondArgument, StepRange range)
    {
        if (firstArgument == "-" && secondArgument == "-")
        {
            throw new UsageException("diff: only one of A and B can be read from stdin (-)");
        }

        ConfigSource a = ConfigSource.Load(firstArgument, console.Input);
        ConfigSource b = ConfigSource.Load(secondArgument, console.Input);
        foreach (ConfigSource source in new[] { a, b })
        {
            if (ScheduleStructure.DependsOnMetric(source.Schedule))
            {
                throw new UsageException(
                    $"{source.Origin}: diff compares schedules of the step alone, and a plateau's reductions depend on the metrics of the run");
            }
        }

        var progress = new ProgressReporter(console, "diff", range.Count);
        DiffResult result = ScheduleDiff.Compare(a.Schedule, b.Schedule, range.Start, range.End, progress);
        progress.Complete();
        TextWriter output = console.Output;
        string over = $"[{range.Start}, {range.End})";
        if (result.First is null)
        {
            output.WriteLine($"identical over {over}");
            output.Flush();
            return ExitCodes.Ok;
        }

        output.WriteLine($"different over {over}: {result.Differing} of {range.Count} steps differ");
        output.WriteLine($"first difference at step {result.First.Step}: A {Rate(result.First.A)}, B {Rate(result.First.B)}");
        DiffPoint largest = result.Largest!;
        output.WriteLine(
            $"largest relative difference {largest.Relative.ToString("G3", CultureInfo.InvariantCulture)} at step {largest.Step}: "
                + $"A {Rate(largest.A)}, B {Rate(largest.B)}");
        output.Flush();
        return ExitCodes.CheckFailed;
    }

    private static string Rate(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
