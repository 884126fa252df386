using System.Runtime.CompilerServices;
using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Tests.Contracts.Samples;

/// <summary>A source that reads every *.dcm file under a folder, in name order; well behaved unless given <see cref="Flaws"/>.</summary>
public sealed class FolderSource(Flaws flaws = Flaws.None) : IDicomSource
{
    public string Name => flaws.HasFlag(Flaws.BadName) ? "Folder Source" : "folder";

    public string Description => "Reads the DICOM files of a folder and its sub-folders.";

    public bool CanRead(string location) => Directory.Exists(location);

    public async IAsyncEnumerable<DicomInstance> ReadAsync(string location, IProgress<ProgressReport>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var token = flaws.HasFlag(Flaws.IgnoresCancellation) ? CancellationToken.None : cancellationToken;
        token.ThrowIfCancellationRequested();
        if (!Directory.Exists(location) && !flaws.HasFlag(Flaws.RawExceptionOnBadInput))
            throw new InvalidInputException($"'{location}' is not a folder.");
        var files = Directory.GetFiles(location, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (flaws.HasFlag(Flaws.MutatesInput)) await File.WriteAllTextAsync(Path.Combine(location, ".index"), string.Join('\n', files), token);
        int count = flaws.HasFlag(Flaws.WrongCount) ? files.Length - 1 : files.Length;
        for (int i = 0; i < count; i++)
        {
            token.ThrowIfCancellationRequested();
            var file = await DicomFile.OpenAsync(files[i], null, token);
            if (!flaws.HasFlag(Flaws.NoProgress)) progress?.Report(new ProgressReport(i + 1, count));
            yield return DicomInstance.FromFile(file);
        }
    }
}
