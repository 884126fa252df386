using Imaging.Dicom;
using Imaging.Dicom.Imaging.Codecs;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Pixels;

/// <summary>
/// A codec plugin (the SDK's <see cref="ICodec"/>) as the pixel layer's <see cref="IPixelCodec"/>: frame access in
/// Imaging.Dicom.Imaging is synchronous (a frame is decoded where it is needed), so the plugin's call is awaited here.
/// Contract exceptions become <see cref="DicomException"/>s naming the codec and its plugin.
/// </summary>
internal sealed class PluginPixelCodec(ICodec codec, string pluginId) : IPixelCodec
{
    public string Name { get; } = $"{codec.Name} (plugin {pluginId})";

    public IReadOnlyList<string> TransferSyntaxUids { get; } = [.. codec.TransferSyntaxes.Select(t => t.Uid)];

    public bool CanEncode => codec.CanEncode;

    public byte[] Decode(ReadOnlySpan<byte> encoded, PixelFormat format, DicomTransferSyntax transferSyntax)
    {
        var bytes = encoded.ToArray();
        return Run("decode", () => codec.DecodeFrameAsync(bytes, ToFrameFormat(format), transferSyntax), transferSyntax);
    }

    public byte[] Encode(ReadOnlySpan<byte> native, PixelFormat format, DicomTransferSyntax transferSyntax)
    {
        var bytes = native.ToArray();
        return Run("encode", () => codec.EncodeFrameAsync(bytes, ToFrameFormat(format), transferSyntax), transferSyntax);
    }

    internal static FrameFormat ToFrameFormat(PixelFormat format) => new(format.Rows, format.Columns, format.SamplesPerPixel,
        format.BitsAllocated, format.BitsStored, format.IsSigned, format.PhotometricInterpretation, format.PlanarConfiguration);

    private byte[] Run(string operation, Func<ValueTask<byte[]>> start, DicomTransferSyntax transferSyntax)
    {
        try
        {
            // A codec may throw before returning its task as well as through it: both are inside the try.
            var call = start();
            var result = call.IsCompletedSuccessfully ? call.Result : call.AsTask().GetAwaiter().GetResult();
            return result ?? throw new DicomException($"codec {Name} returned no bytes for a {operation} of {transferSyntax}.");
        }
        catch (ImagingPluginException e)
        {
            throw new DicomException($"codec {Name} could not {operation} a {transferSyntax} frame: {e.Message}", e);
        }
    }
}
