using Imaging.Dicom.Generator;

// Usage: dotnet exec Imaging.Dicom.Generator.dll --standard <dir with attributes.json and sops.json> --out <dir>
// Writes DicomTag.Keywords.g.cs, StandardDictionaryData.g.cs and DicomUid.SopClasses.g.cs into <dir>.
// Errors are printed in MSBuild's canonical form ("file: error DICOMGEN001: ...") and give exit code 1.
try
{
    var options = GeneratorOptions.Parse(args);
    var attributes = StandardTables.ReadAttributes(options.AttributesPath, out var skipped);
    var sopClasses = StandardTables.ReadSopClasses(options.SopsPath);
    Directory.CreateDirectory(options.OutputDirectory);
    GeneratedFile.Write(options.OutputDirectory, TagKeywordsWriter.FileName, TagKeywordsWriter.Write(attributes));
    GeneratedFile.Write(options.OutputDirectory, DictionaryTableWriter.FileName, DictionaryTableWriter.Write(attributes));
    GeneratedFile.Write(options.OutputDirectory, UidFieldsWriter.FileName, UidFieldsWriter.Write(sopClasses));
    Console.WriteLine($"Imaging.Dicom.Generator: {attributes.Count} attributes ({skipped} without keyword skipped), {sopClasses.Count} SOP classes -> {options.OutputDirectory}");
    return 0;
}
catch (GeneratorException e)
{
    Console.Error.WriteLine($"error DICOMGEN001: {e.Message}");
    return 1;
}
