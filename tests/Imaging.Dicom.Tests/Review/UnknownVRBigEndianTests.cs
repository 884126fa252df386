using System.Buffers.Binary;
using System.Text;
using Imaging.Dicom.IO;

namespace Imaging.Dicom.Tests.Review;

/// <summary>
/// PS3.5 §6.2.2: an application that knows the real VR of a UN element "can assume that the Value Field of the
/// Attribute is encoded in Little Endian byte ordering with implicit VR encoding, irrespective of the current
/// Transfer Syntax". Bug: in Explicit VR Big Endian the reader swapped a UN value after giving it its dictionary VR.
/// </summary>
public sealed class UnknownVRBigEndianTests
{
    [Fact]
    public void Open_BigEndianUNWithKnownVR_ReadsValueAsLittleEndian()
    {
        // (0028,0010) Rows as UN, value 512 in little endian (00 02), in an explicit VR big endian data set.
        var dataset = new MemoryStream();
        WriteBigEndianHeader(dataset, 0x0008, 0x0060, "CS", 2);
        dataset.Write("CT"u8);
        WriteBigEndianHeader(dataset, 0x0028, 0x0010, "UN", 2);
        dataset.Write([0x00, 0x02]);

        var file = DicomFile.Open(new MemoryStream(Part10("1.2.840.10008.1.2.2", dataset.ToArray())));

        Assert.Equal(DicomTransferSyntax.ExplicitVRBigEndian, file.TransferSyntax);
        var rows = Assert.IsType<DicomElement>(file.Dataset[DicomTag.Rows]);
        Assert.Equal(DicomVR.US, rows.VR);
        Assert.Equal((ushort)512, rows.Get<ushort>());
    }

    [Fact]
    public void Save_BigEndianShortVRValueOver64KiB_RoundTripsThroughUN()
    {
        // A US value longer than a 16-bit length can hold is written as UN (PS3.5 §6.2.2 note), little endian.
        var values = Enumerable.Range(0, 40_000).Select(i => (ushort)(i * 7)).ToArray();
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.Modality, "OT");
        ds.AddOrUpdate(DicomVR.US, DicomTag.Rows, values);
        var ms = new MemoryStream();
        new DicomFile(ds).Save(ms, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.ExplicitVRBigEndian });

        ms.Position = 0;
        var back = DicomFile.Open(ms);

        Assert.Equal(DicomTransferSyntax.ExplicitVRBigEndian, back.TransferSyntax);
        Assert.Equal(values, back.Dataset.GetValues<ushort>(DicomTag.Rows));
    }

    private static void WriteBigEndianHeader(Stream s, ushort group, ushort element, string vr, uint length)
    {
        bool longForm = vr is "OB" or "OW" or "UN" or "UT" or "UC" or "UR" or "SQ";
        var h = new byte[longForm ? 12 : 8];
        BinaryPrimitives.WriteUInt16BigEndian(h, group);
        BinaryPrimitives.WriteUInt16BigEndian(h.AsSpan(2), element);
        h[4] = (byte)vr[0];
        h[5] = (byte)vr[1];
        if (longForm) BinaryPrimitives.WriteUInt32BigEndian(h.AsSpan(8), length);
        else BinaryPrimitives.WriteUInt16BigEndian(h.AsSpan(6), (ushort)length);
        s.Write(h);
    }

    /// <summary>Preamble, "DICM", (0002,0010) Transfer Syntax UID (explicit VR little endian, PS3.10 §7.1), then the data set.</summary>
    private static byte[] Part10(string transferSyntaxUid, byte[] dataset)
    {
        var uid = Encoding.ASCII.GetBytes(transferSyntaxUid.Length % 2 == 0 ? transferSyntaxUid : transferSyntaxUid + "\0");
        var h = new byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(h, 0x0002);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(2), 0x0010);
        h[4] = (byte)'U';
        h[5] = (byte)'I';
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(6), (ushort)uid.Length);
        return [.. new byte[128], .. "DICM"u8, .. h, .. uid, .. dataset];
    }
}
