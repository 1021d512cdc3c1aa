#if !NET
namespace System.Runtime.CompilerServices
{
    /// <summary>Lets netstandard2.0 builds name the argument expression in guard messages.</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    internal sealed class CallerArgumentExpressionAttribute : Attribute
    {
        public CallerArgumentExpressionAttribute(string parameterName) => ParameterName = parameterName;

        public string ParameterName { get; }
    }
}
#endif

#if !NET
namespace System.Runtime.CompilerServices
{
    /// <summary>Lets netstandard2.0 builds compile <c>init</c> accessors.</summary>
    internal static class IsExternalInit
    {
    }
}
#endif
