namespace LrDecay.Import;

/// <summary>
/// Turns another tool's saved schedule settings into an LrDecay schedule: Keras schedules and optimizer configs, PyTorch scheduler
/// state_dicts, Hugging Face <c>TrainingArguments</c> and timm's <c>args.yaml</c>. Step <c>t</c> of the result is the rate the tool's own
/// training loop applies to optimizer update <c>t</c> (0-based): Keras <c>schedule(optimizer.iterations)</c>; PyTorch and Hugging Face
/// the param group's lr after <c>t</c> calls of <c>scheduler.step()</c>; timm <c>_get_lr(t)</c> with <c>sched_on_updates</c>, else
/// <c>_get_lr(floor(t / updates_per_epoch))</c>.
/// </summary>
/// <remarks>
/// Nothing in a file is run: pickles are read as data (tensors passed over), JSON and YAML as values, each within a size limit
/// (16 MiB) and nesting limit (64). A file LrDecay cannot reproduce exactly is refused with a
/// <see cref="ScheduleImportException"/> whose one-line message names the class, key or value and why.
/// </remarks>
public static class ScheduleImport
{
    /// <summary>Imports a Keras schedule, optimizer config, model <c>config.json</c> or <c>.keras</c> archive.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="options">Extra facts; null for none (Keras precision float32).</param>
    /// <returns>The schedule and the facts derived.</returns>
    /// <exception cref="ScheduleImportException">The file is malformed, or holds what LrDecay cannot reproduce.</exception>
    public static ImportResult FromKeras(byte[] content, ImportOptions? options = null) =>
        KerasImporter.Import(Guard(content), options ?? new ImportOptions());

    /// <summary>Imports a PyTorch scheduler's <c>state_dict()</c> (a <c>torch.save</c> file or JSON).</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="options">Extra facts: the optimizer's state_dict for OneCycleLR, <see cref="ImportOptions.ClassName"/> when the keys are ambiguous.</param>
    /// <returns>The schedule over the whole run from step 0, the facts derived, and <see cref="ImportResult.ResumeStep"/>.</returns>
    /// <exception cref="ScheduleImportException">The file is malformed, or holds what LrDecay cannot reproduce (LambdaLR, MultiplicativeLR).</exception>
    public static ImportResult FromPyTorch(byte[] content, ImportOptions? options = null) =>
        TorchImporter.Import(Guard(content), options ?? new ImportOptions());

    /// <summary>Imports Hugging Face <c>TrainingArguments</c> written as JSON.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="options">Extra facts: <see cref="ImportOptions.BatchesPerEpoch"/> when <c>max_steps</c> is not set.</param>
    /// <returns>The schedule, the total and warm-up steps, and the facts derived.</returns>
    /// <exception cref="ScheduleImportException">The file is malformed, or its <c>lr_scheduler_type</c> or kwargs are not reproducible.</exception>
    public static ImportResult FromHuggingFace(byte[] content, ImportOptions? options = null) =>
        HuggingFaceImporter.Import(Guard(content), options ?? new ImportOptions());

    /// <summary>Imports timm's <c>args.yaml</c>.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="options">Extra facts: <see cref="ImportOptions.BatchesPerEpoch"/> (needed but for <c>plateau</c>) and <see cref="ImportOptions.WorldSize"/>.</param>
    /// <returns>The schedule in optimizer updates and the facts derived.</returns>
    /// <exception cref="ScheduleImportException">The file is malformed, or names what LrDecay cannot reproduce (<c>lr_noise</c>, a cycle limit it lacks).</exception>
    public static ImportResult FromTimm(byte[] content, ImportOptions? options = null) =>
        TimmImporter.Import(Guard(content), options ?? new ImportOptions());

    /// <summary>Imports from <paramref name="source"/>, or from the tool the content says wrote it when <paramref name="source"/> is null.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="source">The tool, or null to tell it from the content.</param>
    /// <param name="options">Extra facts; null for none.</param>
    /// <returns>The schedule and the facts derived.</returns>
    /// <exception cref="ScheduleImportException">The tool cannot be told from the content, or the import fails.</exception>
    public static ImportResult Import(byte[] content, ImportSource? source, ImportOptions? options = null) =>
        (source ?? Detect(Guard(content))) switch
        {
            ImportSource.Keras => FromKeras(content, options),
            ImportSource.PyTorch => FromPyTorch(content, options),
            ImportSource.HuggingFace => FromHuggingFace(content, options),
            _ => FromTimm(content, options),
        };

    /// <summary>The tool that wrote <paramref name="content"/>, from its form and keys.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The tool.</returns>
    /// <exception cref="ScheduleImportException">The content does not say.</exception>
    public static ImportSource Detect(byte[] content)
    {
        Guard(content);
        if (ImportLimits.IsZip(content))
        {
            return ImportLimits.ReadZipEntry(content, "import", n => n == "config.json") is not null ? ImportSource.Keras : ImportSource.PyTorch;
        }

        if (content.Length > 2 && content[0] == 0x80)
        {
            return ImportSource.PyTorch;
        }

        string text = ImportLimits.Utf8(content, "import");
        if (JsonTree.LooksLikeJson(content))
        {
            if (JsonTree.Parse(text, "import") is Dictionary<string, object?> map)
            {
                if (HuggingFaceImporter.Recognizes(map))
                {
                    return ImportSource.HuggingFace;
                }

                if (TorchImporter.Recognizes(map))
                {
                    return ImportSource.PyTorch;
                }

                if (KerasImporter.Recognizes(map))
                {
                    return ImportSource.Keras;
                }
            }

            throw new ScheduleImportException("import: the JSON is not one LrDecay recognizes (a Keras schedule or optimizer, a PyTorch state_dict, Hugging Face TrainingArguments); name the tool with --from.");
        }

        try
        {
            if (YamlTree.Parse(text, "import") is Dictionary<string, object?> yaml && TimmImporter.Recognizes(yaml))
            {
                return ImportSource.Timm;
            }
        }
        catch (ScheduleImportException)
        {
            // Not YAML either: say what the file is not, below.
        }

        throw new ScheduleImportException("import: the file is not one LrDecay recognizes (JSON, a torch.save file, a .keras archive or timm's args.yaml); name the tool with --from.");
    }

    private static byte[] Guard(byte[] content)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (content.LongLength > ImportLimits.MaxBytes)
        {
            throw new ScheduleImportException($"import: the file is {content.LongLength} bytes, over the {ImportLimits.MaxBytes} bytes an import reads.");
        }

        if (content.Length == 0)
        {
            throw new ScheduleImportException("import: malformed file: it is empty.");
        }

        return content;
    }
}
