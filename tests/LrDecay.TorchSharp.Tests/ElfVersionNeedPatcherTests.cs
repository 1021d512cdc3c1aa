using System.Text;
using LrDecay.TorchSharp.Build;

namespace LrDecay.TorchSharp.Tests;

/// <summary>
/// The ELF patcher shipped in buildTransitive/ (compiled into this project from its source), on small ELF64 shared-library images
/// that the tests build byte by byte: one loadable segment, a dynamic segment, a string table and the version needs
/// (.gnu.version_r) of two libraries.
/// </summary>
public sealed class ElfVersionNeedPatcherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lrdecay-elf-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ListVersionNeeds_ReadsEachLibraryAndVersion()
    {
        string path = Write("tiny.so", TinyElf.Build());

        ElfVersionNeedPatcher.ListVersionNeeds(path).Should().Equal(
            ("libstdc++.so.6", "GLIBCXX_3.4", false),
            ("libstdc++.so.6", "GLIBCXX_3.4.32", false),
            ("libc.so.6", "GLIBC_2.34", false));
    }

    [Fact]
    public void Patch_SetsTheWeakFlagOfThatVersionOnly_ByChangingOneField()
    {
        byte[] before = TinyElf.Build();
        string path = Write("tiny.so", before);

        ElfVersionNeedPatcher.Patch(path, "GLIBCXX_3.4.32").Should().Be(VersionNeedPatchResult.Patched);

        ElfVersionNeedPatcher.ListVersionNeeds(path).Should().Equal(
            ("libstdc++.so.6", "GLIBCXX_3.4", false),
            ("libstdc++.so.6", "GLIBCXX_3.4.32", true),
            ("libc.so.6", "GLIBC_2.34", false));
        byte[] after = File.ReadAllBytes(path);
        after.Should().HaveCount(before.Length);
        int[] changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        changed.Should().Equal([TinyElf.SecondAuxFlagsOffset], "only vna_flags of GLIBCXX_3.4.32 changes");
        after[TinyElf.SecondAuxFlagsOffset].Should().Be(0x2, "VER_FLG_WEAK");
    }

    [Fact]
    public void Patch_IsIdempotent_AndLeavesAnAbsentVersionAlone()
    {
        string path = Write("tiny.so", TinyElf.Build());
        ElfVersionNeedPatcher.MarkVersionNeedWeak(path, "GLIBCXX_3.4.32").Should().BeTrue();
        byte[] patched = File.ReadAllBytes(path);

        ElfVersionNeedPatcher.Patch(path, "GLIBCXX_3.4.32").Should().Be(VersionNeedPatchResult.AlreadyWeak);
        ElfVersionNeedPatcher.Patch(path, "GLIBCXX_9.9").Should().Be(VersionNeedPatchResult.NotRequired);
        ElfVersionNeedPatcher.MarkVersionNeedWeak(path, "GLIBCXX_3.4.32").Should().BeFalse();

        File.ReadAllBytes(path).Should().Equal(patched);
    }

    [Fact]
    public void Patch_NeverWritesThroughAHardLink()
    {
        // A build output may be a hard link into the NuGet cache: the patched file replaces the link, the original stays.
        string original = Write("cache.so", TinyElf.Build());
        string output = Path.Combine(_folder, "output.so");
        if (!HardLink(original, output))
        {
            File.Copy(original, output);
        }

        ElfVersionNeedPatcher.Patch(output, "GLIBCXX_3.4.32").Should().Be(VersionNeedPatchResult.Patched);

        File.ReadAllBytes(original).Should().Equal(TinyElf.Build());
        ElfVersionNeedPatcher.ListVersionNeeds(output).Should().Contain(("libstdc++.so.6", "GLIBCXX_3.4.32", true));
    }

    [Fact]
    public void ALibraryWithoutVersionNeeds_HasNothingToPatch()
    {
        string path = Write("plain.so", TinyElf.Build(withVersionNeeds: false));

        ElfVersionNeedPatcher.ListVersionNeeds(path).Should().BeEmpty();
        ElfVersionNeedPatcher.Patch(path, "GLIBCXX_3.4.32").Should().Be(VersionNeedPatchResult.NotRequired);
    }

    [Theory]
    [InlineData("not-elf", "Not an ELF file.")]
    [InlineData("elf32", "Only little-endian ELF64 files are supported.")]
    [InlineData("big-endian", "Only little-endian ELF64 files are supported.")]
    [InlineData("no-dynamic", "No dynamic segment: not a shared library.")]
    [InlineData("truncated", "lies outside the file")]
    public void Patch_RefusesWhatItCannotParse_AndLeavesTheFileAlone(string shape, string message)
    {
        byte[] image = TinyElf.Build();
        switch (shape)
        {
            case "not-elf":
                image = Encoding.ASCII.GetBytes("#!/bin/sh\necho this is a script, not a shared library, padded to sixty-four bytes\n");
                break;
            case "elf32":
                image[4] = 1;
                break;
            case "big-endian":
                image[5] = 2;
                break;
            case "no-dynamic":
                BitConverter.GetBytes(6u).CopyTo(image, 64 + 56); // the second program header becomes PT_PHDR
                break;
            case "truncated":
                image = image[..(TinyElf.SecondAuxFlagsOffset - 20)];
                break;
        }

        string path = Write(shape + ".so", image);

        Action patch = () => ElfVersionNeedPatcher.Patch(path, "GLIBCXX_3.4.32");

        patch.Should().Throw<InvalidDataException>().WithMessage($"*{message}*");
        File.ReadAllBytes(path).Should().Equal(image);
    }

    [Fact]
    public void TorchSharpsNativeGlue_InThisOutput_NeedsTheVersionThePatchTargets()
    {
        // The reason the patch exists: TorchSharp 0.107's glue needs GLIBCXX_3.4.32. Where the build patched it, the need is weak.
        string? glue = Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).FirstOrDefault();
        if (!OperatingSystem.IsLinux() || glue is null)
        {
            Assert.Fail($"this test runs on Linux, where TorchSharp-cpu places libLibTorchSharp.so in the output ({AppContext.BaseDirectory}).");
        }

        IReadOnlyList<(string File, string Version, bool Weak)> needs = ElfVersionNeedPatcher.ListVersionNeeds(glue!);
        needs.Should().Contain(n => n.Version == "GLIBCXX_3.4.32");
        bool systemLacks = ElfVersionNeedPatcher.SystemLibStdCxxLacks("GLIBCXX_3.4.32");
        if (systemLacks)
        {
            needs.Single(n => n.Version == "GLIBCXX_3.4.32").Weak.Should().BeTrue("the build marks the need weak where the system lacks it");
        }
    }

    private string Write(string name, byte[] image)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, image);
        return path;
    }

    private static bool HardLink(string existing, string link)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }

        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ln", [existing, link]) { UseShellExecute = false })!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    /// <summary>Builds a minimal little-endian ELF64 shared-library image, file offsets equal to addresses.</summary>
    private static class TinyElf
    {
        private const int HeaderSize = 64;
        private const int ProgramHeaderSize = 56;
        private const int StringTable = HeaderSize + (2 * ProgramHeaderSize); // 176
        private static readonly string[] Strings = ["libstdc++.so.6", "GLIBCXX_3.4", "GLIBCXX_3.4.32", "libc.so.6", "GLIBC_2.34"];

        private static int VersionNeeds => Align(StringTable + StringTableBytes().Length);

        /// <summary>vna_flags of the second Vernaux (GLIBCXX_3.4.32): after the first Verneed (16) and first Vernaux (16), +4.</summary>
        public static int SecondAuxFlagsOffset => VersionNeeds + 16 + 16 + 4;

        public static byte[] Build(bool withVersionNeeds = true)
        {
            byte[] strings = StringTableBytes();
            int verneed = VersionNeeds;
            int dynamic = verneed + (2 * 16) + (3 * 16);
            int dynamicEntries = withVersionNeeds ? 4 : 2;
            int size = dynamic + (dynamicEntries * 16);
            byte[] b = new byte[size];

            // ELF header.
            b[0] = 0x7f;
            b[1] = (byte)'E';
            b[2] = (byte)'L';
            b[3] = (byte)'F';
            b[4] = 2; // ELFCLASS64
            b[5] = 1; // ELFDATA2LSB
            b[6] = 1; // EV_CURRENT
            U16(b, 16, 3); // ET_DYN
            U16(b, 18, 62); // EM_X86_64
            U32(b, 20, 1);
            U64(b, 32, HeaderSize); // e_phoff
            U16(b, 52, HeaderSize);
            U16(b, 54, ProgramHeaderSize);
            U16(b, 56, 2);

            // PT_LOAD over the whole file, then PT_DYNAMIC.
            ProgramHeader(b, HeaderSize, type: 1, offset: 0, size: size);
            ProgramHeader(b, HeaderSize + ProgramHeaderSize, type: 2, offset: dynamic, size: dynamicEntries * 16);

            strings.CopyTo(b, StringTable);

            // .gnu.version_r: libstdc++.so.6 needs GLIBCXX_3.4 and GLIBCXX_3.4.32; libc.so.6 needs GLIBC_2.34.
            int first = verneed;
            int second = verneed + 16 + (2 * 16);
            Verneed(b, first, count: 2, file: Name(0), next: second - first);
            Vernaux(b, first + 16, Name(1), next: 16);
            Vernaux(b, first + 32, Name(2), next: 0);
            Verneed(b, second, count: 1, file: Name(3), next: 0);
            Vernaux(b, second + 16, Name(4), next: 0);

            // Dynamic entries: DT_STRTAB, [DT_VERNEED, DT_VERNEEDNUM,] DT_NULL.
            int at = dynamic;
            Dynamic(b, ref at, 5, StringTable);
            if (withVersionNeeds)
            {
                Dynamic(b, ref at, 0x6ffffffe, verneed);
                Dynamic(b, ref at, 0x6fffffff, 2);
            }

            Dynamic(b, ref at, 0, 0);
            return b;
        }

        private static byte[] StringTableBytes() => Encoding.ASCII.GetBytes("\0" + string.Join("\0", Strings) + "\0");

        private static uint Name(int index) => (uint)(1 + Strings.Take(index).Sum(s => s.Length + 1));

        private static int Align(int offset) => (offset + 7) & ~7;

        private static void ProgramHeader(byte[] b, int at, uint type, long offset, long size)
        {
            U32(b, at, type);
            U32(b, at + 4, 4); // PF_R
            U64(b, at + 8, offset);
            U64(b, at + 16, offset);
            U64(b, at + 24, offset);
            U64(b, at + 32, size);
            U64(b, at + 40, size);
            U64(b, at + 48, 8);
        }

        private static void Verneed(byte[] b, int at, ushort count, uint file, int next)
        {
            U16(b, at, 1); // vn_version
            U16(b, at + 2, count);
            U32(b, at + 4, file);
            U32(b, at + 8, 16); // vn_aux: the first Vernaux follows
            U32(b, at + 12, (uint)next);
        }

        private static void Vernaux(byte[] b, int at, uint name, int next)
        {
            U32(b, at, 0x0cafe); // vna_hash (not read)
            U16(b, at + 4, 0); // vna_flags
            U16(b, at + 6, 2); // vna_other
            U32(b, at + 8, name);
            U32(b, at + 12, (uint)next);
        }

        private static void Dynamic(byte[] b, ref int at, long tag, long value)
        {
            U64(b, at, tag);
            U64(b, at + 8, value);
            at += 16;
        }

        private static void U16(byte[] b, int at, ushort v) => BitConverter.GetBytes(v).CopyTo(b, at);

        private static void U32(byte[] b, int at, uint v) => BitConverter.GetBytes(v).CopyTo(b, at);

        private static void U64(byte[] b, int at, long v) => BitConverter.GetBytes(v).CopyTo(b, at);
    }
}
