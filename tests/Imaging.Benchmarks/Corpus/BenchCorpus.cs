using System.Globalization;
using Imaging.Sdk.Testing;

namespace Imaging.Benchmarks.Corpus;

/// <summary>
/// A folder of synthetic DICOM files made by our own generator (<see cref="SyntheticStudy"/>), cached on disk: a marker
/// file records what was generated, and a folder whose marker matches is reused instead of written again.
/// </summary>
/// <param name="Name">Short name for tables ("header-rich", "ct-512").</param>
/// <param name="Description">What the files are, for the report.</param>
/// <param name="Folder">Where the files are.</param>
/// <param name="Files">Every file, in ordinal order.</param>
/// <param name="TotalBytes">The sum of the file sizes.</param>
internal sealed record BenchCorpus(string Name, string Description, string Folder, IReadOnlyList<string> Files, long TotalBytes)
{
    /// <summary>Hidden (leading dot), so `imaging collection` and folder scans skip it.</summary>
    private const string MarkerName = ".corpus.txt";

    /// <summary>Bump when the generator's output changes in a way that matters for timing, to invalidate old caches.</summary>
    private const int Version = 1;

    /// <summary>The mean file size in bytes.</summary>
    public double MeanFileBytes => Files.Count == 0 ? 0 : (double)TotalBytes / Files.Count;

    /// <summary>
    /// <paramref name="files"/> small files with rich headers (sequences, a private block, long text), split between a
    /// CT and an MR series, 64×64 pixels each: the "many files, little pixel data" case.
    /// </summary>
    public static BenchCorpus HeaderRich(string root, int files, TextWriter log) =>
        Ensure(root, "header-rich", $"{files} header-rich files, 64x64 16-bit (CT+MR)", new SyntheticStudyOptions
        {
            CtSlices = files / 2,
            MrSlices = files - files / 2,
            Size = 64,
            RichHeaders = true,
        }, log);

    /// <summary>A CT series of <paramref name="slices"/> 512×512 16-bit slices (512 KB of pixel data each), rich headers.</summary>
    public static BenchCorpus CtSeries(string root, int slices, TextWriter log) =>
        Ensure(root, "ct-512", $"{slices}-slice CT series, 512x512 16-bit", new SyntheticStudyOptions
        {
            CtSlices = slices,
            MrSlices = 0,
            Size = 512,
            RichHeaders = true,
        }, log);

    private static BenchCorpus Ensure(string root, string name, string description, SyntheticStudyOptions options, TextWriter log)
    {
        var folder = Path.Combine(root, $"{name}-{options.CtSlices + options.MrSlices}");
        var marker = Path.Combine(folder, MarkerName);
        var expected = string.Create(CultureInfo.InvariantCulture,
            $"v{Version} ct={options.CtSlices} mr={options.MrSlices} size={options.Size} rich={options.RichHeaders} seed={options.Seed}");
        if (File.Exists(marker) && File.ReadAllText(marker).Trim() == expected)
        {
            var cached = Load(name, description, folder);
            if (cached.Files.Count == options.CtSlices + options.MrSlices)
            {
                log.WriteLine($"corpus {name}: reusing {cached.Files.Count} files in {folder}");
                return cached;
            }
        }

        log.WriteLine($"corpus {name}: generating {description} in {folder} ...");
        if (Directory.Exists(folder))
        {
            // Only ever delete what the generator wrote (and our marker): the folder may be one the user named.
            foreach (var f in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                if (SyntheticStudy.IsWrittenFile(folder, f) || Path.GetFileName(f) == MarkerName) File.Delete(f);
        }
        Directory.CreateDirectory(folder);
        SyntheticStudy.WriteTo(folder, options);
        File.WriteAllText(marker, expected + "\n");
        var made = Load(name, description, folder);
        log.WriteLine($"corpus {name}: {made.Files.Count} files, {made.TotalBytes / 1e6:F1} MB");
        return made;
    }

    private static BenchCorpus Load(string name, string description, string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.dcm", SearchOption.AllDirectories)
            .Where(f => SyntheticStudy.IsWrittenFile(folder, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        long bytes = files.Sum(f => new FileInfo(f).Length);
        return new BenchCorpus(name, description, folder, files, bytes);
    }
}
