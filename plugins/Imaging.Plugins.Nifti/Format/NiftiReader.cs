using System.IO.Compression;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Nifti.Orientation;

namespace Imaging.Plugins.Nifti.Format;

/// <summary>
/// Reads NIfTI files: a single .nii (or .nii.gz) file, or an .hdr/.img pair (each optionally gzipped). gzip is
/// recognised by its magic bytes (1F 8B), not by the name; the byte order by <c>sizeof_hdr</c>.
/// </summary>
internal static class NiftiReader
{
    /// <summary>Reads the header of <paramref name="path"/> (for a pair, of its .hdr).</summary>
    /// <exception cref="FormatException">The file is not NIfTI or its header is malformed.</exception>
    public static async Task<NiftiHeader> ReadHeaderAsync(string path, CancellationToken cancellationToken)
    {
        var (headerPath, _) = Paths(path);
        await using var stream = await OpenAsync(headerPath, cancellationToken).ConfigureAwait(false);
        return await ReadHeaderAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads 3-D volume <paramref name="volumeIndex"/> (0 for a 3-D file; the index along dim[4] for a 4-D file) with the
    /// geometry of the sform, the qform or pixdim, in that order of preference (<see cref="NiftiOrientation"/>).
    /// </summary>
    /// <exception cref="FormatException">Not NIfTI, malformed, truncated, or not supported (datatype, more than 4 dimensions).</exception>
    public static async Task<(NiftiHeader Header, Volume Volume, OrientationSource Source)> ReadAsync(string path, int volumeIndex, IProgress<long>? slicesRead, CancellationToken cancellationToken)
    {
        var (headerPath, imagePath) = Paths(path);
        await using var stream = await OpenAsync(headerPath, cancellationToken).ConfigureAwait(false);
        var h = await ReadHeaderAsync(stream, cancellationToken).ConfigureAwait(false);
        for (int d = 5; d <= h.Dim[0]; d++)
            if (h.Dim[d] > 1) throw new FormatException($"it has {h.Dim[0]} dimensions (dim[{d}] = {h.Dim[d]}); volumes of up to 4 dimensions are read");
        if (volumeIndex < 0 || volumeIndex >= h.VolumeCount)
            throw new FormatException($"volume {volumeIndex} was asked for but the file holds {h.VolumeCount} (0 to {h.VolumeCount - 1})");
        int bytesPerVoxel = VoxelCodec.BytesPerVoxel(h.DataType);
        if (bytesPerVoxel == 0) throw new FormatException($"datatype {(int)h.DataType} ({h.DataType}) is not supported (supported: uint8, int8, int16, uint16, int32, uint32, int64, uint64, float32, float64)");
        if (h.BitPix != 0 && h.BitPix != bytesPerVoxel * 8) throw new FormatException($"bitpix is {h.BitPix} but datatype {h.DataType} has {bytesPerVoxel * 8} bits");
        int sizeI = Size(h, 1), sizeJ = Size(h, 2), sizeK = Size(h, 3);
        long count = h.VoxelsPerVolume;
        if (count > Array.MaxLength) throw new FormatException($"one volume has {count} voxels, more than an array holds ({Array.MaxLength})");

        long offset;
        Stream data;
        Stream? image = null;
        if (h.SingleFile)
        {
            // vox_offset below the header is invalid in a .nii; lenient like nibabel: the voxels follow the extension flag.
            offset = Math.Max(h.VoxOffset, h.HeaderSize + NiftiHeaderCodec.ExtensionFlagSize) - h.HeaderSize;
            data = stream;
        }
        else
        {
            image = await OpenAsync(imagePath, cancellationToken).ConfigureAwait(false);
            offset = Math.Max(0, h.VoxOffset);
            data = image;
        }
        await using (image)
        {
            offset += volumeIndex * count * bytesPerVoxel;
            await SkipAsync(data, offset, cancellationToken).ConfigureAwait(false);
            (Dicom.Imaging.Pixels.SampleType type, Array voxels) voxelData;
            try
            {
                voxelData = await VoxelCodec.ReadAsync(data, h.DataType, h.BigEndian, (int)count, h.SclSlope, h.SclInter, cancellationToken).ConfigureAwait(false);
            }
            catch (EndOfStreamException)
            {
                throw new FormatException($"the voxel data is truncated: {count} voxels of {bytesPerVoxel} bytes expected from offset {h.VoxOffset}");
            }
            slicesRead?.Report(sizeK);
            var (ras, source) = NiftiOrientation.ToRas(h);
            var geometry = NiftiOrientation.ToGeometry(ras, sizeI, sizeJ, sizeK);
            return (h, new Volume(geometry, voxelData.type, voxelData.voxels), source);
        }
    }

    /// <summary>The header file and the image file for <paramref name="path"/>: the same file for .nii, the pair otherwise.</summary>
    public static (string Header, string Image) Paths(string path)
    {
        string lower = path.ToLowerInvariant();
        string gz = lower.EndsWith(".gz", StringComparison.Ordinal) ? ".gz" : "";
        string stem = path[..^gz.Length];
        string ext = Path.GetExtension(stem).ToLowerInvariant();
        if (ext is not (".hdr" or ".img")) return (path, path);
        string bare = stem[..^4];
        string Existing(string e) => new[] { bare + e + gz, bare + e, bare + e + ".gz", bare + e.ToUpperInvariant() }.FirstOrDefault(File.Exists) ?? bare + e + gz;
        return (Existing(".hdr"), Existing(".img"));
    }

    private static async Task<NiftiHeader> ReadHeaderAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[NiftiHeaderCodec.Nifti2Size];
        int n = await stream.ReadAtLeastAsync(buffer.AsMemory(0, NiftiHeaderCodec.Nifti1Size), NiftiHeaderCodec.Nifti1Size, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (n < NiftiHeaderCodec.Nifti1Size) throw new FormatException($"it has {n} bytes, fewer than a NIfTI header (348)");
        if (NiftiHeaderCodec.Detect(buffer) is (2, _))
        {
            int more = await stream.ReadAtLeastAsync(buffer.AsMemory(n), NiftiHeaderCodec.Nifti2Size - n, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            n += more;
        }
        return NiftiHeaderCodec.Read(buffer.AsSpan(0, n));
    }

    /// <summary>Opens a file for reading, through gzip when it starts with the gzip magic (RFC 1952 §2.3.1).</summary>
    private static async Task<Stream> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        try
        {
            var magic = new byte[2];
            int n = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            file.Position = 0;
            if (n == 2 && magic[0] == 0x1F && magic[1] == 0x8B) return new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16);
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task SkipAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        if (count <= 0) return;
        if (stream.CanSeek)
        {
            stream.Seek(count, SeekOrigin.Current);
            return;
        }
        var buffer = new byte[(int)Math.Min(count, 1 << 16)];
        while (count > 0)
        {
            int n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(count, buffer.Length)), cancellationToken).ConfigureAwait(false);
            if (n == 0) throw new FormatException("the file ends before vox_offset");
            count -= n;
        }
    }

    private static int Size(NiftiHeader h, int d)
    {
        long size = d <= h.Dim[0] ? h.Dim[d] : 1;
        return size <= int.MaxValue ? (int)size : throw new FormatException($"dim[{d}] is {size}, larger than this reader handles");
    }
}
