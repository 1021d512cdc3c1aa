using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Contracts;

/// <summary>
/// LrDecay's numbers must not depend on the machine's C library: its IL calls no <see cref="Math"/> or <see cref="MathF"/> method
/// outside <see cref="Allowed"/>, and no transcendental function of any other framework type (<c>double.Exp</c>, a tensor's
/// <c>Cos</c>). Read from the built LrDecay.dll (net10.0, and the netstandard2.0 build when it has been built beside it).
/// </summary>
public sealed class PlatformMathTests
{
    /// <summary>
    /// The System.Math methods the library may call, each exact by IEEE 754 or by definition (the same result everywhere):
    /// Sqrt (correctly rounded square root, IEEE 754 requires it and every runtime emits the instruction), Floor and Ceiling
    /// (integral rounding, exact), FusedMultiplyAdd (defined as <c>a * b + c</c> rounded once, in hardware or in software; used for
    /// an exact product error, which the netstandard2.0 build gets by Dekker's splitting with the same value, and for polynomial
    /// steps, which that build emulates exactly through <c>Internal/Fused</c>), Abs, Min and Max (exact selections).
    /// </summary>
    private static readonly HashSet<string> Allowed = ["Sqrt", "Floor", "Ceiling", "FusedMultiplyAdd", "Abs", "Min", "Max"];

    /// <summary>Exceptions (caller, method) still allowed: none.</summary>
    private static readonly HashSet<string> Exceptions = [];

    private static readonly HashSet<string> Transcendental =
    [
        "Exp", "Exp2", "Exp10", "ExpM1", "Exp2M1", "Exp10M1", "Log", "Log2", "Log10", "LogP1", "Log2P1", "Log10P1", "Pow", "Cos", "Sin",
        "Tan", "SinCos", "CosPi", "SinPi", "TanPi", "SinCosPi", "Acos", "Asin", "Atan", "Atan2", "AcosPi", "AsinPi", "AtanPi", "Atan2Pi",
        "Cosh", "Sinh", "Tanh", "Acosh", "Asinh", "Atanh", "Cbrt", "Hypot", "RootN", "ReciprocalEstimate", "ReciprocalSqrtEstimate",
    ];

    /// <summary>Integer operations that share a name with a transcendental function: exact.</summary>
    private static readonly HashSet<string> IntegerOperations = ["System.Numerics.BitOperations.Log2", "System.Numerics.BigInteger.Pow"];

    [Fact]
    public void Net10Build_CallsNoPlatformMath()
    {
        string path = typeof(Schedules).Assembly.Location;
        Offences(path).Should().BeEmpty($"LrDecay.dll ({path}) must not call the C library's math");
    }

    [Fact]
    public void NetStandardBuild_CallsNoPlatformMath()
    {
        string path = NetStandardBuild.PathOrSkip();

        Offences(path).Should().BeEmpty($"LrDecay.dll ({path}) must not call the C library's math");
    }

    [Fact]
    public void Scanner_FindsACallToMathExp()
    {
        // The scanner itself: this test assembly calls Math.Exp here, and the scan must name it with its caller.
        double probe = Math.Exp(0.5);
        probe.Should().BeGreaterThan(1.0);
        Offences(typeof(PlatformMathTests).Assembly.Location)
            .Should().Contain($"{nameof(PlatformMathTests)}.{nameof(Scanner_FindsACallToMathExp)} calls System.Math.Exp");
    }

    /// <summary>Each call of a forbidden method as "Type.Method calls System.Math.Name", minus <see cref="Exceptions"/>.</summary>
    private static List<string> Offences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var found = new List<string>();
        foreach (TypeDefinitionHandle typeHandle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(typeHandle);
            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                string caller = $"{reader.GetString(type.Name)}.{reader.GetString(method.Name)}";
                byte[] il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
                foreach (int token in CallTokens(il))
                {
                    (string declaring, string name) = Target(reader, MetadataTokens.EntityHandle(token));
                    bool forbidden = declaring is "System.Math" or "System.MathF"
                        ? !Allowed.Contains(name)
                        : declaring.StartsWith("System.", StringComparison.Ordinal) && Transcendental.Contains(name)
                            && !IntegerOperations.Contains($"{declaring}.{name}");
                    string offence = $"{caller} calls {declaring}.{name}";
                    if (forbidden && !Exceptions.Contains(offence))
                    {
                        found.Add(offence);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The method tokens of every call, callvirt, ldftn and ldvirtftn in a method body.</summary>
    private static IEnumerable<int> CallTokens(byte[] il)
    {
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            OpCode op = OpCodesByValue[value];
            i += op.Size;
            if (op == OpCodes.Call || op == OpCodes.Callvirt || op == OpCodes.Ldftn || op == OpCodes.Ldvirtftn)
            {
                yield return BitConverter.ToInt32(il, i);
            }

            i += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The declaring type's full name and the method's name of a call's target.</summary>
    private static (string Declaring, string Name) Target(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                MethodDefinition definition = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                return (TypeName(reader, definition.GetDeclaringType()), reader.GetString(definition.Name));
            case HandleKind.MemberReference:
                MemberReference reference = reader.GetMemberReference((MemberReferenceHandle)handle);
                return (TypeName(reader, reference.Parent), reader.GetString(reference.Name));
            case HandleKind.MethodSpecification:
                return Target(reader, reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return (string.Empty, string.Empty);
        }
    }

    private static string TypeName(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                TypeReference reference = reader.GetTypeReference((TypeReferenceHandle)handle);
                return $"{reader.GetString(reference.Namespace)}.{reader.GetString(reference.Name)}";
            case HandleKind.TypeDefinition:
                TypeDefinition definition = reader.GetTypeDefinition((TypeDefinitionHandle)handle);
                return $"{reader.GetString(definition.Namespace)}.{reader.GetString(definition.Name)}";
            case HandleKind.TypeSpecification:
                // A generic instantiation (e.g. Vector256<double>): its blob's first type.
                BlobReader blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
                {
                    blob.ReadSignatureTypeCode();
                    return TypeName(reader, blob.ReadTypeHandle());
                }

                return string.Empty;
            default:
                return string.Empty;
        }
    }
}
