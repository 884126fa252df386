using Imaging.Dicom;
using Imaging.Dicom.Imaging.Codecs;
using Imaging.Host;

namespace Imaging.Cli.Plugins;

/// <summary>
/// The codecs a command decodes pixel data with: the built-in ones (RLE Lossless, native) when they suffice — no plugin
/// host is started, so rendering a native or RLE file stays fast — else the built-ins plus every codec plugin found.
/// </summary>
internal sealed class PixelCodecs : IDisposable
{
    private readonly PluginHost? _host;

    private PixelCodecs(PixelCodecRegistry registry, PluginHost? host)
    {
        Registry = registry;
        _host = host;
    }

    /// <summary>The registry to pass to <c>PixelData.Open</c> / <c>FrameRenderer.Render</c>.</summary>
    public PixelCodecRegistry Registry { get; }

    /// <summary>Codecs able to decode <paramref name="transferSyntax"/> if any are installed.</summary>
    public static PixelCodecs For(DicomTransferSyntax transferSyntax, IEnumerable<string>? pluginFolders)
    {
        if (!transferSyntax.IsEncapsulated || PixelCodecRegistry.Default.TryGetCodec(transferSyntax.Uid, out _))
            return new PixelCodecs(PixelCodecRegistry.Default, null);
        var host = HostFactory.Start(pluginFolders);
        return new PixelCodecs(host.CreateCodecRegistry(), host);
    }

    public void Dispose() => _host?.Dispose();
}
