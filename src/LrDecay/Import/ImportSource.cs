namespace LrDecay.Import;

/// <summary>The training tool whose schedule settings <see cref="ScheduleImport"/> reads.</summary>
public enum ImportSource
{
    /// <summary>Keras 3 or tf.keras 2: a serialized learning-rate schedule, an optimizer config, a model's <c>config.json</c> or a <c>.keras</c> file.</summary>
    Keras,

    /// <summary>PyTorch: a scheduler's <c>state_dict()</c>, saved with <c>torch.save</c> or written as JSON.</summary>
    PyTorch,

    /// <summary>Hugging Face Transformers: <c>TrainingArguments</c> as JSON (<c>to_json_string()</c>).</summary>
    HuggingFace,

    /// <summary>timm (pytorch-image-models): the <c>args.yaml</c> that <c>train.py</c> writes.</summary>
    Timm,
}
