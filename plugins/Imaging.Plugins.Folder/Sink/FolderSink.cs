using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Imaging.Plugins.Folder.Sink;

/// <summary>
/// The <c>folder</c> sink: writes each instance as a PS3.10 file (in the transfer syntax it carries) to
/// <c>&lt;destination&gt;/&lt;PatientID&gt;/&lt;StudyInstanceUID&gt;/&lt;Modality&gt;_&lt;SeriesNumber&gt;_&lt;series hash&gt;/&lt;SOPInstanceUID&gt;.dcm</c>.
/// Names are built from header values made safe (only <c>[A-Za-z0-9._-]</c>, at most 64 characters, never <c>..</c>),
/// so no header can place a file outside the destination. Files are written through the host's
/// <see cref="IFileOutput"/> (atomic, audited). An existing file is never replaced: one with the same content counts
/// as written, one with different content is an error.
/// </summary>
public sealed class FolderSink : IDicomSink
{
    private readonly IFileOutput _output;
    private readonly ILogger _logger;

    /// <summary>Creates the sink.</summary>
    /// <param name="output">The host's file output (given to plugins with the <c>filesystem-write</c> permission).</param>
    /// <param name="logger">Where files found already written are reported; nothing is logged when null.</param>
    public FolderSink(IFileOutput output, ILogger<FolderSink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _logger = logger ?? NullLogger<FolderSink>.Instance;
    }

    /// <inheritdoc />
    public string Name => "folder";

    /// <inheritdoc />
    public string Description => "Writes instances as PS3.10 files to <patient>/<study>/<series>/<sop>.dcm under a folder, with safe names; never overwrites.";

    /// <summary>Writes every instance under <paramref name="destination"/> (created when missing).</summary>
    /// <param name="destination">The folder to write into.</param>
    /// <param name="instances">The instances, consumed once, in order.</param>
    /// <param name="progress">One report per instance written (no total: the stream's length is not known).</param>
    /// <param name="cancellationToken">Stops between instances; a file being written is discarded by <see cref="IFileOutput"/>.</param>
    /// <returns>The number of instances and the path of each, in order.</returns>
    /// <exception cref="InvalidInputException">The destination is a file or cannot be written; a different file already exists at an
    /// instance's path; an instance has no SOP Instance UID or cannot be written in its transfer syntax.</exception>
    public async Task<SinkResult> WriteAsync(string destination, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(instances);
        cancellationToken.ThrowIfCancellationRequested();
        var root = FolderLayout.Root(destination);
        var locations = new List<string>();
        await foreach (var instance in instances.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = FolderLayout.PathFor(root, instance);
            await WriteOneAsync(path, instance, cancellationToken).ConfigureAwait(false);
            locations.Add(path);
            progress?.Report(new ProgressReport(locations.Count, null, path));
        }
        return new SinkResult(locations.Count, locations);
    }

    private async Task WriteOneAsync(string path, DicomInstance instance, CancellationToken cancellationToken)
    {
        var file = instance.ToFile();
        try
        {
            await _output.WriteAsync(path, (stream, ct) => Task.Run(() => file.Save(stream), ct), overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (File.Exists(path))
        {
            bool same;
            try
            {
                same = await ExistingFile.HasContentAsync(path, file, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception inner) when (inner is IOException or UnauthorizedAccessException or DicomException)
            {
                throw new InvalidInputException($"'{path}' already exists and cannot be compared with instance {instance}: {inner.Message}", inner);
            }
            if (same)
            {
                _logger.LogInformation("{Path} already holds this instance; left as it is", path);
                return;
            }
            throw new InvalidInputException($"'{path}' already exists with different content; the folder sink does not overwrite files (instance {instance}).", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"Cannot write '{path}': {e.Message}", e);
        }
        catch (DicomException e)
        {
            throw new InvalidInputException($"Cannot write instance {instance} to '{path}': {e.Message}", e);
        }
    }
}
