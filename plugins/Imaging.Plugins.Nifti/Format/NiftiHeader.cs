namespace Imaging.Plugins.Nifti.Format;

/// <summary>
/// The fields of a NIfTI-1 (nifti1.h, 348 bytes) or NIfTI-2 (nifti2.h, 540 bytes) header that this plugin reads and
/// writes, in NIfTI-2's widths (64-bit integers and doubles), so one model serves both versions.
/// </summary>
internal sealed class NiftiHeader
{
    /// <summary>1 or 2.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Whether the header (and so the data) is big endian.</summary>
    public bool BigEndian { get; set; }

    /// <summary>True for a single file (magic <c>n+1</c>/<c>n+2</c>), false for a .hdr/.img pair (<c>ni1</c>/<c>ni2</c>).</summary>
    public bool SingleFile { get; set; } = true;

    /// <summary><c>dim[0..7]</c>: dim[0] is the number of dimensions, dim[1..] their sizes.</summary>
    public long[] Dim { get; } = [3, 1, 1, 1, 1, 1, 1, 1];

    /// <summary><c>intent_p1..3</c>.</summary>
    public double[] IntentP { get; } = new double[3];

    /// <summary><c>intent_code</c>.</summary>
    public int IntentCode { get; set; }

    /// <summary><c>intent_name</c>.</summary>
    public string IntentName { get; set; } = "";

    /// <summary><c>datatype</c>.</summary>
    public NiftiDataType DataType { get; set; }

    /// <summary><c>bitpix</c>.</summary>
    public int BitPix { get; set; }

    /// <summary><c>pixdim[0..7]</c>: pixdim[0] is qfac (±1), pixdim[1..3] the voxel sizes.</summary>
    public double[] PixDim { get; } = [1, 1, 1, 1, 1, 1, 1, 1];

    /// <summary><c>vox_offset</c>: where the voxels start in the .nii (or .img) file.</summary>
    public long VoxOffset { get; set; }

    /// <summary><c>scl_slope</c> (0 means no scaling).</summary>
    public double SclSlope { get; set; }

    /// <summary><c>scl_inter</c>.</summary>
    public double SclInter { get; set; }

    /// <summary><c>cal_max</c>.</summary>
    public double CalMax { get; set; }

    /// <summary><c>cal_min</c>.</summary>
    public double CalMin { get; set; }

    /// <summary><c>slice_duration</c>.</summary>
    public double SliceDuration { get; set; }

    /// <summary><c>toffset</c>.</summary>
    public double TOffset { get; set; }

    /// <summary><c>slice_start</c>.</summary>
    public long SliceStart { get; set; }

    /// <summary><c>slice_end</c>.</summary>
    public long SliceEnd { get; set; }

    /// <summary><c>slice_code</c>.</summary>
    public int SliceCode { get; set; }

    /// <summary><c>dim_info</c>.</summary>
    public byte DimInfo { get; set; }

    /// <summary><c>xyzt_units</c>: spatial units in bits 0-2 (2 = mm), temporal in bits 3-5 (8 = s).</summary>
    public int XyztUnits { get; set; }

    /// <summary><c>descrip</c> (at most 79 characters).</summary>
    public string Description { get; set; } = "";

    /// <summary><c>aux_file</c>.</summary>
    public string AuxFile { get; set; } = "";

    /// <summary><c>qform_code</c> (0 unknown, 1 scanner, 2 aligned, 3 Talairach, 4 MNI, 5 template).</summary>
    public int QformCode { get; set; }

    /// <summary><c>sform_code</c>.</summary>
    public int SformCode { get; set; }

    /// <summary><c>quatern_b</c>, <c>quatern_c</c>, <c>quatern_d</c>.</summary>
    public double[] Quatern { get; } = new double[3];

    /// <summary><c>qoffset_x</c>, <c>qoffset_y</c>, <c>qoffset_z</c>.</summary>
    public double[] QOffset { get; } = new double[3];

    /// <summary><c>srow_x</c>, <c>srow_y</c>, <c>srow_z</c>: the three rows of the sform affine (voxel → RAS mm).</summary>
    public double[][] SRow { get; } = [new double[4], new double[4], new double[4]];

    /// <summary>The header size of this version (348 or 540).</summary>
    public int HeaderSize => Version == 2 ? NiftiHeaderCodec.Nifti2Size : NiftiHeaderCodec.Nifti1Size;

    /// <summary>The number of voxels in one 3-D volume (dim[1]·dim[2]·dim[3], missing dimensions counting 1).</summary>
    public long VoxelsPerVolume
    {
        get
        {
            long n = 1;
            for (int d = 1; d <= 3; d++) n *= d <= Dim[0] ? Dim[d] : 1;
            return n;
        }
    }

    /// <summary>The number of 3-D volumes (the product of dim[4..dim[0]]).</summary>
    public long VolumeCount
    {
        get
        {
            long n = 1;
            for (int d = 4; d <= Dim[0] && d < 8; d++) n *= Dim[d];
            return n;
        }
    }
}
