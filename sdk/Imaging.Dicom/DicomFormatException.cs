using System.Text;

namespace Imaging.Dicom;

/// <summary>
/// Malformed DICOM input: names the file, the byte offset and the tag where reading failed,
/// so that one line tells a user what is wrong and where (STYLE.md rule 5).
/// </summary>
public sealed class DicomFormatException : DicomException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong, without the location.</param>
    /// <param name="filePath">The file, when known.</param>
    /// <param name="offset">The byte offset in the file or stream, when known.</param>
    /// <param name="tag">The tag of the element being read, when known.</param>
    /// <param name="inner">The exception that caused it.</param>
    public DicomFormatException(string problem, string? filePath = null, long? offset = null, DicomTag? tag = null, Exception? inner = null)
        : base(Format(problem, filePath, offset, tag), inner)
    {
        Problem = problem;
        FilePath = filePath;
        Offset = offset;
        Tag = tag;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file, when known.</summary>
    public string? FilePath { get; }

    /// <summary>The byte offset in the file or stream, when known.</summary>
    public long? Offset { get; }

    /// <summary>The tag being read, when known.</summary>
    public DicomTag? Tag { get; }

    /// <summary>A copy naming the file (readers that see only a stream learn the path later).</summary>
    public DicomFormatException WithFile(string? filePath) =>
        filePath is null || FilePath is not null ? this : new DicomFormatException(Problem, filePath, Offset, Tag, InnerException);

    private static string Format(string problem, string? filePath, long? offset, DicomTag? tag)
    {
        var sb = new StringBuilder();
        if (filePath is not null) sb.Append(filePath).Append(": ");
        if (offset is not null) sb.Append("offset ").Append(offset.Value).Append(tag is null ? ": " : ", ");
        if (tag is not null) sb.Append("tag ").Append(tag.Value.ToString()).Append(": ");
        sb.Append(problem);
        return sb.ToString();
    }
}
