using Imaging.Dicom.IO;

namespace Imaging.Dicom.Tests.IO;

/// <summary>Every VR of PS3.5 Table 6.2-1: typed values set through the dataset API survive write and read in every uncompressed syntax.</summary>
public class DicomVRRoundTripTests
{
    private static readonly DicomTransferSyntax[] Syntaxes =
    [
        DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian,
        DicomTransferSyntax.ExplicitVRBigEndian, DicomTransferSyntax.DeflatedExplicitVRLittleEndian,
    ];

    private static DicomDataset Reread(DicomDataset ds, DicomTransferSyntax ts)
    {
        var stream = new MemoryStream();
        new DicomFile(ds).Save(stream, new DicomWriteOptions { TransferSyntax = ts });
        stream.Position = 0;
        var f = DicomFile.Open(stream);
        Assert.Empty(f.Warnings);
        return f.Dataset;
    }

    public static TheoryData<string> SyntaxUids() => new(Syntaxes.Select(s => s.Uid));

    [Theory]
    [MemberData(nameof(SyntaxUids))]
    public void AddOrUpdate_EveryVR_RoundTripsTypedValues(string uid)
    {
        var ts = DicomTransferSyntax.Lookup(uid);
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.RetrieveAETitle, "STORESCP", "ARCHIVE");                       // AE
        ds.AddOrUpdate(DicomTag.PatientAge, new DicomAge(45, DicomAgeUnit.Years));              // AS
        ds.AddOrUpdate(DicomTag.FrameIncrementPointer, DicomTag.FrameTime, DicomTag.FrameTimeVector); // AT
        ds.AddOrUpdate(DicomTag.ImageType, "ORIGINAL", "PRIMARY");                              // CS
        ds.AddOrUpdate(DicomTag.StudyDate, new DateOnly(2026, 11, 25));                         // DA
        ds.AddOrUpdate(DicomTag.PixelSpacing, 0.5, 0.25);                                       // DS
        ds.AddOrUpdate(DicomTag.AcquisitionDateTime, new DateTime(2026, 11, 25, 8, 30, 15, 250)); // DT
        ds.AddOrUpdate(DicomTag.RealWorldValueSlope, 1.0e-3);                                   // FD
        ds.AddOrUpdate(DicomTag.RecommendedDisplayFrameRateInFloat, 29.97f);                    // FL
        ds.AddOrUpdate(DicomTag.InstanceNumber, 42);                                            // IS
        ds.AddOrUpdate(DicomTag.InstitutionName, "General Hospital");                          // LO
        ds.AddOrUpdate(DicomTag.AdditionalPatientHistory, "line one\r\nline two");             // LT
        ds.AddOrUpdate(DicomVR.OB, DicomTag.ICCProfile, (byte)0, (byte)1);                     // OB
        ds.AddOrUpdate(DicomTag.SelectorODValue, 1.5, -2.5);                                    // OD
        ds.AddOrUpdate(DicomTag.FloatPixelData, 1.5f, -2.5f);                                   // OF
        ds.AddOrUpdate(DicomTag.SelectorOLValue, 7u, 9u);                                       // OL
        ds.AddOrUpdate(DicomTag.SelectorOVValue, ulong.MaxValue, 3ul);                          // OV
        ds.AddOrUpdate(DicomVR.OW, DicomTag.RedPaletteColorLookupTableData, (ushort)1, (ushort)65535); // OW
        ds.AddOrUpdate(DicomTag.PatientName, new DicomPersonName("Yamada", "Tarou"));          // PN
        ds.AddOrUpdate(DicomTag.StationName, "CT01");                                           // SH
        ds.AddOrUpdate(DicomTag.ReferencePixelX0, -5);                                          // SL
        ds.AddOrUpdate(DicomTag.TagAngleSecondAxis, (short)-7);                                 // SS
        ds.AddOrUpdate(DicomTag.SelectorSVValue, long.MinValue, 5L);                            // SV
        ds.AddOrUpdate(DicomTag.InstitutionAddress, "1 Road");                                  // ST
        ds.AddOrUpdate(DicomTag.StudyTime, new TimeOnly(8, 30, 15, 500));                       // TM
        ds.AddOrUpdate(DicomTag.StrainAdditionalInformation, "unlimited characters");           // UC
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, "1.2.3.4");                                     // UI
        ds.AddOrUpdate(DicomTag.SimpleFrameList, 1u, 3u);                                       // UL
        ds.AddOrUpdate(DicomTag.RetrieveURL, "https://example.org/dicomweb");                  // UR
        ds.AddOrUpdate(DicomTag.Rows, (ushort)512);                                             // US
        ds.AddOrUpdate(DicomTag.TextValue, "unlimited text");                                   // UT
        ds.AddOrUpdate(DicomTag.SelectorUVValue, ulong.MaxValue);                               // UV
        ds.AddOrUpdate(DicomVR.UN, new DicomTag(0x0009, 0x1001), (byte)1, (byte)2);             // UN (private, no creator)

        var back = Reread(ds, ts);

        Assert.Equal(new[] { "STORESCP", "ARCHIVE" }, back.GetValues<string>(DicomTag.RetrieveAETitle));
        Assert.Equal(new DicomAge(45, DicomAgeUnit.Years), back.GetSingleValue<DicomAge>(DicomTag.PatientAge));
        Assert.Equal(new[] { DicomTag.FrameTime, DicomTag.FrameTimeVector }, back.GetValues<DicomTag>(DicomTag.FrameIncrementPointer));
        Assert.Equal(new[] { "ORIGINAL", "PRIMARY" }, back.GetValues<string>(DicomTag.ImageType));
        Assert.Equal(new DateOnly(2026, 11, 25), back.GetSingleValue<DateOnly>(DicomTag.StudyDate));
        Assert.Equal(new[] { 0.5, 0.25 }, back.GetValues<double>(DicomTag.PixelSpacing));
        Assert.Equal(new DateTime(2026, 11, 25, 8, 30, 15, 250), back.GetSingleValue<DateTime>(DicomTag.AcquisitionDateTime));
        Assert.Equal(1.0e-3, back.GetSingleValue<double>(DicomTag.RealWorldValueSlope));
        Assert.Equal(29.97f, back.GetSingleValue<float>(DicomTag.RecommendedDisplayFrameRateInFloat));
        Assert.Equal(42, back.GetSingleValue<int>(DicomTag.InstanceNumber));
        Assert.Equal("General Hospital", back.GetString(DicomTag.InstitutionName));
        Assert.Equal("line one\r\nline two", back.GetString(DicomTag.AdditionalPatientHistory));
        Assert.Equal(new byte[] { 0, 1 }, back.GetValues<byte>(DicomTag.ICCProfile));
        Assert.Equal(new[] { 1.5, -2.5 }, back.GetValues<double>(DicomTag.SelectorODValue));
        Assert.Equal(new[] { 1.5f, -2.5f }, back.GetValues<float>(DicomTag.FloatPixelData));
        Assert.Equal(new[] { 7u, 9u }, back.GetValues<uint>(DicomTag.SelectorOLValue));
        Assert.Equal(new[] { ulong.MaxValue, 3ul }, back.GetValues<ulong>(DicomTag.SelectorOVValue));
        Assert.Equal(new ushort[] { 1, 65535 }, back.GetValues<ushort>(DicomTag.RedPaletteColorLookupTableData));
        Assert.Equal("Tarou", back.GetSingleValue<DicomPersonName>(DicomTag.PatientName).GivenName);
        Assert.Equal("CT01", back.GetString(DicomTag.StationName));
        Assert.Equal(-5, back.GetSingleValue<int>(DicomTag.ReferencePixelX0));
        Assert.Equal((short)-7, back.GetSingleValue<short>(DicomTag.TagAngleSecondAxis));
        Assert.Equal(new[] { long.MinValue, 5L }, back.GetValues<long>(DicomTag.SelectorSVValue));
        Assert.Equal("1 Road", back.GetString(DicomTag.InstitutionAddress));
        Assert.Equal(new TimeOnly(8, 30, 15, 500), back.GetSingleValue<TimeOnly>(DicomTag.StudyTime));
        Assert.Equal("unlimited characters", back.GetString(DicomTag.StrainAdditionalInformation));
        Assert.Equal("1.2.3.4", back.GetString(DicomTag.SOPInstanceUID));
        Assert.Equal(new[] { 1u, 3u }, back.GetValues<uint>(DicomTag.SimpleFrameList));
        Assert.Equal("https://example.org/dicomweb", back.GetString(DicomTag.RetrieveURL));
        Assert.Equal((ushort)512, back.GetSingleValue<ushort>(DicomTag.Rows));
        Assert.Equal("unlimited text", back.GetString(DicomTag.TextValue));
        Assert.Equal(ulong.MaxValue, back.GetSingleValue<ulong>(DicomTag.SelectorUVValue));
        Assert.Equal(new byte[] { 1, 2 }, back.GetValues<byte>(new DicomTag(0x0009, 0x1001)));
    }

    [Fact]
    public void Save_MetaGroupElementsInTheDataSet_AreNotWrittenIntoTheBody()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, "1.2.3");
        ds.AddOrUpdate(DicomTag.TransferSyntaxUID, "1.2.840.10008.1.2.2");
        var back = Reread(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.False(back.Contains(DicomTag.TransferSyntaxUID));
        Assert.Equal("1.2.3", back.GetString(DicomTag.SOPInstanceUID));
    }
}
