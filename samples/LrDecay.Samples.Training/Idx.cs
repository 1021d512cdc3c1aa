using System.Buffers.Binary;
using System.IO.Compression;

namespace LrDecay.Samples.Training;

/// <summary>
/// The IDX format of MNIST and Fashion-MNIST: a big-endian magic number (0x00000803 for unsigned-byte images of 3 dimensions,
/// 0x00000801 for unsigned-byte labels of 1 dimension), one big-endian 32-bit size per dimension, then the bytes. Files may be
/// gzipped (read by their first two bytes, 0x1f 0x8b, not by their name).
/// </summary>
internal static class Idx
{
    /// <summary>The magic number of an IDX file of unsigned-byte images (3 dimensions: count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of an IDX file of unsigned-byte labels (1 dimension: count).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads an IDX file: its magic number, its dimensions and its bytes.</summary>
    public static (int Magic, int[] Dimensions, byte[] Data) Read(string path)
    {
        byte[] raw = File.ReadAllBytes(path);
        if (raw.Length >= 2 && raw[0] == 0x1f && raw[1] == 0x8b)
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            raw = plain.ToArray();
        }

        if (raw.Length < 4)
        {
            throw new InvalidDataException($"{path}: too short for an IDX file.");
        }

        int magic = BinaryPrimitives.ReadInt32BigEndian(raw);
        // The third byte is the element type (0x08: unsigned byte), the fourth the number of dimensions.
        if ((magic & 0xFFFFFF00) != 0x00000800)
        {
            throw new InvalidDataException($"{path}: magic number 0x{magic:x8} is not an IDX file of unsigned bytes.");
        }

        int rank = magic & 0xFF;
        int header = 4 + (4 * rank);
        if (rank == 0 || raw.Length < header)
        {
            throw new InvalidDataException($"{path}: IDX header with {rank} dimensions is truncated.");
        }

        var dimensions = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(raw.AsSpan(4 + (4 * i)));
            count *= dimensions[i];
        }

        if (raw.Length - header != count)
        {
            throw new InvalidDataException($"{path}: {raw.Length - header} data bytes where the header says {count}.");
        }

        return (magic, dimensions, raw[header..]);
    }

    /// <summary>Writes an IDX file of unsigned bytes, gzipped when the name ends in <c>.gz</c>.</summary>
    public static void Write(string path, int[] dimensions, ReadOnlySpan<byte> data)
    {
        using var buffer = new MemoryStream();
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, 0x00000800 | dimensions.Length);
        buffer.Write(word);
        foreach (int dimension in dimensions)
        {
            BinaryPrimitives.WriteInt32BigEndian(word, dimension);
            buffer.Write(word);
        }

        buffer.Write(data);
        using FileStream file = File.Create(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            // .NET writes no file name and a zero timestamp in the gzip header, so the same bytes in give the same file out.
            using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
            buffer.Position = 0;
            buffer.CopyTo(gzip);
        }
        else
        {
            buffer.Position = 0;
            buffer.CopyTo(file);
        }
    }
}
