using Imaging.Dicom.Imaging.Codecs.Rle;

namespace Imaging.Dicom.Imaging.Codecs;

/// <summary>
/// The codecs available for encapsulated pixel data, by transfer syntax UID. Built-in codecs (RLE Lossless) are always
/// present; plugins add others. Later registrations for a UID take precedence over earlier ones and the built-ins.
/// </summary>
public sealed class PixelCodecRegistry
{
    private readonly bool _readOnly;
    private readonly Lock _gate = new();
    private IPixelCodec[] _codecs;

    private PixelCodecRegistry(bool readOnly)
    {
        _readOnly = readOnly;
        _codecs = [new RlePixelCodec()];
    }

    /// <summary>A read-only registry with only the built-in codecs.</summary>
    public static PixelCodecRegistry Default { get; } = new(readOnly: true);

    /// <summary>A new registry holding the built-in codecs, to which codecs can be added.</summary>
    public PixelCodecRegistry() : this(readOnly: false) { }

    /// <summary>Adds <paramref name="codec"/> for each of its transfer syntaxes.</summary>
    /// <exception cref="InvalidOperationException">The registry is read-only (<see cref="Default"/>).</exception>
    public void Register(IPixelCodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        if (_readOnly) throw new InvalidOperationException("PixelCodecRegistry.Default is read-only; create a new PixelCodecRegistry() to add codecs.");
        lock (_gate) _codecs = [codec, .. _codecs];
    }

    /// <summary>The codec for <paramref name="transferSyntaxUid"/>, if any.</summary>
    public bool TryGetCodec(string transferSyntaxUid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPixelCodec? codec)
    {
        ArgumentNullException.ThrowIfNull(transferSyntaxUid);
        string uid = transferSyntaxUid.Trim().TrimEnd('\0');
        codec = Volatile.Read(ref _codecs).FirstOrDefault(c => c.TransferSyntaxUids.Contains(uid, StringComparer.Ordinal));
        return codec is not null;
    }

    /// <summary>All registered codecs, latest first.</summary>
    public IReadOnlyList<IPixelCodec> Codecs => Array.AsReadOnly(Volatile.Read(ref _codecs));
}
