using System.IO.Compression;
using Imaging.Dicom.IO;

namespace Imaging.Dicom;

public sealed partial class DicomFile
{
    private static readonly DicomTag MetaGroupLength = new(0x0002, 0x0000);
    private static readonly DicomTag MetaVersion = new(0x0002, 0x0001);
    private static readonly DicomTag MediaStorageSopClass = new(0x0002, 0x0002);
    private static readonly DicomTag MediaStorageSopInstance = new(0x0002, 0x0003);
    private static readonly DicomTag ImplementationClass = new(0x0002, 0x0012);
    private static readonly DicomTag ImplementationVersion = new(0x0002, 0x0013);
    private static readonly DicomTag SopClass = new(0x0008, 0x0016);
    private static readonly DicomTag SopInstance = new(0x0008, 0x0018);

    /// <summary>
    /// Saves the file atomically: it is written to a temporary file beside <paramref name="path"/> and renamed over it
    /// only when complete, so a failure never leaves a half-written file or destroys the old one.
    /// </summary>
    /// <exception cref="DicomException">The data set cannot be written in the requested transfer syntax.</exception>
    public void Save(string path, DicomWriteOptions? options = null)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Save(fs, options);
                fs.Flush(flushToDisk: false);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>Saves the file atomically without blocking the caller.</summary>
    public Task SaveAsync(string path, DicomWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Save(path, options), cancellationToken);

    /// <summary>
    /// Writes the Part 10 file to a stream: 128-byte preamble, "DICM", File Meta Information (explicit VR little
    /// endian, with group length, version, SOP class/instance, transfer syntax and implementation; PS3.10 §7.1),
    /// then the data set in the transfer syntax.
    /// </summary>
    public void Save(Stream stream, DicomWriteOptions? options = null)
    {
        options ??= DicomWriteOptions.Default;
        var ts = options.TransferSyntax ?? DefaultSaveSyntax();
        CheckTranscode(ts);
        var meta = BuildMeta(ts, options);
        var buffered = new BufferedStream(stream, 1 << 16);
        buffered.Write(Preamble is { Length: 128 } p ? p : new byte[128]);
        buffered.Write("DICM"u8);
        new DicomWriter(buffered, ElementEncoding.ExplicitLittle, options).WriteDataset(meta);
        if (ts.IsDeflated)
        {
            // PS3.5 §A.5: raw deflate (RFC 1951) of the explicit VR little endian data set.
            using var deflate = new DeflateStream(buffered, CompressionLevel.Optimal, leaveOpen: true);
            new DicomWriter(deflate, ElementEncoding.Of(ts), options).WriteDataset(Dataset, body: true);
        }
        else new DicomWriter(buffered, ElementEncoding.Of(ts), options).WriteDataset(Dataset, body: true);
        buffered.Flush();
    }

    /// <summary>Writes the data set alone (no preamble, no meta) in a transfer syntax: what a DIMSE message or a bare file holds.</summary>
    public static void WriteDataset(Stream stream, DicomDataset dataset, DicomTransferSyntax transferSyntax, DicomWriteOptions? options = null)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        new DicomWriter(buffered, ElementEncoding.Of(transferSyntax), options ?? DicomWriteOptions.Default).WriteDataset(dataset);
        buffered.Flush();
    }

    /// <summary>
    /// The syntax a plain Save writes: the one the data set was read with; but when that was an uncompressed syntax
    /// detected over a meta header naming an encapsulated one (JPEG fragments in an implicit VR data set, a known
    /// writer bug), the declared one, so that the file can be written back without a codec.
    /// </summary>
    private DicomTransferSyntax DefaultSaveSyntax()
    {
        var ts = TransferSyntax;
        if (!ts.IsEncapsulated && Dataset.Any(i => i is DicomFragmentSequence)
            && FileMetaInfo.TryGetString(TransferSyntaxUidTag, out var uid) && DicomTransferSyntax.Lookup(uid) is { IsEncapsulated: true } declared)
            return declared;
        return ts;
    }

    private void CheckTranscode(DicomTransferSyntax target)
    {
        bool encapsulated = Dataset.Any(i => i is DicomFragmentSequence);
        if (encapsulated && !target.IsEncapsulated)
            throw new DicomException($"the pixel data is encapsulated ({TransferSyntax.Name}); writing it as {target.Name} needs a codec to decode it.");
        if (!encapsulated && target.IsEncapsulated && Dataset.Contains(new DicomTag(0x7FE0, 0x0010)))
            throw new DicomException($"the pixel data is native; writing it as {target.Name} needs a codec to encode it.");
        if (encapsulated && target.Uid != TransferSyntax.Uid && target.Uid != DefaultSaveSyntax().Uid)
            throw new DicomException($"the pixel data is encoded as {TransferSyntax.Name}; writing it as {target.Name} needs a codec.");
    }

    private DicomDataset BuildMeta(DicomTransferSyntax ts, DicomWriteOptions options)
    {
        var meta = new DicomDataset();
        foreach (var item in FileMetaInfo)
            if (item.Tag.Group == 0x0002 && !item.Tag.IsGroupLength) meta.AddOrUpdate(item);
        meta.AddOrUpdate(DicomVR.OB, MetaVersion, (byte)0, (byte)1);
        if (Dataset.TryGetString(SopClass, out var sopClass)) meta.AddOrUpdate(DicomVR.UI, MediaStorageSopClass, sopClass);
        if (Dataset.TryGetString(SopInstance, out var sopInstance)) meta.AddOrUpdate(DicomVR.UI, MediaStorageSopInstance, sopInstance);
        meta.AddOrUpdate(DicomVR.UI, TransferSyntaxUidTag, ts.Uid);
        meta.AddOrUpdate(DicomVR.UI, ImplementationClass, options.ImplementationClassUid);
        meta.AddOrUpdate(DicomVR.SH, ImplementationVersion, options.ImplementationVersionName);
        var length = new DicomWriter(Stream.Null, ElementEncoding.ExplicitLittle, options).DatasetLength(meta);
        meta.AddOrUpdate(DicomVR.UL, MetaGroupLength, (uint)length);
        return meta;
    }
}
