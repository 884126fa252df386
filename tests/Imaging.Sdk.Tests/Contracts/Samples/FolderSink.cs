using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Tests.Contracts.Samples;

/// <summary>A sink that writes each instance to &lt;folder&gt;/&lt;SOP Instance UID&gt;.dcm atomically; well behaved unless given <see cref="Flaws"/>.</summary>
public sealed class FolderSink(Flaws flaws = Flaws.None) : IDicomSink
{
    public string Name => flaws.HasFlag(Flaws.BadName) ? "Folder Sink" : "folder";

    public string Description => "Writes instances to a folder, one file per SOP Instance UID.";

    public async Task<SinkResult> WriteAsync(string destination, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var token = flaws.HasFlag(Flaws.IgnoresCancellation) ? CancellationToken.None : cancellationToken;
        token.ThrowIfCancellationRequested();
        try
        {
            Directory.CreateDirectory(destination);
        }
        catch (IOException e) when (!flaws.HasFlag(Flaws.RawExceptionOnBadInput))
        {
            throw new InvalidInputException($"Cannot write to '{destination}': {e.Message}", e);
        }
        var locations = new List<string>();
        // In-place writing checks the token only mid-file: the flaw under test.
        bool inPlace = flaws.HasFlag(Flaws.LeavesPartialFile);
        await foreach (var instance in instances.WithCancellation(inPlace ? CancellationToken.None : token))
        {
            if (!inPlace) token.ThrowIfCancellationRequested();
            if (flaws.HasFlag(Flaws.MutatesInput)) instance.Dataset.AddOrUpdate(DicomTag.InstitutionName, "Written by the folder sink");
            var path = Path.Combine(destination, $"{instance.SopInstanceUid}.dcm");
            if (inPlace) await WriteInPlaceAsync(instance, path, token);
            else await instance.ToFile().SaveAsync(path, null, token);
            locations.Add(path);
            if (!flaws.HasFlag(Flaws.NoProgress)) progress?.Report(new ProgressReport(locations.Count));
        }
        return new SinkResult(flaws.HasFlag(Flaws.WrongCount) ? locations.Count + 1 : locations.Count, locations);
    }

    private static async Task WriteInPlaceAsync(DicomInstance instance, string path, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        instance.ToFile().Save(buffer);
        var bytes = buffer.ToArray();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        await file.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), CancellationToken.None);
        await file.FlushAsync(CancellationToken.None);
        token.ThrowIfCancellationRequested();
        await file.WriteAsync(bytes.AsMemory(bytes.Length / 2), CancellationToken.None);
    }
}
