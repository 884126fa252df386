using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Cli.Anonymize;

/// <summary>
/// Anonymizes a list of files in parallel (<see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>):
/// read, de-identify through the anonymizer capability (PS3.15 Annex E), write under OUT by the new UIDs
/// (<see cref="OutputLayout"/>), and record the original → replacement pairs. A file that cannot be read, that the
/// anonymizer refuses, or whose output cannot be written is skipped with its reason; nothing partial is left behind.
/// </summary>
internal sealed class AnonymizeRun(IAnonymizer anonymizer, AnonymizationRequest request, string outputRoot, PseudonymMap map)
{
    // Values are read whole, except very large ones (multi-frame pixel data), which stay in the input file until the output is
    // written. Not lower: re-reading a deferred value on Save costs ~3.5 ms per 512 KiB CT slice, 7x the rest of the write.
    private static readonly FileReadOptions ReadOptions = new() { DeferValuesLongerThan = 16 << 20 };

    /// <summary>One input: its path as found and its path relative to IN (what reports show).</summary>
    public sealed record Input(string Path, string Relative);

    /// <summary>Processes every input with at most <paramref name="jobs"/> at a time; results are in input order.</summary>
    public async Task<IReadOnlyList<FileResult>> RunAsync(IReadOnlyList<Input> inputs, int jobs, Action? fileDone, CancellationToken cancellationToken)
    {
        var results = new FileResult[inputs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, inputs.Count), options, async (i, ct) =>
        {
            results[i] = await OneAsync(inputs[i], ct).ConfigureAwait(false);
            fileDone?.Invoke();
        }).ConfigureAwait(false);
        return results;
    }

    private async Task<FileResult> OneAsync(Input input, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        DicomFile file;
        try
        {
            file = DicomFile.Open(input.Path, ReadOptions);
        }
        catch (Exception e) when (e is DicomException or IOException or UnauthorizedAccessException)
        {
            return FileResult.Skipped(input.Relative, "unreadable: " + Reason(e, input.Path));
        }
        if (file.IsPartial) return FileResult.Skipped(input.Relative, "unreadable: the file ends before its data set does (cut short)");
        if (file.FileMetaInfo.TryGetString(DicomTag.MediaStorageSOPClassUID, out var sopClass) && sopClass.Trim() == DicomUid.MediaStorageDirectoryStorage.Value)
            return FileResult.Skipped(input.Relative, "a DICOMDIR (media directory): its records name the input files and patients; make a new one from OUT");

        AnonymizationResult result;
        try
        {
            result = await anonymizer.AnonymizeAsync(file.Dataset, request, null, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (InvalidInputException e)
        {
            return FileResult.Skipped(input.Relative, "refused by the anonymizer: " + e.Message);
        }
        catch (Exception e) when (e is DicomException or ImagingPluginException)
        {
            return FileResult.Skipped(input.Relative, "the anonymizer failed: " + e.Message);
        }

        var relative = OutputLayout.RelativePath(result.Dataset, out var problem);
        if (relative is null) return FileResult.Skipped(input.Relative, problem!);
        var target = Path.Combine(outputRoot, relative);
        try
        {
            OutputLayout.Write(Output(file, result.Dataset), target);
        }
        catch (DicomException e)
        {
            return FileResult.Skipped(input.Relative, "cannot write the anonymized file: " + e.Message);
        }
        catch (IOException) when (File.Exists(target))
        {
            return FileResult.Skipped(input.Relative, $"another input was already written as {relative} (the same SOP Instance UID)");
        }
        map.Add(file.Dataset, result.Dataset);
        return new FileResult(input.Relative, relative, result.ActionCounts, null);
    }

    /// <summary>
    /// The output file: the anonymized data set in the input's transfer syntax, with new File Meta Information (only the
    /// transfer syntax is carried over: source/sending AE titles and private meta information may identify the site)
    /// and a zero preamble (the input's preamble may hold anything, e.g. a TIFF header with text).
    /// </summary>
    private static DicomFile Output(DicomFile input, DicomDataset anonymized)
    {
        var syntax = input.TransferSyntax;
        if (!syntax.IsEncapsulated && anonymized.Any(i => i is DicomFragmentSequence)
            && input.FileMetaInfo.TryGetString(DicomTag.TransferSyntaxUID, out var declared) && DicomTransferSyntax.Lookup(declared.Trim()) is { IsEncapsulated: true } encapsulated)
            syntax = encapsulated;
        var meta = new DicomDataset();
        meta.AddOrUpdate(DicomVR.UI, DicomTag.TransferSyntaxUID, syntax.Uid);
        return new DicomFile(anonymized, meta);
    }

    private static string Reason(Exception e, string path)
    {
        var message = e is DicomFormatException { FilePath: { } named } f && f.Message.StartsWith(named + ": ", StringComparison.Ordinal)
            ? f.Message[(named.Length + 2)..] : e.Message;
        return message.StartsWith(path + ": ", StringComparison.Ordinal) ? message[(path.Length + 2)..] : message;
    }
}
