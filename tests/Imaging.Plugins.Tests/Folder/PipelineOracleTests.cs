using Imaging.Dicom;
using Imaging.Plugins.Filters.Gaussian;
using Imaging.Plugins.Folder.Sink;
using Imaging.Plugins.Folder.Source;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing;

namespace Imaging.Plugins.Tests.Folder;

/// <summary>source → gaussian → sink, with the written file read back by pydicom rather than by our own reader.</summary>
public sealed class PipelineOracleTests : IDisposable
{
    private const string Script = """
        import sys, json, pydicom
        ds = pydicom.dcmread(sys.argv[1])
        print(json.dumps({
            "imageType": list(ds.ImageType),
            "derivation": str(ds.DerivationDescription),
            "sop": str(ds.SOPInstanceUID),
            "mediaSop": str(ds.file_meta.MediaStorageSOPInstanceUID),
            "source": str(ds.SourceImageSequence[0].ReferencedSOPInstanceUID),
            "pixels": ds.pixel_array.astype(int).ravel().tolist(),
        }))
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SourceGaussianSink_CtSlices_PydicomReadsDerivedImages()
    {
        SyntheticStudy.WriteTo(_temp.Combine("in"), new SyntheticStudyOptions { CtSlices = 2, MrSlices = 0, Size = 32 });
        var gaussian = new GaussianFilter();
        var filtered = new List<DicomInstance>();
        var originals = new List<DicomInstance>();
        await foreach (var instance in new FolderSource().ReadAsync(_temp.Combine("in")))
        {
            originals.Add(instance);
            filtered.Add(instance.WithDataset(await gaussian.ApplyAsync(instance.Dataset, CapabilityArguments.Empty.With("sigma", "1.2"))));
        }

        var result = await new FolderSink(new TestFileOutput()).WriteAsync(_temp.Combine("out"), filtered.ToAsyncEnumerable());

        for (int i = 0; i < 2; i++)
        {
            var read = await Pydicom.RunJsonAsync(Script, result.Locations[i]);
            var ds = filtered[i].Dataset;
            Assert.Equal(["DERIVED", "PRIMARY", "AXIAL"], read.GetProperty("imageType").EnumerateArray().Select(e => e.GetString()));
            Assert.StartsWith("Gaussian smoothing, sigma 1.2 px", read.GetProperty("derivation").GetString(), StringComparison.Ordinal);
            Assert.Equal(ds.GetString(DicomTag.SOPInstanceUID), read.GetProperty("sop").GetString());
            Assert.Equal(ds.GetString(DicomTag.SOPInstanceUID), read.GetProperty("mediaSop").GetString());
            Assert.Equal(originals[i].SopInstanceUid, read.GetProperty("source").GetString());
            Assert.Equal(TestImages.StoredValues(ds), read.GetProperty("pixels").EnumerateArray().Select(e => e.GetInt32()));
        }
    }
}
