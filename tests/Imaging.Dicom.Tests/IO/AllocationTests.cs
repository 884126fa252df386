using Imaging.Dicom.IO;

namespace Imaging.Dicom.Tests.IO;

/// <summary>
/// Reading a header must not allocate the pixel data (the speed issue's allocation goal; tests/Imaging.Benchmarks
/// measures the same with BenchmarkDotNet's MemoryDiagnoser). A 512×512 16-bit CT slice carries 512 KiB of Pixel Data
/// (7FE0,0010); opening it with <see cref="FileReadOptions.StopBeforePixelData"/> must allocate a small fraction of that.
/// </summary>
public sealed class AllocationTests : IDisposable
{
    private const int Size = 512;
    private const int PixelBytes = Size * Size * 2;

    /// <summary>Far below the pixel data: an eighth of it. Today's header parse allocates a few KiB.</summary>
    private const long HeaderBudget = PixelBytes / 8;

    private const int Opens = 20;

    private static readonly FileReadOptions HeadersOnly = new() { StopBeforePixelData = true };

    private readonly string _folder = Directory.CreateTempSubdirectory("imaging-alloc-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Syntaxes => new()
    {
        DicomTransferSyntax.ExplicitVRLittleEndian.Uid,
        DicomTransferSyntax.ImplicitVRLittleEndian.Uid,
        DicomTransferSyntax.ExplicitVRBigEndian.Uid,
    };

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Open_CtSlice512StopBeforePixelData_AllocatesFarLessThanPixelData(string syntaxUid)
    {
        var path = WriteCtSlice(DicomTransferSyntax.Lookup(syntaxUid));

        long perOpen = AllocatedPerCall(() => DicomFile.Open(path, HeadersOnly));

        Assert.True(perOpen < HeaderBudget, $"a headers-only open allocated {perOpen} bytes; the budget is {HeaderBudget} (pixel data {PixelBytes})");
    }

    [Fact]
    public void Open_CtSlice512FromFileStreamStopBeforePixelData_AllocatesFarLessThanPixelData()
    {
        var path = WriteCtSlice(DicomTransferSyntax.ExplicitVRLittleEndian);

        long perOpen = AllocatedPerCall(() =>
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            return DicomFile.Open(fs, HeadersOnly);
        });

        Assert.True(perOpen < HeaderBudget, $"a headers-only open of a stream allocated {perOpen} bytes; the budget is {HeaderBudget}");
    }

    [Fact]
    public void Open_CtSlice512StopBeforePixelData_KeepsNoPixelData()
    {
        var path = WriteCtSlice(DicomTransferSyntax.ExplicitVRLittleEndian);

        var file = DicomFile.Open(path, HeadersOnly);

        Assert.False(file.Dataset.Contains(DicomTag.PixelData));
        Assert.True(file.IsPartial);
        Assert.Equal((ushort)Size, file.Dataset.GetSingleValueOrDefault(DicomTag.Rows, (ushort)0));
    }

    /// <summary>The measurement itself sees the pixel data when it is read, so a pass above is not a blind spot.</summary>
    [Fact]
    public void Open_CtSlice512Whole_AllocatesAtLeastThePixelData()
    {
        var path = WriteCtSlice(DicomTransferSyntax.ExplicitVRLittleEndian);

        long perOpen = AllocatedPerCall(() => DicomFile.Open(path));

        Assert.True(perOpen >= PixelBytes, $"a whole read allocated only {perOpen} bytes for {PixelBytes} bytes of pixel data");
    }

    /// <summary>Bytes allocated on this thread per call, averaged over <see cref="Opens"/> calls after one warm-up call (JIT, pools).</summary>
    private static long AllocatedPerCall(Func<DicomFile> open)
    {
        GC.KeepAlive(open());
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Opens; i++) GC.KeepAlive(open());
        return (GC.GetAllocatedBytesForCurrentThread() - before) / Opens;
    }

    /// <summary>A CT slice with a typical header (patient, study, series, geometry, a short sequence) and 512 KiB of pixels.</summary>
    private string WriteCtSlice(DicomTransferSyntax syntax)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, "ISO_IR 100");
        ds.AddOrUpdate(DicomTag.ImageType, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, "2.25.1234567890123456789012345678901");
        ds.AddOrUpdate(DicomTag.Modality, "CT");
        ds.AddOrUpdate(DicomTag.PatientName, "ALLOC^TEST");
        ds.AddOrUpdate(DicomTag.PatientID, "ALLOC1");
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, "2.25.1");
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, "2.25.2");
        ds.AddOrUpdate(DicomTag.InstanceNumber, 1);
        ds.AddOrUpdate(DicomTag.ImagePositionPatient, -191.625, -191.625, 0.0);
        ds.AddOrUpdate(DicomTag.ImageOrientationPatient, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0);
        ds.AddOrUpdate(DicomTag.PixelSpacing, 0.75, 0.75);
        var code = new DicomDataset();
        code.AddOrUpdate(DicomTag.CodeValue, "C0001");
        code.AddOrUpdate(DicomTag.CodingSchemeDesignator, "99SYN");
        code.AddOrUpdate(DicomTag.CodeMeaning, "Allocation test");
        ds.AddOrUpdate(DicomVR.SQ, DicomTag.ProcedureCodeSequence, code);
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)1);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.Rows, (ushort)Size);
        ds.AddOrUpdate(DicomTag.Columns, (ushort)Size);
        ds.AddOrUpdate(DicomTag.BitsAllocated, (ushort)16);
        ds.AddOrUpdate(DicomTag.BitsStored, (ushort)16);
        ds.AddOrUpdate(DicomTag.HighBit, (ushort)15);
        ds.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)0);
        ds.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, new byte[PixelBytes]);
        var path = Path.Combine(_folder, $"ct-{syntax.Uid}.dcm");
        new DicomFile(ds).Save(path, new DicomWriteOptions { TransferSyntax = syntax });
        return path;
    }
}
