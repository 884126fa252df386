using Imaging.Dicom.Imaging.Lut;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Tests.Codecs;

namespace Imaging.Dicom.Imaging.Tests.Lut;

/// <summary>Modality and VOI LUTs against pydicom 2.3's apply_modality_lut / apply_voi_lut, value by value.</summary>
public sealed class LutOracleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "imaging-lut-tests", Guid.NewGuid().ToString("N"));

    public LutOracleTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>Real files with Rescale Slope/Intercept and windows: CT, MR, and a MONOCHROME1 CR with slope 0.684.</summary>
    [Theory]
    [InlineData("CT_small.dcm")]
    [InlineData("MR_small.dcm")]
    [InlineData("MR_small_bigendian.dcm")]
    [InlineData("dicomdirtests/77654033/CT2/17106")]
    [InlineData("dicomdirtests/77654033/CR1/6154")]
    [InlineData("dicomdirtests/98892001/CT5N/2062")]
    [InlineData("dicomdirtests/98892003/MR700/4467")]
    public void ModalityAndVoi_RealFile_EqualPydicom(string name)
    {
        var path = PydicomOracle.TestFile(name);
        Compare(path, LutOracle.Apply(path), index: 0, preferLut: true);
    }

    [Theory]
    [InlineData("mlut.dcm", 0, true, false)]
    [InlineData("mlut.dcm", 0, true, true)]
    [InlineData("voilut.dcm", 0, true, false)]
    [InlineData("voilut.dcm", 1, true, false)]
    [InlineData("voilut.dcm", 0, true, true)]
    [InlineData("voilut.dcm", 1, true, true)]
    [InlineData("voilut.dcm", 0, false, false)]
    [InlineData("voilut.dcm", 1, false, true)]
    [InlineData("sigmoid.dcm", 0, true, false)]
    [InlineData("sigmoid.dcm", 1, true, false)]
    [InlineData("sigmoid.dcm", 2, true, true)]
    [InlineData("linear.dcm", 0, true, false)]
    [InlineData("linear.dcm", 1, true, true)]
    public void ModalityAndVoi_SyntheticLutFile_EqualPydicom(string name, int index, bool preferLut, bool implicitVR)
    {
        LutOracle.WriteSyntheticFiles(_folder, implicitVR);
        var path = Path.Combine(_folder, name);
        Compare(path, LutOracle.Apply(path, index, preferLut), index, preferLut);
    }

    [Fact]
    public void FromDataset_SyntheticModalityLut_ReadsDescriptorAndSignedFirstValue()
    {
        LutOracle.WriteSyntheticFiles(_folder, implicitVR: true);
        var lut = ModalityLut.FromDataset(DicomFile.Open(Path.Combine(_folder, "mlut.dcm")).Dataset);
        Assert.NotNull(lut.Table);
        Assert.Equal((3000, -100, 16, "US"), (lut.Table!.Count, lut.Table.FirstMappedValue, lut.Table.BitsPerEntry, lut.RescaleType));
        Assert.Equal((0.0, 65535.0), lut.OutputRange(16, isSigned: true));
    }

    private static void Compare(string path, LutOracle.Result expected, int index, bool preferLut)
    {
        var file = DicomFile.Open(path);
        var ds = file.Dataset;
        var frame = PixelData.Open(file).GetFrame(0);
        var stored = frame.ToDoubles();
        Assert.Equal(expected.Stored, stored);

        var modality = ModalityLut.FromDataset(ds);
        var values = (double[])stored.Clone();
        modality.Apply(values);
        AssertClose(expected.Modality, values, path + " modality");

        var voi = VoiLut.FromDataset(ds, 0, index, preferLut);
        if (voi is null)
        {
            // No VOI in the file: pydicom returns its input unchanged.
            AssertClose(expected.Voi, values, path + " no VOI");
            return;
        }
        // pydicom's windowing output range: the modality output range of the stored range; a table's entries as they are.
        var format = frame.Format;
        var (yMin, yMax) = voi!.Table is { } table ? (0.0, (double)table.MaxOutput) : modality.OutputRange(format.BitsStored, format.IsSigned);
        var windowed = values.Select(v => voi.Apply(v, yMin, yMax)).ToArray();
        var oracle = (double[])expected.Voi.Clone();
        if (voi.Table is { BitsPerEntry: 8 } small)
        {
            // pydicom 2.3's apply_voi indexes an 8-bit table through a uint8 array, so inputs 256 or more past the first
            // mapped value wrap around (260 → entry 4). PS3.3 §C.11.2.1.1 maps them to the last entry; pin that instead.
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] - small.FirstMappedValue >= 256) oracle[i] = small.Entries[^1];
            }
        }
        AssertClose(oracle, windowed, path + " VOI " + voi);
    }

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(expected[i] - actual[i]) > 1e-6 * Math.Max(1, Math.Abs(expected[i])))
                Assert.Fail($"{what}: value {i}: pydicom {expected[i]:R}, ours {actual[i]:R}");
        }
    }
}
