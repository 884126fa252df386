using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Guards;

/// <summary>
/// A plugin's codec. Codecs receive pixel bytes and the frame format only — no header, so no PHI in attributes — and
/// need no permission; pixels that show burned-in text are outside what the host can police (ARCHITECTURE.md).
/// </summary>
internal sealed class GuardedCodec(ICodec inner, GuardContext guard) : ICodec, IGuarded
{
    public string Name { get; } = inner.Name;
    public string Description { get; } = inner.Description;
    public IReadOnlyList<DicomTransferSyntax> TransferSyntaxes { get; } = [.. inner.TransferSyntaxes];
    public bool CanEncode { get; } = inner.CanEncode;
    public object Inner => inner;
    public string PluginId => guard.PluginId;
    public Imaging.Sdk.PluginPermissions Permissions => guard.Permissions;

    public ValueTask<byte[]> DecodeFrameAsync(ReadOnlyMemory<byte> encoded, FrameFormat format, DicomTransferSyntax transferSyntax, CancellationToken cancellationToken = default)
        => inner.DecodeFrameAsync(encoded, format, transferSyntax, cancellationToken);

    public ValueTask<byte[]> EncodeFrameAsync(ReadOnlyMemory<byte> pixels, FrameFormat format, DicomTransferSyntax transferSyntax, CancellationToken cancellationToken = default)
        => inner.EncodeFrameAsync(pixels, format, transferSyntax, cancellationToken);
}
