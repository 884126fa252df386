using System.Runtime.ExceptionServices;
using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Dicom.Values;

namespace Imaging.Fuzz;

/// <summary>
/// The fuzz target: what a user does with an untrusted file. Opens the bytes with <see cref="DicomFile.Open(Stream, FileReadOptions?)"/>
/// four ways (lenient, strict, deferring every value longer than 16 bytes, forced), touches every element's value
/// through the API a user calls (text, typed values for the VR, sequences, fragments), saves the file to memory and
/// reads it back. The contract (STYLE.md rule 5) is that malformed input only ever raises <see cref="DicomException"/>
/// (normally <see cref="DicomFormatException"/>): any other exception escapes and is a finding.
/// An open that allocates far more than the input could justify throws <see cref="ExcessiveAllocationException"/>,
/// so a bogus length that makes the reader allocate gigabytes is a finding too (touching values is not counted:
/// a hex string of every OB byte is expected to cost more than the bytes).
/// </summary>
internal sealed class DicomFileTarget
{
    private static readonly DicomTag NumberOfFrames = new(0x0028, 0x0008);

    private static readonly FileReadOptions[] Variants =
    [
        FileReadOptions.Default,
        new() { Strict = true },
        new() { DeferValuesLongerThan = 16 },
        new() { Force = true, ReplaceUnknownVR = false },
    ];

    private readonly long _allocationBase;
    private readonly long _allocationPerByte;

    /// <param name="allocationBase">Bytes one <see cref="DicomFile.Open(Stream, FileReadOptions?)"/> may allocate whatever the input (buffers, the dictionary on first use).</param>
    /// <param name="allocationPerByte">Extra bytes one open may allocate per input byte (an element object for every 8 bytes, values copied out).</param>
    public DicomFileTarget(long allocationBase = 64L << 20, long allocationPerByte = 256)
    {
        _allocationBase = allocationBase;
        _allocationPerByte = allocationPerByte;
    }

    /// <summary>Runs the target on one input; returns normally unless a contract is broken.</summary>
    public void Run(ReadOnlySpan<byte> data)
    {
        var bytes = data.ToArray();
        foreach (var options in Variants) RunOne(bytes, options);
    }

    /// <summary>Runs the target on a stream (SharpFuzz's AFL entry point hands one).</summary>
    public void Run(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        Run(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    /// <summary>Opens the bytes, failing when the reader allocated more than the input can justify (refused or not).</summary>
    private DicomFile Open(Stream input, int inputLength, FileReadOptions? options)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        DicomFile? file = null;
        DicomException? refused = null;
        try
        {
            file = DicomFile.Open(input, options);
        }
        catch (DicomException ex)
        {
            refused = ex;
        }
        long used = GC.GetAllocatedBytesForCurrentThread() - before;
        long budget = _allocationBase + _allocationPerByte * inputLength;
        if (used > budget)
            throw new ExcessiveAllocationException($"opening a {inputLength}-byte input allocated {used:N0} bytes (budget {budget:N0})");
        if (refused is not null) ExceptionDispatchInfo.Throw(refused);
        return file!;
    }

    private void RunOne(byte[] bytes, FileReadOptions options)
    {
        DicomFile file;
        // A read-only, non-publicly-visible stream, like a file a user opens; deferred values are read back from it.
        using var input = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: false);
        try
        {
            file = Open(input, bytes.Length, options);
        }
        catch (DicomException)
        {
            return;
        }
        Touch(file);
        RoundTrip(file);
    }

    private void RoundTrip(DicomFile file)
    {
        var output = new MemoryStream();
        try
        {
            file.Save(output);
        }
        catch (DicomException)
        {
            return;
        }
        output.Position = 0;
        DicomFile again;
        try
        {
            again = Open(output, (int)output.Length, null);
        }
        catch (DicomException)
        {
            return;
        }
        Touch(again);
    }

    private static void Touch(DicomFile file)
    {
        _ = file.TransferSyntax.Name;
        _ = file.Warnings.Count;
        _ = file.IsPartial;
        TouchDataset(file.FileMetaInfo);
        TouchDataset(file.Dataset);
    }

    private static void TouchDataset(DicomDataset ds)
    {
        Expect(() => _ = ds.CharacterSet.ToString());
        _ = ds.ToString();
        int frames = ds.GetSingleValueOrDefault(NumberOfFrames, 1);
        foreach (var item in ds)
        {
            _ = item.ToString();
            if (item.Tag.IsPrivate) _ = ds.GetPrivateCreator(item.Tag);
            switch (item)
            {
                case DicomElement e:
                    TouchElement(ds, e);
                    break;
                case DicomSequence s:
                    foreach (var child in s) TouchDataset(child);
                    break;
                case DicomFragmentSequence f:
                    _ = f.OffsetTable.Count;
                    foreach (var fragment in f.Fragments) _ = fragment.Memory.Length;
                    Expect(() => _ = f.GetFrameFragments(frames).Count);
                    Expect(() => _ = f.GetFrameFragments(1).Count);
                    break;
            }
        }
    }

    private static void TouchElement(DicomDataset ds, DicomElement e)
    {
        // A deferred value that cannot be read back raises DicomException; everything else must not throw at all
        // once the bytes are in memory.
        Expect(() => _ = e.Buffer.Memory.Length);
        Expect(() => _ = e.Count);
        Expect(() => _ = e.GetString());
        Expect(() => _ = e.GetStrings());
        Expect(() => _ = e.ToString());
        _ = ds.TryGetValues<string>(e.Tag, out _);
        _ = ds.GetSingleValueOrDefault<string?>(e.Tag, null);
        foreach (var typed in TypedReads(e.VR)) Expect(() => typed(e));
    }

    /// <summary>The typed reads a user makes for a VR (the conversion table's targets, PS3.5 Table 6.2-1).</summary>
    private static IEnumerable<Action<DicomElement>> TypedReads(DicomVR vr)
    {
        yield return e => e.GetValues<string>();
        yield return e => e.GetValues<byte>();
        switch (vr.Code)
        {
            case "DA":
                yield return e => e.GetValues<DateOnly>();
                yield return e => e.GetValues<DicomDateRange>();
                yield return e => e.GetValues<DateTime>();
                break;
            case "TM":
                yield return e => e.GetValues<TimeOnly>();
                yield return e => e.GetValues<DicomTimeRange>();
                yield return e => e.GetValues<DateTime>();
                break;
            case "DT":
                yield return e => e.GetValues<DateTimeOffset>();
                yield return e => e.GetValues<DateTime>();
                yield return e => e.GetValues<DicomDateTimeRange>();
                break;
            case "DS":
                yield return e => e.GetValues<double>();
                yield return e => e.GetValues<decimal>();
                yield return e => e.GetValues<float>();
                break;
            case "IS":
                yield return e => e.GetValues<long>();
                yield return e => e.GetValues<int>();
                yield return e => e.GetValues<ushort>();
                break;
            case "PN":
                yield return e => { foreach (var n in e.GetValues<DicomPersonName>()) _ = n.ToString(); };
                break;
            case "AS":
                yield return e => e.GetValues<DicomAge>();
                break;
            case "UI":
                yield return e => e.GetValues<DicomUid>();
                yield return e => e.GetValues<DicomTransferSyntax>();
                break;
            case "AT":
                yield return e => e.GetValues<DicomTag>();
                yield return e => e.GetValues<uint>();
                break;
            case "US" or "OW":
                yield return e => e.GetValues<ushort>();
                yield return e => e.GetValues<int>();
                break;
            case "SS":
                yield return e => e.GetValues<short>();
                yield return e => e.GetValues<ushort>();
                break;
            case "UL" or "OL" or "SL" or "SV" or "UV" or "OV":
                yield return e => e.GetValues<long>();
                yield return e => e.GetValues<uint>();
                yield return e => e.GetValues<double>();
                break;
            case "FL" or "OF" or "FD" or "OD":
                yield return e => e.GetValues<double>();
                yield return e => e.GetValues<float>();
                yield return e => e.GetValues<int>();
                break;
        }
        yield return e => e.Get<byte[]>();
    }

    /// <summary>Runs an access that may refuse with <see cref="DicomException"/>; any other exception escapes as a finding.</summary>
    private static void Expect(Action access)
    {
        try
        {
            access();
        }
        catch (DicomException)
        {
        }
    }
}
