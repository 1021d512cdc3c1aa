using System.CommandLine;
using System.Globalization;
using LrDecay.Analysis;

namespace LrDecay.Cli;

/// <summary><c>lrdecay eval CONFIG --steps A:B[:STRIDE] [--format csv|json] [--metrics FILE]</c>: the learning rate at each step.</summary>
internal static class EvalCommand
{
    /// <summary>A plateau's rows tell the progress every this many steps.</summary>
    private const int ProgressInterval = 4096;

    public static Command Create(CliConsole console)
    {
        var config = new Argument<string>("CONFIG")
        {
            Description = "A JSON config file, inline JSON (starting with '{'), or - for stdin.",
        };
        var steps = new Option<string>("--steps")
        {
            Description = "The steps A:B[:STRIDE]: from A up to B exclusive, every STRIDE steps (default 1).",
            HelpName = "A:B[:STRIDE]",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "csv (step,lr) or json (an array of {\"step\",\"lr\"} objects).",
            DefaultValueFactory = _ => "csv",
        };
        format.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not "csv" and not "json")
            {
                result.AddError($"--format '{value}': use csv or json");
            }
        });
        var metrics = new Option<string?>("--metrics")
        {
            Description = "For a plateau schedule: a file of metrics, one per line; metric i is observed at the end of epoch i, so step t sees the first t metrics.",
            HelpName = "FILE",
        };

        var command = new Command("eval", "Print the learning rate at each step, with full round-trip precision.")
        {
            config,
            steps,
            format,
            metrics,
        };
        BudgetOptions budget = BudgetOptions.AddTo(command);
        command.SetAction(parseResult => Run(
            console,
            parseResult.GetRequiredValue(config),
            StepRange.Parse(parseResult.GetRequiredValue(steps)),
            parseResult.GetRequiredValue(format),
            parseResult.GetValue(metrics),
            budget.Read(parseResult)));
        return command;
    }

    private static int Run(CliConsole console, string configArgument, StepRange range, string format, string? metricsPath, TrainingBudget? budget)
    {
        ConfigSource config = ConfigSource.Load(configArgument, console.Input, budget);
        double[]? metrics = metricsPath is null ? null : MetricsFile.Load(metricsPath);
        if (metrics is not null && !MetricReplay.CanReplay(config.Schedule))
        {
            throw new UsageException($"--metrics needs a plateau schedule, but {config.Origin} is not one (its type is '{TypeOf(config.Schedule)}')");
        }

        var writer = new RowWriter(console.Output, format == "json");
        var progress = new ProgressReporter(console, "eval", range.Count);
        writer.Begin();
        if (metrics is not null)
        {
            WritePlateau(writer, progress, new MetricReplay(config.Schedule), metrics, range);
        }
        else
        {
            WriteClosedForm(writer, progress, config.Schedule, range);
        }

        writer.End();
        progress.Complete();
        return ExitCodes.Ok;
    }

    private static void WriteClosedForm(RowWriter writer, ProgressReporter progress, ILearningRateSchedule schedule, StepRange range)
    {
        var chunks = new RateChunks(schedule, range.Start, range.Count, range.Stride);
        while (chunks.MoveNext())
        {
            ReadOnlySpan<double> rates = chunks.Current;
            for (int i = 0; i < rates.Length; i++)
            {
                writer.Row(range.StepAt(chunks.Offset + i), rates[i]);
            }

            progress.Report(chunks.Offset + rates.Length);
        }
    }

    private static void WritePlateau(RowWriter writer, ProgressReporter progress, MetricReplay replay, double[] metrics, StepRange range)
    {
        // Step t sees the first t metrics (metric i ends epoch i), as a conformance case reads the lr after metric i at t = i + 1;
        // past the last metric the state holds.
        long count = range.Count;
        for (long i = 0; i < count; i++)
        {
            long step = range.StepAt(i);
            long due = Math.Min(step, metrics.Length);
            while (replay.Observed < due)
            {
                replay.Observe(metrics[replay.Observed]);
            }

            writer.Row(step, replay.GetLearningRate(step));
            if ((i & (ProgressInterval - 1)) == 0)
            {
                progress.Report(i);
            }
        }
    }

    /// <summary>The JSON type of <paramref name="schedule"/>, or its class name for a class from outside the library.</summary>
    private static string TypeOf(ILearningRateSchedule schedule) => ScheduleJson.TypeOf(schedule)?.Name ?? schedule.GetType().Name;

    /// <summary>Writes <c>step,lr</c> rows as CSV or JSON without allocating per row; lr in round-trip ("R") form, invariant culture.</summary>
    private sealed class RowWriter
    {
        private readonly TextWriter _output;
        private readonly bool _json;
        private readonly char[] _buffer = new char[96];
        private bool _first = true;

        public RowWriter(TextWriter output, bool json)
        {
            _output = output;
            _json = json;
        }

        public void Begin() => _output.Write(_json ? "[\n" : "step,lr\n");

        public void Row(long step, double lr)
        {
            Span<char> span = _buffer;
            int n = 0;
            if (_json)
            {
                if (!_first)
                {
                    span[n++] = ',';
                    span[n++] = '\n';
                }

                "{\"step\":".CopyTo(span[n..]);
                n += 8;
            }

            step.TryFormat(span[n..], out int written, default, CultureInfo.InvariantCulture);
            n += written;
            if (_json)
            {
                ",\"lr\":".CopyTo(span[n..]);
                n += 6;
            }
            else
            {
                span[n++] = ',';
            }

            lr.TryFormat(span[n..], out written, "R", CultureInfo.InvariantCulture);
            n += written;
            if (_json)
            {
                span[n++] = '}';
            }
            else
            {
                span[n++] = '\n';
            }

            _output.Write(span[..n]);
            _first = false;
        }

        public void End()
        {
            if (_json)
            {
                _output.Write(_first ? "]\n" : "\n]\n");
            }

            _output.Flush();
        }
    }
}
