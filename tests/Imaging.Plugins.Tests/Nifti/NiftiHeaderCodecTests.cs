using Imaging.Plugins.Nifti.Format;

namespace Imaging.Plugins.Tests.Nifti;

/// <summary>The 348-byte and 540-byte headers: every field written and read back.</summary>
public sealed class NiftiHeaderCodecTests
{
    private static NiftiHeader Sample(int version)
    {
        var h = new NiftiHeader
        {
            Version = version, SingleFile = version == 1, DataType = NiftiDataType.Int16, BitPix = 16, IntentCode = 1002, IntentName = "label",
            VoxOffset = 4096, SclSlope = 0.5, SclInter = -1024, CalMax = 3000, CalMin = -1000, SliceDuration = 0.25, TOffset = 1.5,
            SliceStart = 1, SliceEnd = 30, SliceCode = 3, DimInfo = 0x39, XyztUnits = 10, Description = "a header", AuxFile = "aux.txt",
            QformCode = 1, SformCode = 2,
        };
        long[] dim = [4, 64, 32, 31, 5, 1, 1, 1];
        double[] pixdim = [-1, 0.75, 0.5, 2.5, 3, 1, 1, 1];
        dim.CopyTo(h.Dim, 0);
        pixdim.CopyTo(h.PixDim, 0);
        h.IntentP[0] = 1; h.IntentP[1] = 2; h.IntentP[2] = 3;
        h.Quatern[0] = 0.25; h.Quatern[1] = -0.5; h.Quatern[2] = 0.125;
        h.QOffset[0] = 10.5; h.QOffset[1] = -20.25; h.QOffset[2] = 30;
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 4; c++) h.SRow[r][c] = r * 4 + c + 0.5;
        return h;
    }

    [Theory]
    [InlineData(1, 348)]
    [InlineData(2, 540)]
    public void Write_ThenRead_EveryFieldRoundTrips(int version, int size)
    {
        var h = Sample(version);
        var bytes = NiftiHeaderCodec.Write(h);
        Assert.Equal(size, bytes.Length);
        var back = NiftiHeaderCodec.Read(bytes);
        Assert.Equal(version, back.Version);
        Assert.False(back.BigEndian);
        Assert.Equal(h.SingleFile, back.SingleFile);
        Assert.Equal(h.Dim, back.Dim);
        Assert.Equal(h.PixDim, back.PixDim);
        Assert.Equal(h.IntentP, back.IntentP);
        Assert.Equal(h.Quatern, back.Quatern);
        Assert.Equal(h.QOffset, back.QOffset);
        for (int r = 0; r < 3; r++) Assert.Equal(h.SRow[r], back.SRow[r]);
        Assert.Equal(
            (h.DataType, h.BitPix, h.IntentCode, h.IntentName, h.VoxOffset, h.SclSlope, h.SclInter, h.CalMax, h.CalMin, h.SliceDuration, h.TOffset),
            (back.DataType, back.BitPix, back.IntentCode, back.IntentName, back.VoxOffset, back.SclSlope, back.SclInter, back.CalMax, back.CalMin, back.SliceDuration, back.TOffset));
        Assert.Equal(
            (h.SliceStart, h.SliceEnd, h.SliceCode, h.DimInfo, h.XyztUnits, h.Description, h.AuxFile, h.QformCode, h.SformCode),
            (back.SliceStart, back.SliceEnd, back.SliceCode, back.DimInfo, back.XyztUnits, back.Description, back.AuxFile, back.QformCode, back.SformCode));
        Assert.Equal(5, back.VolumeCount);
    }

    [Fact]
    public void Read_ByteSwappedSizeofHdr_DetectsBigEndian()
    {
        var bytes = NiftiHeaderCodec.Write(Sample(1));
        Array.Reverse(bytes, 0, 4);
        Assert.Equal((1, true), NiftiHeaderCodec.Detect(bytes));
    }

    [Fact]
    public void Read_WrongMagic_ThrowsFormatExceptionNamingIt()
    {
        var bytes = NiftiHeaderCodec.Write(Sample(1));
        bytes[345] = (byte)'X';
        var e = Assert.Throws<FormatException>(() => NiftiHeaderCodec.Read(bytes));
        Assert.Contains("magic", e.Message, StringComparison.Ordinal);
    }
}
