using BenchmarkDotNet.Attributes;
using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Sdk.Testing;

namespace Imaging.Benchmarks.Bdn;

/// <summary>
/// Opening one file headers-only (PS3.10 file, read up to Pixel Data (7FE0,0010)), with the allocation per open from
/// BenchmarkDotNet's MemoryDiagnoser: parsing a header must not allocate its pixel data. The full read of the same CT
/// slice is the contrast: it allocates the 512 KiB of pixels.
/// </summary>
[MemoryDiagnoser]
public class HeaderParseBenchmarks
{
    private static readonly FileReadOptions HeadersOnly = new() { StopBeforePixelData = true };
    private string _folder = "";
    private string _headerRich = "";
    private string _ctSlice = "";
    private byte[] _headerRichBytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"imaging-bdn-{Environment.ProcessId}");
        Directory.CreateDirectory(_folder);
        _headerRich = Write("rich.dcm", new SyntheticStudyOptions { CtSlices = 1, MrSlices = 0, Size = 64, RichHeaders = true });
        _ctSlice = Write("ct512.dcm", new SyntheticStudyOptions { CtSlices = 1, MrSlices = 0, Size = 512, RichHeaders = true });
        _headerRichBytes = File.ReadAllBytes(_headerRich);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A header-rich 64×64 file (≈150 extra elements, sequences, a private block) opened headers-only.</summary>
    [Benchmark(Baseline = true)]
    public int HeaderRichFile_HeadersOnly() => DicomFile.Open(_headerRich, HeadersOnly).Dataset.Count;

    /// <summary>The same file parsed from memory: the parse without the file system (open, read syscalls).</summary>
    [Benchmark]
    public int HeaderRichFile_FromMemory_HeadersOnly() => DicomFile.Open(new MemoryStream(_headerRichBytes, writable: false), HeadersOnly).Dataset.Count;

    /// <summary>A 512×512 16-bit CT slice opened headers-only: allocation must stay far below its 512 KiB of pixels.</summary>
    [Benchmark]
    public int CtSlice512_HeadersOnly() => DicomFile.Open(_ctSlice, HeadersOnly).Dataset.Count;

    /// <summary>The same CT slice read whole, pixel data included (the contrast).</summary>
    [Benchmark]
    public int CtSlice512_Full() => DicomFile.Open(_ctSlice).Dataset.Count;

    private string Write(string name, SyntheticStudyOptions options)
    {
        var path = Path.Combine(_folder, name);
        SyntheticStudy.Generate(options).Single().Save(path);
        return path;
    }
}
