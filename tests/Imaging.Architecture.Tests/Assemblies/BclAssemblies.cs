using System.Reflection;

namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>
/// The BCL, decided precisely. An assembly reference is BCL when all three hold:
/// <list type="number">
/// <item>an assembly of that name ships in the shared framework the tests run on (Microsoft.NETCore.App: the folder
/// holding System.Private.CoreLib). This is what keeps out NuGet packages that merely look like the BCL
/// (System.CommandLine, System.Reactive, System.IO.Abstractions, ...);</item>
/// <item>the reference carries the same public key token as that framework file (a same-named assembly signed by
/// someone else is not the BCL);</item>
/// <item>its name is <c>System</c>, <c>System.*</c>, <c>netstandard</c>, <c>mscorlib</c> or <c>Microsoft.Win32.*</c>:
/// the class library proper and its compatibility facades.</item>
/// </list>
/// Left out although they sit in Microsoft.NETCore.App: <c>System.Private.*</c> (implementation assemblies: code
/// compiled against the reference pack never names them, so a reference means it was compiled against an
/// implementation), <c>Microsoft.CSharp</c> (the <c>dynamic</c> binder), <c>Microsoft.VisualBasic*</c> and
/// <c>WindowsBase</c> (compatibility shims). Nothing in DESIGN.md needs them; using one should be a decision recorded
/// here, not an accident.
/// </summary>
internal sealed class BclAssemblies
{
    private readonly Dictionary<string, string> _tokens;

    public BclAssemblies(string frameworkFolder)
    {
        FrameworkFolder = frameworkFolder;
        _tokens = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dll in Directory.EnumerateFiles(frameworkFolder, "*.dll").Where(AssemblyFile.IsManaged))
        {
            var name = AssemblyFile.Read(dll).Name;
            if (name.Name is { } n && IsClassLibraryName(n)) _tokens[n] = Token(name);
        }
    }

    /// <summary>The BCL of the runtime executing the tests (the one the built assemblies target: net10.0).</summary>
    public static BclAssemblies Current { get; } = new(Path.GetDirectoryName(typeof(object).Assembly.Location)!);

    public string FrameworkFolder { get; }

    /// <summary>How many framework assemblies count as BCL (several hundred; a sanity check for the tests).</summary>
    public int Count => _tokens.Count;

    public bool Contains(AssemblyName reference) =>
        reference.Name is { } n && _tokens.TryGetValue(n, out var token) && string.Equals(token, Token(reference), StringComparison.Ordinal);

    private static bool IsClassLibraryName(string name) =>
        !name.StartsWith("System.Private.", StringComparison.OrdinalIgnoreCase)
        && (name.Equals("System", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("System.", StringComparison.OrdinalIgnoreCase)
            || name.Equals("netstandard", StringComparison.OrdinalIgnoreCase)
            || name.Equals("mscorlib", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Microsoft.Win32.", StringComparison.OrdinalIgnoreCase));

    private static string Token(AssemblyName name) => Convert.ToHexStringLower(name.GetPublicKeyToken() ?? []);
}
