using System.IO.Compression;
using System.Text;

namespace LrDecay.Import;

/// <summary>How much of a file an import reads, and the readers that keep to it.</summary>
internal static class ImportLimits
{
    /// <summary>The largest file or archive entry read: schedule settings are small; a larger one is not what the import expects.</summary>
    internal const long MaxBytes = 16L << 20;

    /// <summary>The deepest nesting of mappings and lists followed.</summary>
    internal const int MaxDepth = 64;

    internal static bool IsZip(byte[] content) => content.Length >= 4 && content[0] == (byte)'P' && content[1] == (byte)'K' && content[2] == 3 && content[3] == 4;

    /// <summary>The first entry of a zip archive whose full name <paramref name="match"/> accepts, read within the limit; null when none.</summary>
    internal static byte[]? ReadZipEntry(byte[] content, string what, Func<string, bool> match)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            ZipArchiveEntry? entry = archive.Entries.FirstOrDefault(e => match(e.FullName));
            if (entry is null)
            {
                return null;
            }

            if (entry.Length > MaxBytes)
            {
                throw new ScheduleImportException($"{what}: the archive entry '{entry.FullName}' is {entry.Length} bytes, over the {MaxBytes} bytes an import reads.");
            }

            using Stream stream = entry.Open();
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes)
                {
                    throw new ScheduleImportException($"{what}: the archive entry '{entry.FullName}' is over the {MaxBytes} bytes an import reads.");
                }
            }

            return buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new ScheduleImportException($"{what}: malformed file: not a readable zip archive.");
        }
    }

    internal static string Utf8(byte[] content, string what)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new ScheduleImportException($"{what}: malformed file: not UTF-8 text.");
        }
    }
}
