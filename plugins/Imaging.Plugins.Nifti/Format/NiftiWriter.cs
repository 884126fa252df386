using System.IO.Compression;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Nifti.Orientation;

namespace Imaging.Plugins.Nifti.Format;

/// <summary>
/// Writes a volume as a single-file NIfTI-1 or NIfTI-2 (.nii, gzipped for .nii.gz): header, a zero extension flag,
/// the voxels little endian from vox_offset 352 (NIfTI-1) or 544 (NIfTI-2). Geometry goes in both sform and qform
/// (code 1, scanner), units mm and seconds, no scaling (the volume already holds modality values).
/// </summary>
internal static class NiftiWriter
{
    /// <summary>NIFTI_UNITS_MM | NIFTI_UNITS_SEC.</summary>
    public const int MillimetresAndSeconds = 2 | 8;

    /// <summary>The largest size NIfTI-1's 16-bit dim fields hold.</summary>
    public const long MaxNifti1Size = short.MaxValue;

    /// <summary>The header for <paramref name="volume"/> in NIfTI <paramref name="version"/> (1 or 2).</summary>
    public static NiftiHeader CreateHeader(Volume volume, int version, string description)
    {
        var g = volume.Geometry;
        var h = new NiftiHeader { Version = version, SingleFile = true, DataType = VoxelCodec.ForSampleType(volume.SampleType) };
        h.BitPix = VoxelCodec.BytesPerVoxel(h.DataType) * 8;
        h.Dim[0] = 3; h.Dim[1] = g.SizeI; h.Dim[2] = g.SizeJ; h.Dim[3] = g.SizeK;
        for (int d = 4; d < 8; d++) h.Dim[d] = 1;
        NiftiOrientation.Apply(h, g);
        for (int d = 4; d < 8; d++) h.PixDim[d] = 1;
        h.VoxOffset = h.HeaderSize + NiftiHeaderCodec.ExtensionFlagSize;
        h.SclSlope = 1;
        h.SclInter = 0;
        h.XyztUnits = MillimetresAndSeconds;
        h.Description = description;
        return h;
    }

    /// <summary>Writes header, extension flag and voxels to <paramref name="output"/>, through gzip when asked.</summary>
    public static async Task WriteAsync(Stream output, NiftiHeader header, Volume volume, bool gzip, IProgress<long>? bytesWritten, CancellationToken cancellationToken)
    {
        Stream target = gzip ? new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true) : output;
        try
        {
            await target.WriteAsync(NiftiHeaderCodec.Write(header), cancellationToken).ConfigureAwait(false);
            var pad = new byte[header.VoxOffset - header.HeaderSize];
            await target.WriteAsync(pad, cancellationToken).ConfigureAwait(false);
            await VoxelCodec.WriteAsync(target, volume.Voxels, bytesWritten, cancellationToken).ConfigureAwait(false);
            await target.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (gzip) await target.DisposeAsync().ConfigureAwait(false);
        }
    }
}
