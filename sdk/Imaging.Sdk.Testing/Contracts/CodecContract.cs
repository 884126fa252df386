using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>
/// The <see cref="ICodec"/> contract (PS3.5 §8.2): named transfer syntaxes, cancellable calls, corrupt frames refused with
/// <see cref="InvalidInputException"/>, encode → decode giving the frame back. A codec works on one frame, so it reports no
/// progress and has no mid-run cancellation check.
/// </summary>
internal sealed class CodecContract(ICodec codec) : CapabilityContract(codec)
{
    /// <summary>The codec checks.</summary>
    public static IReadOnlyList<string> Names { get; } = [Descriptor, CancellationBeforeStart, NoInputMutation, InvalidInput, RoundTrip];

    /// <inheritdoc />
    public override CapabilityKind Kind => CapabilityKind.Codec;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckNames => Names;

    /// <inheritdoc />
    public override Task<string> RunAsync(string check, CheckContext ctx) => check switch
    {
        Descriptor => Task.FromResult(CheckDescriptor(CheckSyntaxes)),
        CancellationBeforeStart => CancelledBeforeStartAsync(ctx),
        NoInputMutation => NoInputMutationAsync(ctx),
        InvalidInput => InvalidInputAsync(ctx),
        RoundTrip => RoundTripAsync(ctx),
        _ => throw UnknownCheck(check),
    };

    private void CheckSyntaxes(List<string> problems)
    {
        var syntaxes = Probes.Read("TransferSyntaxes", () => codec.TransferSyntaxes, problems);
        if (syntaxes is { Count: 0 }) problems.Add("TransferSyntaxes is empty");
        if (syntaxes is not null && syntaxes.Any(s => s is null)) problems.Add("TransferSyntaxes holds null");
        try { _ = codec.CanEncode; }
        catch (Exception e) { problems.Add($"reading CanEncode threw {Probes.Describe(e)}"); }
    }

    private async Task<string> CancelledBeforeStartAsync(CheckContext ctx)
    {
        var messages = new List<string>();
        var syntax = FirstSyntax();
        if (codec.CanEncode)
        {
            var native = Native(ctx, syntax);
            messages.Add(await Probes.CancelledBeforeStartAsync(ctx, "EncodeFrameAsync", t => codec.EncodeFrameAsync(native.Data, native.Format, syntax, t).AsTask()));
        }
        if (await EncodedAsync(ctx) is { } encoded)
        {
            messages.Add(await Probes.CancelledBeforeStartAsync(ctx, "DecodeFrameAsync", t => codec.DecodeFrameAsync(encoded.Data, encoded.Format, encoded.TransferSyntax!, t).AsTask()));
        }
        if (messages.Count == 0) throw Probes.Skip("the codec does not encode and no encoded frame was given (ContractVerifierOptions.CodecEncodedFrame)");
        return string.Join("; ", messages);
    }

    private async Task<string> NoInputMutationAsync(CheckContext ctx)
    {
        var checkedAny = false;
        var syntax = FirstSyntax();
        if (codec.CanEncode)
        {
            var native = Native(ctx, syntax);
            var pixels = native.Data.ToArray();
            await codec.EncodeFrameAsync(pixels, native.Format, syntax, ctx.Token);
            if (!pixels.AsSpan().SequenceEqual(native.Data.Span)) throw Probes.Violation("EncodeFrameAsync modified the pixels it was given");
            checkedAny = true;
        }
        if (await EncodedAsync(ctx) is { } encoded)
        {
            var bytes = encoded.Data.ToArray();
            await codec.DecodeFrameAsync(bytes, encoded.Format, encoded.TransferSyntax!, ctx.Token);
            if (!bytes.AsSpan().SequenceEqual(encoded.Data.Span)) throw Probes.Violation("DecodeFrameAsync modified the frame it was given");
            checkedAny = true;
        }
        if (!checkedAny) throw Probes.Skip("the codec does not encode and no encoded frame was given (ContractVerifierOptions.CodecEncodedFrame)");
        return "the buffers given are unchanged";
    }

    private async Task<string> InvalidInputAsync(CheckContext ctx)
    {
        var syntax = FirstSyntax();
        var native = Native(ctx, syntax);
        var message = await Probes.ExpectContractErrorAsync(ctx, "an empty encoded frame", t => codec.DecodeFrameAsync(ReadOnlyMemory<byte>.Empty, native.Format, syntax, t).AsTask());
        if (!codec.CanEncode) return message;
        var half = native.Data[..(native.Data.Length / 2)];
        return message + "; " + await Probes.ExpectContractErrorAsync(ctx, "pixels half as long as the format says", t => codec.EncodeFrameAsync(half, native.Format, syntax, t).AsTask());
    }

    private async Task<string> RoundTripAsync(CheckContext ctx)
    {
        var messages = new List<string>();
        foreach (var syntax in codec.TransferSyntaxes)
        {
            if (!codec.CanEncode)
            {
                try
                {
                    await codec.EncodeFrameAsync(Native(ctx, syntax).Data, Native(ctx, syntax).Format, syntax, ctx.Token);
                    throw Probes.Violation($"CanEncode is false, yet EncodeFrameAsync ({syntax.Name}) returned a frame");
                }
                catch (NotSupportedException) { }
                catch (Exception e) when (e is not ContractViolationException and not OperationCanceledException)
                {
                    throw Probes.Violation($"CanEncode is false and EncodeFrameAsync ({syntax.Name}) threw {Probes.Describe(e)}; the contract says NotSupportedException");
                }
                continue;
            }
            var native = Native(ctx, syntax);
            var encoded = await codec.EncodeFrameAsync(native.Data, native.Format, syntax, ctx.Token);
            if (encoded is null || encoded.Length == 0) throw Probes.Violation($"EncodeFrameAsync ({syntax.Name}) returned no bytes");
            var decoded = await codec.DecodeFrameAsync(encoded, native.Format, syntax, ctx.Token);
            if (decoded is null || decoded.Length != native.Format.NativeFrameLength)
                throw Probes.Violation($"decoding the frame just encoded ({syntax.Name}) gave {decoded?.Length ?? 0} bytes; the format says {native.Format.NativeFrameLength}");
            if (!syntax.IsLossy && !decoded.AsSpan().SequenceEqual(native.Data.Span))
                throw Probes.Violation($"{syntax.Name} is lossless, but decoding the frame just encoded did not give the same pixels");
            messages.Add($"{syntax.Name}: {native.Data.Length} → {encoded.Length} → {decoded.Length} bytes{(syntax.IsLossy ? "" : ", identical")}");
        }
        if (ctx.Options.CodecEncodedFrame is { TransferSyntax: not null } sample)
        {
            var decoded = await codec.DecodeFrameAsync(sample.Data, sample.Format, sample.TransferSyntax, ctx.Token);
            if (decoded is null || decoded.Length != sample.Format.NativeFrameLength)
                throw Probes.Violation($"decoding the given frame gave {decoded?.Length ?? 0} bytes; the format says {sample.Format.NativeFrameLength}");
            messages.Add($"the given {sample.TransferSyntax.Name} frame decodes to {decoded.Length} bytes");
        }
        if (messages.Count == 0) return "the codec does not encode and says so with NotSupportedException";
        return string.Join("; ", messages);
    }

    private DicomTransferSyntax FirstSyntax()
        => codec.TransferSyntaxes is { Count: > 0 } s && s[0] is { } first ? first : throw Probes.Violation("TransferSyntaxes is empty");

    /// <summary>An encoded frame to decode: the one given, or the default native frame encoded with a live token.</summary>
    private async Task<CodecSample?> EncodedAsync(CheckContext ctx)
    {
        if (ctx.Options.CodecEncodedFrame is { TransferSyntax: not null } given) return given;
        if (!codec.CanEncode) return null;
        var syntax = FirstSyntax();
        var native = Native(ctx, syntax);
        var bytes = await codec.EncodeFrameAsync(native.Data, native.Format, syntax, ctx.Token);
        return new CodecSample(bytes, native.Format, syntax);
    }

    private static CodecSample Native(CheckContext ctx, DicomTransferSyntax syntax)
        => ctx.Options.CodecNativeFrame ?? CodecFrames.For(syntax, ctx.Options.Study);
}
