using System.IO.Compression;
using Imaging.Dicom.IO;

namespace Imaging.Dicom;

/// <summary>
/// A DICOM file (PS3.10 §7): preamble, File Meta Information (group 0002) and the data set. Opens Part 10 files
/// and bare data sets in every uncompressed transfer syntax, leniently by default with warnings for what was irregular.
/// </summary>
public sealed partial class DicomFile
{
    private static readonly DicomTag TransferSyntaxUidTag = new(0x0002, 0x0010);

    /// <summary>Creates a file around a data set; <see cref="Save(string, DicomWriteOptions?)"/> fills in the meta information.</summary>
    public DicomFile(DicomDataset dataset, DicomDataset? fileMetaInfo = null)
    {
        Dataset = dataset;
        FileMetaInfo = fileMetaInfo ?? new DicomDataset();
    }

    /// <summary>The File Meta Information, group 0002 (PS3.10 §7.1); empty for a bare data set.</summary>
    public DicomDataset FileMetaInfo { get; }

    /// <summary>The data set.</summary>
    public DicomDataset Dataset { get; }

    /// <summary>The path the file was opened from, if any.</summary>
    public string? FilePath { get; private init; }

    /// <summary>The 128-byte preamble (PS3.10 §7.1), or null when the input had none.</summary>
    public byte[]? Preamble { get; private init; }

    /// <summary>What lenient reading accepted: odd lengths, missing meta, wrong group lengths, trailing bytes.</summary>
    public IReadOnlyList<DicomReadWarning> Warnings { get; private init; } = [];

    /// <summary>True when reading stopped before the end on purpose (<see cref="FileReadOptions.StopBeforePixelData"/>) or because the input was cut short.</summary>
    public bool IsPartial { get; private init; }

    /// <summary>
    /// The transfer syntax the data set was read with (as detected, which wins over a wrong meta header), or the one
    /// the meta information names for a new file; Explicit VR Little Endian when neither is known.
    /// </summary>
    public DicomTransferSyntax TransferSyntax
    {
        get => _transferSyntax ?? (FileMetaInfo.TryGetString(TransferSyntaxUidTag, out var uid) && uid.Length > 0
            ? DicomTransferSyntax.Lookup(uid) : DicomTransferSyntax.ExplicitVRLittleEndian);
        private init => _transferSyntax = value;
    }

    private readonly DicomTransferSyntax? _transferSyntax;

    /// <summary>Opens a file by path. Deferred values (<see cref="FileReadOptions.DeferValuesLongerThan"/>) are re-read from the path when touched.</summary>
    /// <exception cref="DicomFormatException">The file is not DICOM or is malformed beyond lenient reading; the message names file, offset and tag.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static DicomFile Open(string path, FileReadOptions? options = null)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var source = new ValueSource.FileSource(Path.GetFullPath(path), stream.Length, File.GetLastWriteTimeUtc(stream.SafeFileHandle));
        using var input = new DicomInput(stream, ownsStream: true, path, source);
        return Read(input, options ?? FileReadOptions.Default);
    }

    /// <summary>
    /// Reads a file from a stream, starting at its current position. Deferred values are read from the stream
    /// later, so keep it open and do not move it while you use them.
    /// </summary>
    public static DicomFile Open(Stream stream, FileReadOptions? options = null)
    {
        using var input = new DicomInput(stream, ownsStream: false, (stream as FileStream)?.Name, stream.CanSeek ? new ValueSource.StreamSource(stream, (stream as FileStream)?.Name) : null);
        return Read(input, options ?? FileReadOptions.Default);
    }

    /// <summary>
    /// Opens a file by path without blocking the caller: the header is read on the thread pool with file I/O.
    /// </summary>
    public static Task<DicomFile> OpenAsync(string path, FileReadOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Open(path, options), cancellationToken);

    /// <summary>
    /// Reads a file from a stream asynchronously. A stream that cannot seek (network, pipe) is first read to its end
    /// asynchronously; a seekable one is read in place.
    /// </summary>
    public static async Task<DicomFile> OpenAsync(Stream stream, FileReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (stream.CanSeek) return await Task.Run(() => Open(stream, options), cancellationToken).ConfigureAwait(false);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        copy.Position = 0;
        return Open(copy, options);
    }

    private static DicomFile Read(DicomInput input, FileReadOptions options)
    {
        var warnings = new List<DicomReadWarning>();
        var reader = new DicomDatasetReader(input, options, warnings);
        try
        {
            return ReadCore(input, reader, options, warnings);
        }
        catch (DicomFormatException ex)
        {
            throw ex.WithFile(input.Path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException or ArgumentOutOfRangeException or InvalidOperationException or OverflowException or IndexOutOfRangeException or ArgumentException)
        {
            throw new DicomFormatException($"unreadable: {ex.Message}", input.Path, input.Position, null, ex);
        }
    }

    private static DicomFile ReadCore(DicomInput input, DicomDatasetReader reader, FileReadOptions options, List<DicomReadWarning> warnings)
    {
        long start = input.Position;
        byte[]? preamble = null;
        bool magic = false;
        if (input.Ensure(132) && IsMagic(input.Span[128..]))
        {
            preamble = input.Span[..128].ToArray();
            input.Advance(132);
            magic = true;
        }
        else if (input.Ensure(4) && IsMagic(input.Span))
        {
            input.Advance(4);
            magic = true;
            reader.Warn(start, null, "'DICM' without the 128-byte preamble");
        }

        DicomDataset meta;
        var r = reader.Reader;
        if (r.PeekTag(ElementEncoding.ExplicitLittle) is { Group: 0x0002 }) meta = reader.ReadMeta();
        else
        {
            meta = new DicomDataset();
            if (magic) reader.Warn(input.Position, null, "no file meta information after 'DICM'");
        }

        DicomTransferSyntax? declared = null;
        if (meta.TryGetString(TransferSyntaxUidTag, out var uid) && uid.Length > 0) declared = DicomTransferSyntax.Lookup(uid);
        else if (meta.Count > 0) reader.Warn(input.Position, TransferSyntaxUidTag, "the file meta information has no Transfer Syntax UID; the syntax was detected");

        if (declared is { IsDeflated: true })
            input.ContinueThrough(s => new DeflateStream(s, CompressionMode.Decompress));

        var detected = Detect(r, declared, options, magic || meta.Count > 0, input, reader);
        var encoding = ElementEncoding.Of(detected);
        var dataset = reader.ReadTopLevel(encoding);
        return new DicomFile(dataset, meta)
        {
            FilePath = input.Path,
            Preamble = preamble,
            Warnings = warnings,
            IsPartial = reader.StoppedEarly,
            TransferSyntax = detected,
        };
    }

    /// <summary>
    /// Decides how the data set is really encoded: trusts the declared syntax unless the first element contradicts it
    /// (explicit declared but no VR, or the reverse), and for bare data sets guesses from the first tag, as pydicom does.
    /// </summary>
    private static DicomTransferSyntax Detect(DicomReader r, DicomTransferSyntax? declared, FileReadOptions options, bool isPart10, DicomInput input, DicomDatasetReader reader)
    {
        var looksExplicit = r.PeekLooksExplicit();
        if (looksExplicit is null)
            return declared ?? (isPart10 || options.Force ? DicomTransferSyntax.ImplicitVRLittleEndian
                : throw new DicomFormatException("not a DICOM file: too short and no 'DICM' marker", input.Path, input.Position));
        if (declared is not null)
        {
            if (declared.IsExplicitVR && looksExplicit == false && !declared.IsDeflated)
            {
                reader.Warn(input.Position, null, $"the meta header says {declared.Name} but the data set is implicit VR; read as implicit VR little endian");
                return DicomTransferSyntax.ImplicitVRLittleEndian;
            }
            if (!declared.IsExplicitVR && looksExplicit == true)
            {
                reader.Warn(input.Position, null, "the meta header says Implicit VR Little Endian but the data set is explicit VR; read as explicit VR little endian");
                return DicomTransferSyntax.ExplicitVRLittleEndian;
            }
            return declared;
        }
        var le = r.PeekTag(ElementEncoding.ExplicitLittle)!.Value;
        var be = r.PeekTag(new ElementEncoding(true, true))!.Value;
        bool plausibleLE = le.Group is >= 0x0002 and <= 0x0100;
        bool plausibleBE = be.Group is >= 0x0002 and <= 0x0100;
        if (!isPart10 && !options.Force && !plausibleLE && !plausibleBE)
            throw new DicomFormatException($"not a DICOM file: no 'DICM' marker and the first tag {le} is not a plausible data set start", input.Path, input.Position);
        if (plausibleBE && !plausibleLE && looksExplicit == true) return DicomTransferSyntax.ExplicitVRBigEndian;
        return looksExplicit == true ? DicomTransferSyntax.ExplicitVRLittleEndian : DicomTransferSyntax.ImplicitVRLittleEndian;
    }

    private static bool IsMagic(ReadOnlySpan<byte> s) => s.Length >= 4 && s[0] == 'D' && s[1] == 'I' && s[2] == 'C' && s[3] == 'M';
}
