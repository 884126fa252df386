namespace Imaging.Dicom.Generator;

/// <summary>A problem in the standard's JSON tables; the message names the file and the entry.</summary>
internal sealed class GeneratorException(string message) : Exception(message);
