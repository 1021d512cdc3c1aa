// ElfVersionNeedPatcher.cs
//
// Marks one symbol-version requirement of an ELF64 shared library as weak
// (VER_FLG_WEAK), so that the glibc dynamic loader no longer refuses to load
// the library when the system library does not define that version.
//
// Why: TorchSharp 0.107.0's libLibTorchSharp.so requires GLIBCXX_3.4.32
// (GCC 13's libstdc++) only because of the marker symbol
// std::ios_base_library_init(), which no relocation binds.  Debian 12 and
// Ubuntu 22.04 ship libstdc++ up to GLIBCXX_3.4.30, so dlopen() fails with
//   version `GLIBCXX_3.4.32' not found (required by .../libLibTorchSharp.so)
// A weak version need is skipped silently by ld.so when the version is absent,
// and checked exactly as before when it is present, so the patch is harmless
// on newer systems.
//
// The file is used two ways:
//  * as an MSBuild inline task (RoslynCodeTaskFactory, Type="Class"): the
//    class MarkElfVersionNeedWeak at the bottom is the task;
//  * compiled into a program (e.g. a test project) and called at start-up:
//    define ELF_PATCHER_NO_MSBUILD so the MSBuild task class is left out.
//
// The code sticks to the netstandard2.0 API, because RoslynCodeTaskFactory compiles
// inline tasks against netstandard reference assemblies (no Span, BinaryPrimitives,
// records or File.Move(overwrite)).
//
// Only little-endian ELF64 files (x86-64, aarch64) are handled.
// The file is never modified in place: a patched copy is written next to it
// and renamed over it, so a hard link into the NuGet cache is never written
// through.

#nullable enable

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace LrDecay.TorchSharp.Build
{
    /// <summary>Outcome of one <see cref="ElfVersionNeedPatcher.Patch"/> call.</summary>
    public enum VersionNeedPatchResult
    {
        /// <summary>The flag was set and the file rewritten.</summary>
        Patched,
        /// <summary>The requirement was already weak; file untouched.</summary>
        AlreadyWeak,
        /// <summary>The file does not require that version; file untouched.</summary>
        NotRequired,
    }

    public static class ElfVersionNeedPatcher
    {
        // ELF constants (from the System V gABI and the GNU symbol-versioning spec).
        private const byte ElfClass64 = 2;          // e_ident[EI_CLASS]
        private const byte ElfData2Lsb = 1;         // e_ident[EI_DATA]: little endian
        private const uint PtLoad = 1;              // program header: loadable segment
        private const uint PtDynamic = 2;           // program header: dynamic section
        private const long DtNull = 0;
        private const long DtStrTab = 5;            // address of the dynamic string table
        private const long DtVerDef = 0x6ffffffc;   // address of .gnu.version_d
        private const long DtVerDefNum = 0x6ffffffd;
        private const long DtVerNeed = 0x6ffffffe;  // address of .gnu.version_r
        private const long DtVerNeedNum = 0x6fffffff;
        private const ushort VerFlgWeak = 0x2;      // vna_flags bit: weak version reference

        /// <summary>
        /// Sets VER_FLG_WEAK on the Vernaux entry named <paramref name="versionName"/>
        /// (e.g. "GLIBCXX_3.4.32") in the shared library at <paramref name="soPath"/>.
        /// Returns true when the file was changed, false when nothing had to be done
        /// (already weak, or the version is not required at all). Idempotent.
        /// Throws <see cref="InvalidDataException"/> for files it cannot parse.
        /// </summary>
        public static bool MarkVersionNeedWeak(string soPath, string versionName)
            => Patch(soPath, versionName) == VersionNeedPatchResult.Patched;

        /// <summary>Like <see cref="MarkVersionNeedWeak"/>, with a detailed outcome.</summary>
        public static VersionNeedPatchResult Patch(string soPath, string versionName)
        {
            byte[] image = File.ReadAllBytes(soPath);
            var elf = new ElfImage(image);

            VersionNeedPatchResult result = VersionNeedPatchResult.NotRequired;
            var patchedOffsets = new List<int>();
            foreach (var need in elf.VersionNeeds())
            {
                if (need.Name != versionName)
                    continue;
                ushort flags = ReadU16(image, need.FlagsOffset);
                if ((flags & VerFlgWeak) != 0)
                {
                    if (result == VersionNeedPatchResult.NotRequired)
                        result = VersionNeedPatchResult.AlreadyWeak;
                    continue;
                }
                flags |= VerFlgWeak;                                  // the only change made
                image[need.FlagsOffset] = (byte)flags;
                image[need.FlagsOffset + 1] = (byte)(flags >> 8);
                patchedOffsets.Add(need.FlagsOffset);
                result = VersionNeedPatchResult.Patched;
            }

            if (result == VersionNeedPatchResult.Patched)
                ReplaceFile(soPath, image, patchedOffsets);
            return result;
        }

        /// <summary>
        /// Lists the version requirements of a shared library as
        /// (library file, version name, weak?) — handy for diagnostics and tests.
        /// </summary>
        public static IReadOnlyList<(string File, string Version, bool Weak)> ListVersionNeeds(string soPath)
        {
            byte[] image = File.ReadAllBytes(soPath);
            var list = new List<(string, string, bool)>();
            foreach (var need in new ElfImage(image).VersionNeeds())
            {
                ushort flags = ReadU16(image, need.FlagsOffset);
                list.Add((need.File, need.Name, (flags & VerFlgWeak) != 0));
            }
            return list;
        }

        /// <summary>True when the shared library at <paramref name="libraryPath"/>
        /// defines the symbol version <paramref name="versionName"/> (its .gnu.version_d).</summary>
        public static bool DefinesVersion(string libraryPath, string versionName)
        {
            var elf = new ElfImage(File.ReadAllBytes(libraryPath));
            foreach (string name in elf.VersionDefinitions())
                if (name == versionName)
                    return true;
            return false;
        }

        /// <summary>
        /// Finds the libstdc++.so.6 the dynamic loader would use: the one mapped into
        /// this process if any, else the first one in the usual library folders.
        /// Returns null when none is found (e.g. not Linux).
        /// </summary>
        public static string? FindSystemLibStdCxx()
        {
            try
            {
                foreach (string line in File.ReadLines("/proc/self/maps"))
                {
                    // Lines look like "7f..-7f.. r-xp 00000000 08:01 1234  /usr/lib/.../libstdc++.so.6.0.30"
                    int slash = line.IndexOf('/');
                    if (slash >= 0 && line.IndexOf("/libstdc++.so.6", StringComparison.Ordinal) >= 0)
                        return line.Substring(slash).Trim();
                }
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }

            string[] folders =
            {
                "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
                "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
                "/lib64", "/usr/lib64", "/lib", "/usr/lib",
            };
            foreach (string folder in folders)
            {
                string candidate = Path.Combine(folder, "libstdc++.so.6");
                if (File.Exists(candidate))
                    return candidate;
            }
            return null;
        }

        /// <summary>
        /// True when the system's libstdc++ lacks <paramref name="versionName"/>, i.e. when
        /// a library requiring it strongly would fail to load. False if it has it or none is found.
        /// </summary>
        public static bool SystemLibStdCxxLacks(string versionName)
        {
            string? lib = FindSystemLibStdCxx();
            return lib != null && !DefinesVersion(lib, versionName);
        }

        // Copies the target to a temporary file beside it (File.Copy keeps the Unix
        // permission bits), writes the changed 2-byte fields into that copy, and renames
        // it over the target. Renaming instead of writing in place breaks any hard link,
        // so an original in the NuGet cache that the output might link to is left alone.
        private static void ReplaceFile(string path, byte[] image, List<int> changedOffsets)
        {
            string temp = path + ".patch-" + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                File.Copy(path, temp);
                using (var stream = new FileStream(temp, FileMode.Open, FileAccess.Write))
                {
                    foreach (int offset in changedOffsets)
                    {
                        stream.Position = offset;
                        stream.Write(image, offset, 2);
                    }
                }
                File.Replace(temp, path, destinationBackupFileName: null);
            }
            finally
            {
                if (File.Exists(temp))
                    File.Delete(temp);
            }
        }

        /// <summary>One Vernaux entry: the library it is needed from, the version
        /// name, and the file offset of its vna_flags field.</summary>
        private struct VersionNeed
        {
            public VersionNeed(string file, string name, int flagsOffset)
            {
                File = file;
                Name = name;
                FlagsOffset = flagsOffset;
            }
            public string File { get; }
            public string Name { get; }
            public int FlagsOffset { get; }
        }

        private static ushort ReadU16(byte[] b, int at) => (ushort)(b[at] | b[at + 1] << 8);
        private static uint ReadU32(byte[] b, int at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);
        private static ulong ReadU64(byte[] b, int at) => ReadU32(b, at) | (ulong)ReadU32(b, at + 4) << 32;

        /// <summary>
        /// Minimal read-only view of an ELF64 little-endian image. It follows the
        /// dynamic segment (PT_DYNAMIC), which is what the dynamic loader itself reads,
        /// so it works even when section headers are stripped.
        /// </summary>
        private sealed class ElfImage
        {
            private readonly byte[] _b;
            private readonly List<(ulong VAddr, ulong Offset, ulong FileSize)> _loads = new();
            private readonly Dictionary<long, ulong> _dynamic = new();

            public ElfImage(byte[] image)
            {
                _b = image;
                if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
                    throw new InvalidDataException("Not an ELF file.");
                if (image[4] != ElfClass64 || image[5] != ElfData2Lsb)
                    throw new InvalidDataException("Only little-endian ELF64 files are supported.");

                // ELF header: program header table offset, entry size and count.
                ulong phOff = U64(32);
                int phEntSize = U16(54);
                int phNum = U16(56);
                ulong dynOffset = 0, dynSize = 0;
                for (int i = 0; i < phNum; i++)
                {
                    int ph = Checked(phOff + (ulong)(i * phEntSize), 56);
                    uint type = U32(ph);
                    ulong offset = U64(ph + 8), vaddr = U64(ph + 16), fileSize = U64(ph + 32);
                    if (type == PtLoad)
                        _loads.Add((vaddr, offset, fileSize));
                    else if (type == PtDynamic)
                        (dynOffset, dynSize) = (offset, fileSize);
                }
                if (dynSize == 0)
                    throw new InvalidDataException("No dynamic segment: not a shared library.");

                // Dynamic entries: 16 bytes each (d_tag, d_val), ended by DT_NULL.
                for (ulong p = dynOffset; p + 16 <= dynOffset + dynSize; p += 16)
                {
                    int at = Checked(p, 16);
                    long tag = (long)U64(at);
                    if (tag == DtNull)
                        break;
                    if (!_dynamic.ContainsKey(tag))
                        _dynamic[tag] = U64(at + 8);
                }
            }

            /// <summary>Walks the Verneed chain (.gnu.version_r) and its Vernaux entries.</summary>
            public IEnumerable<VersionNeed> VersionNeeds()
            {
                if (!_dynamic.TryGetValue(DtVerNeed, out ulong verneedAddr))
                    yield break;                                   // no version requirements at all
                int strtab = FileOffset(_dynamic[DtStrTab]);
                ulong count = _dynamic.TryGetValue(DtVerNeedNum, out ulong n) ? n : 0;

                int need = FileOffset(verneedAddr);
                for (ulong i = 0; i < count; i++)
                {
                    // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32
                    Checked((ulong)need, 16);
                    int auxCount = U16(need + 2);
                    string file = CString(strtab, U32(need + 4));
                    int aux = need + (int)U32(need + 8);
                    for (int j = 0; j < auxCount; j++)
                    {
                        // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32
                        Checked((ulong)aux, 16);
                        yield return new VersionNeed(file, CString(strtab, U32(aux + 8)), aux + 4);
                        uint nextAux = U32(aux + 12);
                        if (nextAux == 0)
                            break;
                        aux += (int)nextAux;
                    }
                    uint nextNeed = U32(need + 12);
                    if (nextNeed == 0)
                        break;
                    need += (int)nextNeed;
                }
            }

            /// <summary>Names of the versions this library defines (.gnu.version_d).</summary>
            public IEnumerable<string> VersionDefinitions()
            {
                if (!_dynamic.TryGetValue(DtVerDef, out ulong verdefAddr))
                    yield break;
                int strtab = FileOffset(_dynamic[DtStrTab]);
                ulong count = _dynamic.TryGetValue(DtVerDefNum, out ulong n) ? n : 0;

                int def = FileOffset(verdefAddr);
                for (ulong i = 0; i < count; i++)
                {
                    // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16,
                    //               vd_hash u32, vd_aux u32, vd_next u32
                    Checked((ulong)def, 20);
                    // The first Verdaux (vda_name u32, vda_next u32) names the version itself.
                    int aux = Checked((ulong)(def + (int)U32(def + 12)), 8);
                    yield return CString(strtab, U32(aux));
                    uint next = U32(def + 16);
                    if (next == 0)
                        break;
                    def += (int)next;
                }
            }

            // Translates a virtual address to a file offset through the PT_LOAD segments.
            private int FileOffset(ulong vaddr)
            {
                foreach (var (segVAddr, segOffset, segSize) in _loads)
                    if (vaddr >= segVAddr && vaddr < segVAddr + segSize)
                        return Checked(vaddr - segVAddr + segOffset, 1);
                throw new InvalidDataException($"Address 0x{vaddr:x} is not in any loadable segment.");
            }

            private string CString(int tableOffset, uint index)
            {
                int start = Checked((ulong)tableOffset + index, 1);
                int end = Array.IndexOf(_b, (byte)0, start);
                if (end < 0)
                    throw new InvalidDataException("Unterminated string in the string table.");
                return Encoding.ASCII.GetString(_b, start, end - start);
            }

            // Bounds check: [offset, offset+length) must lie inside the file.
            private int Checked(ulong offset, int length)
            {
                if (offset > (ulong)_b.Length || (ulong)_b.Length - offset < (ulong)length)
                    throw new InvalidDataException($"Offset 0x{offset:x} lies outside the file.");
                return (int)offset;
            }

            private ushort U16(int at) => ReadU16(_b, Checked((ulong)at, 2));
            private uint U32(int at) => ReadU32(_b, Checked((ulong)at, 4));
            private ulong U64(int at) => ReadU64(_b, Checked((ulong)at, 8));
        }
    }

#if !ELF_PATCHER_NO_MSBUILD
    /// <summary>
    /// MSBuild task: marks <see cref="VersionName"/> weak in every file of <see cref="Files"/>.
    /// With <see cref="OnlyIfSystemLacksVersion"/> it does nothing when the build machine's
    /// libstdc++ already has the version.
    /// </summary>
    public sealed class MarkElfVersionNeedWeak : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        [Microsoft.Build.Framework.Required]
        public string VersionName { get; set; } = "";

        public bool OnlyIfSystemLacksVersion { get; set; }

        public override bool Execute()
        {
            if (OnlyIfSystemLacksVersion && !ElfVersionNeedPatcher.SystemLibStdCxxLacks(VersionName))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low,
                    $"System libstdc++ defines {VersionName}; nothing to patch.");
                return true;
            }
            foreach (var item in Files)
            {
                string path = item.GetMetadata("FullPath");
                try
                {
                    var result = ElfVersionNeedPatcher.Patch(path, VersionName);
                    if (result == VersionNeedPatchResult.Patched)
                        Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                            $"LrDecay.TorchSharp: marked the {VersionName} need of {path} weak, so that it loads with this system's older libstdc++ (set the MSBuild property LrDecayWeakenGlibcxxNeed to false to turn this off).");
                    else
                        Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal,
                            $"{path}: {VersionName} -> {result}");
                }
                catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
                {
                    Log.LogError($"Cannot patch {path}: {e.Message}");
                }
            }
            return !Log.HasLoggedErrors;
        }
    }
#endif
}
