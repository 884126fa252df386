namespace Imaging.Scripting.Running;

/// <summary>
/// A script compiled to an in-memory assembly and its portable PDB, with the source files it was compiled from (the
/// script and its <c>#load</c>'ed files) and the assembly files it <c>#r</c>'ed; or the compile errors.
/// </summary>
internal sealed record CompiledScript(
    byte[] Assembly,
    byte[] Symbols,
    IReadOnlyList<string> SourceFiles,
    IReadOnlyList<string> ReferenceFiles,
    IReadOnlyList<string> Errors)
{
    /// <summary>True when the script compiled.</summary>
    public bool Succeeded => Errors.Count == 0;
}
