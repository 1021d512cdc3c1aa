using TorchSharp;

namespace LrDecay.Samples.Training;

/// <summary>
/// MNIST-style training and test sets read from a folder holding the four standard IDX files
/// (<c>train-images-idx3-ubyte</c>, <c>train-labels-idx1-ubyte</c>, <c>t10k-images-idx3-ubyte</c>, <c>t10k-labels-idx1-ubyte</c>,
/// each gzipped with <c>.gz</c> or not). Images become float tensors scaled to [0, 1], labels int64 tensors.
/// </summary>
internal sealed class Dataset : IDisposable
{
    /// <summary>The four files' base names, as MNIST and Fashion-MNIST ship them.</summary>
    public const string TrainImages = "train-images-idx3-ubyte";
    public const string TrainLabels = "train-labels-idx1-ubyte";
    public const string TestImages = "t10k-images-idx3-ubyte";
    public const string TestLabels = "t10k-labels-idx1-ubyte";

    /// <summary>The subset shipped with the sample, under <c>data/</c> next to the executable (and in the project folder).</summary>
    public const string SubsetFolder = "data/fashion-mnist-subset";

    private Dataset(string folder, torch.Tensor trainX, torch.Tensor trainY, torch.Tensor testX, torch.Tensor testY)
    {
        Folder = folder;
        TrainX = trainX;
        TrainY = trainY;
        TestX = testX;
        TestY = testY;
    }

    public string Folder { get; }

    /// <summary>Training images, <c>[n, rows, columns]</c> float32 in [0, 1].</summary>
    public torch.Tensor TrainX { get; }

    /// <summary>Training labels, <c>[n]</c> int64.</summary>
    public torch.Tensor TrainY { get; }

    public torch.Tensor TestX { get; }

    public torch.Tensor TestY { get; }

    public int TrainCount => (int)TrainY.shape[0];

    public int TestCount => (int)TestY.shape[0];

    /// <summary>Reads the four IDX files from <paramref name="folder"/>.</summary>
    public static Dataset Load(string folder)
    {
        (torch.Tensor trainX, torch.Tensor trainY) = LoadPair(folder, TrainImages, TrainLabels);
        (torch.Tensor testX, torch.Tensor testY) = LoadPair(folder, TestImages, TestLabels);
        return new Dataset(folder, trainX, trainY, testX, testY);
    }

    /// <summary>
    /// The shipped subset's folder: next to the executable (where the build copies it), else found by walking up from the current
    /// directory to the sample's project folder (for a run straight from the repository).
    /// </summary>
    public static string DefaultFolder()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, SubsetFolder);
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "samples", "LrDecay.Samples.Training", SubsetFolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"The shipped data ({SubsetFolder}) is neither next to the executable nor under the current directory; pass --data FOLDER.");
    }

    /// <summary>The path of an IDX file in <paramref name="folder"/>: the name itself, or the name with <c>.gz</c>.</summary>
    public static string Find(string folder, string name)
    {
        RequireFolder(folder);
        foreach (string candidate in new[] { name, name + ".gz" })
        {
            string path = Path.Combine(folder, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{folder} has neither {name} nor {name}.gz.", Path.Combine(folder, name));
    }

    /// <summary>Refuses a data folder that does not exist, by name, before any file in it is looked for.</summary>
    public static void RequireFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"data folder not found: {folder}");
        }
    }

    public void Dispose()
    {
        TrainX.Dispose();
        TrainY.Dispose();
        TestX.Dispose();
        TestY.Dispose();
    }

    private static (torch.Tensor Images, torch.Tensor Labels) LoadPair(string folder, string imagesName, string labelsName)
    {
        string imagesPath = Find(folder, imagesName);
        string labelsPath = Find(folder, labelsName);
        (int imagesMagic, int[] imageDims, byte[] pixels) = Idx.Read(imagesPath);
        (int labelsMagic, int[] labelDims, byte[] labels) = Idx.Read(labelsPath);
        if (imagesMagic != Idx.ImagesMagic)
        {
            throw new InvalidDataException($"{imagesPath}: magic 0x{imagesMagic:x8}, expected 0x{Idx.ImagesMagic:x8} (images).");
        }

        if (labelsMagic != Idx.LabelsMagic)
        {
            throw new InvalidDataException($"{labelsPath}: magic 0x{labelsMagic:x8}, expected 0x{Idx.LabelsMagic:x8} (labels).");
        }

        if (imageDims[0] != labelDims[0])
        {
            throw new InvalidDataException($"{imagesPath} has {imageDims[0]} images but {labelsPath} has {labelDims[0]} labels.");
        }

        using var scope = torch.NewDisposeScope();
        torch.Tensor images = torch.tensor(pixels, torch.ScalarType.Byte)
            .reshape(imageDims[0], imageDims[1], imageDims[2])
            .to_type(torch.ScalarType.Float32)
            .div_(255f);
        torch.Tensor targets = torch.tensor(labels, torch.ScalarType.Byte).to_type(torch.ScalarType.Int64);
        return (images.MoveToOuterDisposeScope(), targets.MoveToOuterDisposeScope());
    }
}
