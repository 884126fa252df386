using System.Collections.Concurrent;
using Imaging.Dicom.IO;

namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// A series read as volumes, like MATLAB's <c>dicomreadVolume</c>: headers are read first (cheap, pixel data left in the
/// files), slices are sorted into <see cref="Stacks"/> — by series, orientation, pixel format and 4-D split attribute,
/// each sorted along its normal — and everything irregular goes into <see cref="Report"/>. Pixel data is read only when
/// a stack is loaded. Works for single-frame series and enhanced multi-frame instances (PS3.3 §C.7.6.16).
/// </summary>
public sealed class VolumeSeries
{
    /// <summary>Values longer than this stay in the file until a stack is loaded.</summary>
    private const long DeferLimit = 16 * 1024;

    private VolumeSeries(List<VolumeStack> stacks, VolumeReport report, VolumeReadOptions options)
    {
        Stacks = stacks;
        Report = report;
        Options = options;
        foreach (var s in stacks) s.Report = report;
    }

    /// <summary>The buildable volumes, the largest first. A plain series has one.</summary>
    public IReadOnlyList<VolumeStack> Stacks { get; }

    /// <summary>What was found: irregular spacing, missing slices, gantry tilt, mixed orientations or formats, several volumes.</summary>
    public VolumeReport Report { get; }

    /// <summary>The options in force.</summary>
    public VolumeReadOptions Options { get; }

    /// <summary>
    /// Reads the headers of <paramref name="paths"/> (in parallel; pixel data is left in the files) and sorts the slices.
    /// Files that are not DICOM images are left out and reported.
    /// </summary>
    /// <exception cref="VolumeException">No file holds an image.</exception>
    public static VolumeSeries Open(IEnumerable<string> paths, VolumeReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var o = options ?? VolumeReadOptions.Default;
        var list = paths.ToList();
        var files = new DicomFile?[list.Count];
        var unreadable = new ConcurrentBag<(int Index, string Message)>();
        var read = new FileReadOptions { DeferValuesLongerThan = DeferLimit };
        Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
        {
            try
            {
                files[i] = DicomFile.Open(list[i], read);
            }
            catch (Exception ex) when (ex is DicomException or IOException or UnauthorizedAccessException)
            {
                unreadable.Add((i, $"{list[i]}: {ex.Message}"));
            }
        });
        var findings = unreadable.OrderBy(u => u.Index)
            .Select(u => new VolumeFinding(VolumeFindingKind.UnreadableFile, VolumeFindingSeverity.Warning, u.Message)).ToList();
        return Build(files.Where(f => f is not null)!, o, findings);
    }

    /// <summary>Reads the headers and sorts the slices on the thread pool (see <see cref="Open(IEnumerable{string}, VolumeReadOptions?, CancellationToken)"/>).</summary>
    public static Task<VolumeSeries> OpenAsync(IEnumerable<string> paths, VolumeReadOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Open(paths, options, cancellationToken), cancellationToken);

    /// <summary>Sorts files already open (single-frame slices of a series, or enhanced multi-frame instances).</summary>
    /// <exception cref="VolumeException">No file holds an image.</exception>
    public static VolumeSeries FromFiles(IEnumerable<DicomFile> files, VolumeReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Build(files, options ?? VolumeReadOptions.Default, []);
    }

    /// <summary>Sorts data sets in memory; their pixel data is taken as native Explicit VR Little Endian (as <see cref="DicomDataset"/>s built in code are).</summary>
    /// <exception cref="VolumeException">No data set holds an image.</exception>
    public static VolumeSeries FromDatasets(IEnumerable<DicomDataset> datasets, VolumeReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        return FromFiles(datasets.Select(d => new DicomFile(d)), options);
    }

    /// <summary>
    /// Reads a series into one volume (MATLAB <c>dicomreadVolume</c>): <see cref="Open(IEnumerable{string}, VolumeReadOptions?, CancellationToken)"/>, then
    /// <see cref="Load"/>.
    /// </summary>
    /// <exception cref="VolumeException">The files hold several volumes, or none, or the volume exceeds the budget.</exception>
    public static Volume Read(IEnumerable<string> paths, VolumeReadOptions? options = null, CancellationToken cancellationToken = default) =>
        Open(paths, options, cancellationToken).Load(cancellationToken: cancellationToken);

    /// <summary>Loads the only stack.</summary>
    /// <exception cref="VolumeException">There are several stacks (the message lists them; load one of <see cref="Stacks"/>), or loading failed.</exception>
    public Volume Load(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (Stacks.Count != 1)
            throw new VolumeException(
                $"the series holds {Stacks.Count} volumes; load one of VolumeSeries.Stacks: {string.Join("; ", Stacks.Select(s => s.ToString()))}", Report);
        return Stacks[0].Load(progress, cancellationToken);
    }

    private static VolumeSeries Build(IEnumerable<DicomFile> files, VolumeReadOptions options, List<VolumeFinding> findings)
    {
        var slices = new List<VolumeSlice>();
        foreach (var file in files)
        {
            try
            {
                slices.AddRange(SliceHeaderReader.Read(file));
            }
            catch (DicomException ex)
            {
                findings.Add(new VolumeFinding(VolumeFindingKind.UnreadableFile, VolumeFindingSeverity.Warning, $"{file.FilePath ?? "a data set"}: {ex.Message}"));
            }
        }
        if (slices.Count == 0)
            throw new VolumeException("no image slices to build a volume from" + (findings.Count > 0 ? ": " + string.Join("; ", findings.Select(f => f.Message)) : "."));
        var (stacks, splitKey) = StackSorter.Sort(slices, options, findings);
        return new VolumeSeries(stacks, new VolumeReport(findings, slices.Count, stacks.Count, splitKey), options);
    }

    /// <summary>The report's text.</summary>
    public override string ToString() => Report.ToString();
}
