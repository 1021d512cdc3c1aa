namespace LrDecay.Import;

/// <summary>What an import needs beyond the file itself: facts of the run the file does not hold.</summary>
public sealed class ImportOptions
{
    /// <summary>
    /// The length of one process's training dataloader (batches per epoch). Hugging Face needs it when <c>max_steps</c> is not set;
    /// timm needs it to count optimizer updates. Range: <c>&gt; 0</c> when given.
    /// </summary>
    public long? BatchesPerEpoch { get; set; }

    /// <summary>The number of training processes (timm's <c>world_size</c>, for a learning rate scaled from <c>lr_base</c>). Default 1.</summary>
    public long WorldSize { get; set; } = 1;

    /// <summary>
    /// The content of the optimizer's <c>state_dict()</c> (torch.save file or JSON): PyTorch OneCycleLR keeps <c>max_lr</c>,
    /// <c>initial_lr</c> and <c>min_lr</c> in its param groups.
    /// </summary>
    public byte[]? OptimizerState { get; set; }

    /// <summary>The PyTorch scheduler class when its keys do not tell it (for example <c>"StepLR"</c>); null to infer it.</summary>
    public string? ClassName { get; set; }

    /// <summary>
    /// The arithmetic of a Keras import: null or <see cref="LrDecay.Precision.Float32"/> computes as Keras does with its default
    /// float32 <c>floatx</c>; <see cref="LrDecay.Precision.Float64"/> computes in double.
    /// </summary>
    public Precision? Precision { get; set; }
}
