namespace Imaging.Plugins.Nifti;

/// <summary>What a NIfTI header says about its file, read without the voxels (<see cref="NiftiFormat.ReadInfoAsync"/>).</summary>
/// <param name="Version">1 (348-byte header) or 2 (540-byte header).</param>
/// <param name="BigEndian">Whether the file is big endian.</param>
/// <param name="Dimensions">dim[1..dim[0]]: the size along each dimension.</param>
/// <param name="DataType">The datatype's name in nifti1.h terms (<c>int16</c>, <c>float32</c>, …) or its code when unknown.</param>
/// <param name="VolumeCount">3-D volumes in the file (dim[4] of a 4-D file, else 1); <see cref="NiftiFormat.ReadAsync(string, int, IProgress{Sdk.Capabilities.ProgressReport}?, CancellationToken)"/> takes an index below it.</param>
/// <param name="Orientation">Which transform gives the geometry: <c>sform</c>, <c>qform</c> or <c>pixdim</c>.</param>
/// <param name="SformCode">sform_code (0 unknown, 1 scanner, 2 aligned, 3 Talairach, 4 MNI, 5 template).</param>
/// <param name="QformCode">qform_code.</param>
/// <param name="Description">descrip.</param>
public sealed record NiftiFileInfo(
    int Version,
    bool BigEndian,
    IReadOnlyList<long> Dimensions,
    string DataType,
    long VolumeCount,
    string Orientation,
    int SformCode,
    int QformCode,
    string Description);
