using System.Globalization;
using Imaging.Dicom;

namespace Imaging.Sdk.Testing;

/// <summary>
/// Generates a study of phantom series with real geometry: a CT (water cylinder with a bone sphere at +700 HU and a
/// fat sphere at −100 HU, air around, stored as HU + 1024 with Rescale Intercept −1024) and an MR of the same
/// phantom. Positions, orientation and spacing are consistent (PS3.3 C.7.6.2), so volume code can be tested against them.
/// </summary>
public static class SyntheticStudy
{
    /// <summary>HU of the bone sphere.</summary>
    public const short BoneHU = 700;

    /// <summary>HU of the fat sphere.</summary>
    public const short FatHU = -100;

    /// <summary>In-plane pixel spacing in mm.</summary>
    public const double PixelSpacing = 0.75;

    /// <summary>Slice spacing (and thickness) in mm.</summary>
    public const double SliceSpacing = 2.5;

    /// <summary>Builds the study's files in memory.</summary>
    public static IEnumerable<DicomFile> Generate(SyntheticStudyOptions? options = null)
    {
        var o = options ?? new SyntheticStudyOptions();
        var rng = new Random(o.Seed);
        string studyUid = Uid(rng), frameOfReference = Uid(rng);
        if (o.CtSlices > 0)
        {
            string seriesUid = Uid(rng);
            for (int i = 0; i < o.CtSlices; i++) yield return Slice(o, rng, "CT", studyUid, seriesUid, frameOfReference, i, o.CtSlices);
        }
        if (o.MrSlices > 0)
        {
            string seriesUid = Uid(rng);
            for (int i = 0; i < o.MrSlices; i++) yield return Slice(o, rng, "MR", studyUid, seriesUid, frameOfReference, i, o.MrSlices);
        }
    }

    /// <summary>
    /// The data sets of one series of <see cref="Generate"/>'s study (<c>CT</c> or <c>MR</c>), in slice order, with the
    /// same UIDs and geometry as the files <see cref="WriteTo"/> writes; empty when the options give that series no slices.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="modality"/> is neither <c>CT</c> nor <c>MR</c>.</exception>
    public static IReadOnlyList<DicomDataset> Series(string modality = "CT", SyntheticStudyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modality);
        if (modality is not ("CT" or "MR")) throw new ArgumentException($"the synthetic study has CT and MR series, not '{modality}'.", nameof(modality));
        return [.. Generate(options).Select(f => f.Dataset).Where(d => d.GetString(DicomTag.Modality) == modality)];
    }

    /// <summary>
    /// The CT series as one multi-frame image, one frame per slice: Multi-frame Grayscale Word Secondary Capture
    /// (PS3.3 A.8.4) with Number of Frames, and Frame Increment Pointer → Slice Location Vector (PS3.3 C.8.6.3), so that
    /// frame-wise code (filters, codecs, progress per frame) has more than one unit to work on.
    /// </summary>
    /// <exception cref="ArgumentException">The options give the CT series no slices.</exception>
    public static DicomDataset MultiFrame(SyntheticStudyOptions? options = null)
    {
        var slices = Series("CT", options);
        if (slices.Count == 0) throw new ArgumentException("the options give the CT series no slices.", nameof(options));
        var ds = slices[0].Clone();
        ds.Remove(DicomTag.ImagePositionPatient, DicomTag.SliceLocation, DicomTag.InstanceNumber);
        ds.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7.3");
        // Sub-arcs of the first slice's UIDs: deterministic for a seed, distinct from every UID of the CT series.
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, slices[0].GetString(DicomTag.SOPInstanceUID) + ".1");
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, slices[0].GetString(DicomTag.SeriesInstanceUID) + ".1");
        ds.AddOrUpdate(DicomTag.SeriesNumber, 3);
        ds.AddOrUpdate(DicomTag.SeriesDescription, "Phantom CT (multi-frame)");
        ds.AddOrUpdate(DicomTag.ConversionType, "SYN");
        ds.AddOrUpdate(DicomTag.InstanceNumber, 1);
        ds.AddOrUpdate(DicomTag.NumberOfFrames, slices.Count);
        ds.AddOrUpdate(DicomTag.FrameIncrementPointer, DicomTag.SliceLocationVector);
        ds.AddOrUpdate(DicomTag.SliceLocationVector, slices.Select(s => s.GetSingleValue<double>(DicomTag.SliceLocation)).ToArray());
        using var pixels = new MemoryStream();
        foreach (var s in slices)
        {
            if (!s.TryGetElement(DicomTag.PixelData, out var frame)) throw new InvalidOperationException("a synthetic slice has no Pixel Data.");
            pixels.Write(frame.Buffer.Memory.Span);
        }
        ds.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, pixels.ToArray());
        return ds;
    }

    /// <summary>Writes the study to <paramref name="folder"/>/&lt;modality&gt;/IMGnnnn.dcm and returns the paths.</summary>
    public static IReadOnlyList<string> WriteTo(string folder, SyntheticStudyOptions? options = null, IProgress<int>? progress = null)
    {
        var o = options ?? new SyntheticStudyOptions();
        var paths = new List<string>();
        var counters = new Dictionary<string, int>();
        foreach (var file in Generate(o))
        {
            var modality = file.Dataset.GetString(DicomTag.Modality);
            counters[modality] = counters.GetValueOrDefault(modality) + 1;
            var dir = Path.Combine(folder, modality);
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, $"IMG{counters[modality]:D4}.dcm");
            file.Save(path, new Dicom.IO.DicomWriteOptions { TransferSyntax = o.TransferSyntax });
            paths.Add(path);
            progress?.Report(paths.Count);
        }
        return paths;
    }

    /// <summary>
    /// True when <paramref name="path"/> is where <see cref="WriteTo"/> puts a file under <paramref name="folder"/>:
    /// &lt;CT|MR&gt;/IMGnnnn.dcm. Tools use it to tell a previous sample from other files before writing over it.
    /// </summary>
    public static bool IsWrittenFile(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path);
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (parts.Length != 2 || parts[0] is not ("CT" or "MR")) return false;
        var name = parts[1];
        return name.Length >= 11 && name.StartsWith("IMG", StringComparison.Ordinal) && name.EndsWith(".dcm", StringComparison.Ordinal)
            && name[3..^4].All(char.IsAsciiDigit);
    }

    /// <summary>The phantom's HU at a point in patient coordinates (mm), centred on the origin.</summary>
    public static short PhantomHU(double x, double y, double z, double fieldOfView)
    {
        double r = fieldOfView * 0.4;
        if (x * x + y * y > r * r) return -1000;
        double s = fieldOfView * 0.12;
        double bx = x - r * 0.4, fx = x + r * 0.4;
        if (bx * bx + y * y + z * z < s * s) return BoneHU;
        if (fx * fx + y * y + z * z < s * s) return FatHU;
        return 0;
    }

    private static DicomFile Slice(SyntheticStudyOptions o, Random rng, string modality, string studyUid, string seriesUid, string frameOfReference, int index, int count)
    {
        int n = o.Size;
        double fov = n * PixelSpacing;
        double z = (index - (count - 1) / 2.0) * SliceSpacing;
        double x0 = -fov / 2 + PixelSpacing / 2, y0 = x0;
        var ds = new DicomDataset();
        bool ct = modality == "CT";
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, "ISO_IR 100");
        ds.AddOrUpdate(DicomTag.ImageType, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.AddOrUpdate(DicomTag.SOPClassUID, ct ? "1.2.840.10008.5.1.4.1.1.2" : "1.2.840.10008.5.1.4.1.1.4");
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, Uid(rng));
        ds.AddOrUpdate(DicomTag.StudyDate, "20260101");
        ds.AddOrUpdate(DicomTag.SeriesDate, "20260101");
        ds.AddOrUpdate(DicomTag.StudyTime, "093000");
        ds.AddOrUpdate(DicomTag.AccessionNumber, "ACC0001");
        ds.AddOrUpdate(DicomTag.Modality, modality);
        ds.AddOrUpdate(DicomTag.Manufacturer, "Imaging Platform");
        ds.AddOrUpdate(DicomTag.ReferringPhysicianName, "REFERRER^DEMO");
        ds.AddOrUpdate(DicomTag.StudyDescription, "Synthetic phantom study");
        ds.AddOrUpdate(DicomTag.SeriesDescription, ct ? "Phantom CT" : "Phantom MR T1");
        ds.AddOrUpdate(DicomTag.PatientName, o.PatientName);
        ds.AddOrUpdate(DicomTag.PatientID, o.PatientId);
        ds.AddOrUpdate(DicomTag.PatientBirthDate, "19700101");
        ds.AddOrUpdate(DicomTag.PatientSex, "O");
        ds.AddOrUpdate(DicomTag.SliceThickness, SliceSpacing);
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, studyUid);
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, seriesUid);
        ds.AddOrUpdate(DicomTag.StudyID, "1");
        ds.AddOrUpdate(DicomTag.SeriesNumber, ct ? 1 : 2);
        ds.AddOrUpdate(DicomTag.InstanceNumber, index + 1);
        ds.AddOrUpdate(DicomTag.ImagePositionPatient, x0, y0, z);
        ds.AddOrUpdate(DicomTag.ImageOrientationPatient, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0);
        ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, frameOfReference);
        ds.AddOrUpdate(DicomTag.SliceLocation, z);
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)1);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.Rows, (ushort)n);
        ds.AddOrUpdate(DicomTag.Columns, (ushort)n);
        ds.AddOrUpdate(DicomTag.PixelSpacing, PixelSpacing, PixelSpacing);
        ds.AddOrUpdate(DicomTag.BitsAllocated, (ushort)16);
        ds.AddOrUpdate(DicomTag.BitsStored, (ushort)16);
        ds.AddOrUpdate(DicomTag.HighBit, (ushort)15);
        ds.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)1);
        if (ct)
        {
            ds.AddOrUpdate(DicomTag.KVP, 120.0);
            ds.AddOrUpdate(DicomTag.WindowCenter, 40.0);
            ds.AddOrUpdate(DicomTag.WindowWidth, 400.0);
            ds.AddOrUpdate(DicomTag.RescaleIntercept, -1024.0);
            ds.AddOrUpdate(DicomTag.RescaleSlope, 1.0);
            ds.AddOrUpdate(DicomTag.RescaleType, "HU");
        }
        else
        {
            ds.AddOrUpdate(DicomTag.MagneticFieldStrength, 3.0);
            ds.AddOrUpdate(DicomTag.EchoTime, 12.0);
            ds.AddOrUpdate(DicomTag.RepetitionTime, 500.0);
            ds.AddOrUpdate(DicomTag.WindowCenter, 600.0);
            ds.AddOrUpdate(DicomTag.WindowWidth, 1200.0);
        }
        if (o.RichHeaders) AddRichHeaders(ds, rng, index);
        var pixels = new short[n * n];
        for (int r = 0; r < n; r++)
        {
            double y = y0 + r * PixelSpacing;
            for (int c = 0; c < n; c++)
            {
                double x = x0 + c * PixelSpacing;
                short hu = PhantomHU(x, y, z, fov);
                pixels[r * n + c] = ct ? (short)(hu + 1024) : MrSignal(hu);
            }
        }
        var bytes = new byte[pixels.Length * 2];
        Buffer.BlockCopy(pixels, 0, bytes, 0, bytes.Length);
        ds.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, bytes);
        return new DicomFile(ds);
    }

    private static short MrSignal(short hu) => hu switch
    {
        -1000 => 0,
        BoneHU => 150,
        FatHU => 1100,
        _ => 600,
    };

    private static void AddRichHeaders(DicomDataset ds, Random rng, int index)
    {
        ds.AddOrUpdate(DicomTag.InstitutionName, "Synthetic General Hospital");
        ds.AddOrUpdate(DicomTag.InstitutionAddress, "1 Phantom Road, Voxel City");
        ds.AddOrUpdate(DicomTag.StationName, "SYNTH01");
        ds.AddOrUpdate(DicomTag.OperatorsName, "OPERATOR^ONE", "OPERATOR^TWO");
        ds.AddOrUpdate(DicomTag.ImageComments, string.Concat(Enumerable.Repeat("Synthetic image for header parsing benchmarks. ", 6)));
        var codes = new List<DicomDataset>();
        for (int i = 0; i < 4; i++)
        {
            var code = new DicomDataset();
            code.AddOrUpdate(DicomTag.CodeValue, $"C{i:D4}");
            code.AddOrUpdate(DicomTag.CodingSchemeDesignator, "99SYN");
            code.AddOrUpdate(DicomTag.CodeMeaning, $"Synthetic procedure code {i}");
            codes.Add(code);
        }
        ds.AddOrUpdate(DicomVR.SQ, DicomTag.ProcedureCodeSequence, codes.ToArray());
        var refs = new List<DicomDataset>();
        for (int i = 0; i < 8; i++)
        {
            var r = new DicomDataset();
            r.AddOrUpdate(DicomTag.ReferencedSOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
            r.AddOrUpdate(DicomTag.ReferencedSOPInstanceUID, Uid(rng));
            refs.Add(r);
        }
        ds.AddOrUpdate(DicomVR.SQ, DicomTag.ReferencedImageSequence, refs.ToArray());
        // A private block, as scanners write (PS3.5 §7.8).
        ds.AddOrUpdate(DicomVR.LO, new DicomTag(0x0029, 0x0010), "SYNTHETIC PRIVATE");
        for (ushort e = 0x1000; e < 0x1040; e++)
            ds.AddOrUpdate(DicomVR.LO, new DicomTag(0x0029, e), $"private value {e:X4} slice {index.ToString(CultureInfo.InvariantCulture)}");
        ds.AddOrUpdate(DicomVR.OB, new DicomTag(0x0029, 0x1040), new byte[4096]);
    }

    private static string Uid(Random rng)
    {
        var bytes = new byte[16];
        rng.NextBytes(bytes);
        bytes[15] &= 0x7F;
        return "2.25." + new System.Numerics.BigInteger(bytes).ToString(CultureInfo.InvariantCulture);
    }
}
