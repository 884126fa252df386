using System.Reflection;
using Imaging.Dicom;
using Imaging.Dicom.IO;

namespace Imaging.Benchmarks.Compare;

/// <summary>
/// Our headers-only parse of one file, as `imaging collection` does it. The command's own per-file reader
/// (Imaging.Cli.Collection.HeaderReader.Read, internal) is called when it can be found; otherwise an equivalent built on
/// the public API: <see cref="DicomFile.Open(string, FileReadOptions?)"/> stopping before Pixel Data, long values left
/// on disk, and the same handful of attributes read out of the data set.
/// </summary>
internal sealed class HeaderParse
{
    /// <summary>The options `imaging collection` reads with (host/Imaging.Cli/Collection/HeaderReader.cs).</summary>
    public static readonly FileReadOptions Options = new()
    {
        StopBeforePixelData = true,
        DeferValuesLongerThan = 16 * 1024,
    };

    private readonly Func<string, object?> _parse;

    private HeaderParse(string source, Func<string, object?> parse)
    {
        Source = source;
        _parse = parse;
    }

    /// <summary>Which code does the parsing, for the report.</summary>
    public string Source { get; }

    /// <summary>Parses one file's header; the result is only kept alive long enough to be observed.</summary>
    public object? Parse(string path) => _parse(path);

    /// <summary>The CLI's reader when present, else the public-API equivalent.</summary>
    public static HeaderParse Create()
    {
        var method = typeof(Imaging.Cli.Program).Assembly
            .GetType("Imaging.Cli.Collection.HeaderReader")
            ?.GetMethod("Read", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(string)]);
        if (method is not null)
        {
            // MethodInfo.Invoke costs well under a microsecond; a header parse costs tens of microseconds.
            return new HeaderParse("Imaging.Cli HeaderReader.Read (what `imaging collection` runs per file)",
                path => method.Invoke(null, [path]));
        }
        return new HeaderParse("DicomFile.Open(StopBeforePixelData, DeferValuesLongerThan=16K) + summary attributes", PublicApi);
    }

    /// <summary>The public-API equivalent of the CLI's per-file reader.</summary>
    public static object? PublicApi(string path)
    {
        var file = DicomFile.Open(path, Options);
        var ds = file.Dataset;
        return (
            ds.GetSingleValueOrDefault(DicomTag.PatientID, ""),
            ds.GetSingleValueOrDefault(DicomTag.StudyInstanceUID, ""),
            ds.GetSingleValueOrDefault(DicomTag.SeriesInstanceUID, ""),
            ds.GetSingleValueOrDefault(DicomTag.Rows, 0),
            file.TransferSyntax.Uid);
    }
}
