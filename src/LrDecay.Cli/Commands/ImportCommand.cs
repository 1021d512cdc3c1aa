using System.CommandLine;
using System.Globalization;
using LrDecay.Import;

namespace LrDecay.Cli;

/// <summary>
/// <c>lrdecay import SOURCE [--from keras|pytorch|huggingface|timm] [--batches-per-epoch N] [--world-size N] [--optimizer FILE]
/// [--class NAME] [--precision float64|float32] [--state-out FILE]</c>: another tool's schedule settings as an LrDecay config.
/// stdout gets the config JSON and nothing else; stderr one line per derived fact.
/// </summary>
internal static class ImportCommand
{
    private const long MaxFileBytes = 16L << 20;

    public static Command Create(CliConsole console)
    {
        var source = new Argument<string>("SOURCE")
        {
            Description = "The file: a Keras schedule, optimizer or model config (.json, .keras), a PyTorch scheduler state_dict (torch.save or JSON), "
                + "Hugging Face TrainingArguments (JSON), or timm's args.yaml.",
        };
        var from = new Option<string?>("--from")
        {
            Description = "The tool that wrote SOURCE: keras, pytorch, huggingface or timm (default: told from the content).",
            HelpName = "TOOL",
        };
        from.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string?>();
            if (value is not null && ParseSource(value) is null)
            {
                result.AddError($"--from '{value}': use keras, pytorch, huggingface or timm");
            }
        });
        var batches = new Option<long?>("--batches-per-epoch")
        {
            Description = "The length of one process's training dataloader (Hugging Face without max_steps; timm).",
            HelpName = "N",
        };
        var worldSize = new Option<long?>("--world-size")
        {
            Description = "The number of training processes (timm, for a learning rate scaled from lr_base). Default 1.",
            HelpName = "N",
        };
        var optimizer = new Option<string?>("--optimizer")
        {
            Description = "The optimizer's state_dict (torch.save or JSON): PyTorch OneCycleLR keeps max_lr, initial_lr and min_lr there.",
            HelpName = "FILE",
        };
        var className = new Option<string?>("--class")
        {
            Description = "The PyTorch scheduler class when the state_dict's keys do not tell it (for example StepLR).",
            HelpName = "NAME",
        };
        var precision = new Option<string?>("--precision")
        {
            Description = "Keras only: float32 (default, as Keras computes) or float64.",
            HelpName = "float64|float32",
        };
        precision.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string?>();
            if (value is not null and not "float32" and not "float64")
            {
                result.AddError($"--precision '{value}': use float64 or float32");
            }
        });
        var stateOut = new Option<string?>("--state-out")
        {
            Description = "PyTorch ReduceLROnPlateau: write the live plateau state (best, bad epochs, reductions) to FILE, as ScheduleJson.SerializeState writes it.",
            HelpName = "FILE",
        };

        var command = new Command("import", "Turn a Keras, PyTorch, Hugging Face or timm schedule into an LrDecay config (stdout); derived facts go to stderr.")
        {
            source, from, batches, worldSize, optimizer, className, precision, stateOut,
        };
        command.SetAction(parseResult => Run(
            console,
            parseResult.GetRequiredValue(source),
            parseResult.GetValue(from) is string f ? ParseSource(f) : null,
            parseResult.GetValue(batches),
            parseResult.GetValue(worldSize),
            parseResult.GetValue(optimizer),
            parseResult.GetValue(className),
            parseResult.GetValue(precision),
            parseResult.GetValue(stateOut)));
        return command;
    }

    private static int Run(
        CliConsole console, string sourcePath, ImportSource? from, long? batches, long? worldSize, string? optimizerPath, string? className, string? precision, string? stateOut)
    {
        if (batches is <= 0)
        {
            throw new UsageException($"--batches-per-epoch {batches}: must be at least 1");
        }

        if (worldSize is <= 0)
        {
            throw new UsageException($"--world-size {worldSize}: must be at least 1");
        }

        byte[] content = ReadFile(sourcePath, "SOURCE");
        ImportResult result;
        try
        {
            ImportSource source = from ?? ScheduleImport.Detect(content);
            if (precision is not null && source != ImportSource.Keras)
            {
                throw new UsageException($"--precision applies to Keras imports only, and '{sourcePath}' is a {Name(source)} file");
            }

            if (optimizerPath is not null && source != ImportSource.PyTorch)
            {
                throw new UsageException($"--optimizer applies to PyTorch imports only, and '{sourcePath}' is a {Name(source)} file");
            }

            if (className is not null && source != ImportSource.PyTorch)
            {
                throw new UsageException($"--class applies to PyTorch imports only, and '{sourcePath}' is a {Name(source)} file");
            }

            var options = new ImportOptions
            {
                BatchesPerEpoch = batches,
                WorldSize = worldSize ?? 1,
                OptimizerState = optimizerPath is null ? null : ReadFile(optimizerPath, "--optimizer"),
                ClassName = className,
                Precision = precision switch
                {
                    "float32" => Precision.Float32,
                    "float64" => Precision.Float64,
                    _ => null,
                },
            };
            result = ScheduleImport.Import(content, source, options);
        }
        catch (ScheduleImportException ex)
        {
            throw new UsageException($"import {sourcePath}: {ex.Message}");
        }

        if (stateOut is not null)
        {
            if (result.PlateauState is not PlateauState state)
            {
                throw new UsageException($"--state-out needs a plateau scheduler's saved state (PyTorch ReduceLROnPlateau), and '{sourcePath}' holds none");
            }

            File.WriteAllText(stateOut, ScheduleJson.SerializeState(state) + "\n");
        }

        string json = ScheduleJson.Serialize(result.Schedule, indented: true);
        foreach (string fact in result.Facts)
        {
            console.Error.WriteLine(fact);
        }

        console.Output.WriteLine(json);
        console.Output.Flush();
        return ExitCodes.Ok;
    }

    private static byte[] ReadFile(string path, string what)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new UsageException($"{what} '{path}': no such file");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new UsageException($"{what} '{path}': {info.Length.ToString(CultureInfo.InvariantCulture)} bytes, over the {MaxFileBytes} bytes an import reads");
        }

        return File.ReadAllBytes(path);
    }

    private static ImportSource? ParseSource(string value) => value switch
    {
        "keras" => ImportSource.Keras,
        "pytorch" => ImportSource.PyTorch,
        "huggingface" => ImportSource.HuggingFace,
        "timm" => ImportSource.Timm,
        _ => null,
    };

    private static string Name(ImportSource source) => source switch
    {
        ImportSource.Keras => "Keras",
        ImportSource.PyTorch => "PyTorch",
        ImportSource.HuggingFace => "Hugging Face",
        _ => "timm",
    };
}
