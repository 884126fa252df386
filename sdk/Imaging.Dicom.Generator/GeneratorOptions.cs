namespace Imaging.Dicom.Generator;

/// <summary>The command line: --standard &lt;dir&gt; --out &lt;dir&gt;.</summary>
/// <param name="StandardDirectory">The folder holding attributes.json and sops.json.</param>
/// <param name="OutputDirectory">Where the .g.cs files go.</param>
internal sealed record GeneratorOptions(string StandardDirectory, string OutputDirectory)
{
    /// <summary>attributes.json in the standard folder.</summary>
    public string AttributesPath => Path.Combine(StandardDirectory, "attributes.json");

    /// <summary>sops.json in the standard folder.</summary>
    public string SopsPath => Path.Combine(StandardDirectory, "sops.json");

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="GeneratorException">An argument is missing or unknown, or the standard folder does not exist.</exception>
    public static GeneratorOptions Parse(IReadOnlyList<string> args)
    {
        string? standard = null, output = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new GeneratorException($"'{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--standard": standard = value; break;
                case "--out": output = value; break;
                default: throw new GeneratorException($"Unknown argument '{args[i]}'. Usage: --standard <dir> --out <dir>.");
            }
            i++;
        }
        if (standard is null || output is null) throw new GeneratorException("Usage: --standard <dir> --out <dir>.");
        if (!Directory.Exists(standard)) throw new GeneratorException($"The DICOM standard folder '{standard}' does not exist.");
        return new GeneratorOptions(Path.GetFullPath(standard), Path.GetFullPath(output));
    }
}
