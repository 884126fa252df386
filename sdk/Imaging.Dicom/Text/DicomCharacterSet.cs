using System.Text;

namespace Imaging.Dicom.Text;

/// <summary>
/// The character repertoires of (0008,0005) Specific Character Set (PS3.3 C.12.1.1.2) and the encoding of text values
/// with them (PS3.5 §6.1), including code extensions with ISO/IEC 2022 escape sequences (PS3.5 §6.1.2.5).
/// Immutable and thread-safe; make one per data set with <see cref="FromTerms"/>.
/// </summary>
/// <remarks>
/// Reading is lenient, like pydicom: misspelled terms are corrected, unknown terms fall back to the default repertoire,
/// bytes 0x80-0xFF under the default repertoire are read as Latin-1 (or, when the only G1 extension declared is
/// ISO 2022 IR 149 or 58, in that set), escape sequences are honored even for sets that
/// (0008,0005) does not declare, and bytes that cannot be decoded become U+FFFD. Nothing here throws on bad data.
/// </remarks>
public sealed class DicomCharacterSet
{
    private readonly CodeElement _g0;
    private readonly CodeElement _g1;
    private readonly CodeElement _readG1;
    private readonly CodeElement[] _candidates;
    private readonly Encoding? _decoding;
    private readonly Encoding? _encoding;
    private readonly bool _standAlone;

    private DicomCharacterSet(string[] terms, IReadOnlyList<CharacterSetTerm> resolved)
    {
        Terms = terms;
        var first = resolved[0];
        if (first.IsStandAlone)
        {
            _standAlone = true;
            IsDefault = false;
            _g0 = CodeElement.Ascii;
            _g1 = _readG1 = CodeElement.Latin1Fallback;
            _candidates = [];
            _decoding = StandAloneEncoding(first.StandAloneCodePage, decode: true);
            _encoding = StandAloneEncoding(first.StandAloneCodePage, decode: false);
            return;
        }

        // a two-byte G0 set (ISO 2022 IR 87/159 as value 1) is not the initial state: G0 starts as ASCII, as in pydicom
        _g0 = first.G0 is { IsDoubleByte: false } g0 ? g0 : CodeElement.Ascii;
        _g1 = first.G1 ?? CodeElement.Latin1Fallback;
        var candidates = new List<CodeElement>(2 * resolved.Count);
        CodeElement? onlyExtensionG1 = null;
        int extensionG1Count = 0;
        for (int i = 0; i < resolved.Count; i++)
        {
            var term = resolved[i];
            if (term.G1 is { } g1 && !candidates.Contains(g1))
            {
                candidates.Add(g1);
                if (i > 0)
                {
                    onlyExtensionG1 = g1;
                    extensionG1Count++;
                }
            }
            if (term.G0 is { Kind: not CodeElementKind.Ascii } g0Set && !candidates.Contains(g0Set)) candidates.Add(g0Set);
        }
        _candidates = [.. candidates];
        IsDefault = resolved.Count == 1 && first.G1 is null && first.G0 == CodeElement.Ascii;

        // Lenient reading: when value 1 has no G1 set and the only G1 extension declared is a two-byte one
        // (ISO 2022 IR 149 or 58), bytes 0x80-0xFF that no escape sequence introduced are read in that set instead of
        // Latin-1. Writers often omit its designation (pydicom 2.3 for IR 58, and after line breaks for IR 149).
        _readG1 = _g1 == CodeElement.Latin1Fallback && extensionG1Count == 1 && onlyExtensionG1!.IsDoubleByte ? onlyExtensionG1 : _g1;
        _decoding = _readG1.Kind switch
        {
            CodeElementKind.Katakana => StandAloneEncoding(932, decode: true),   // Shift_JIS, as pydicom reads ISO_IR 13
            CodeElementKind.DoubleByteG1 => _readG1.Encoding,                     // EUC-KR / EUC-CN
            _ => null,                                                            // single-byte table
        };
    }

    /// <summary>
    /// The default repertoire ISO-IR 6 (PS3.5 §6.1.2.1), used when (0008,0005) is absent or empty;
    /// bytes 0x80-0xFF are read and written as Latin-1, as pydicom does.
    /// </summary>
    public static DicomCharacterSet Default { get; } = new([], [CharacterSetTerm.Default]);

    /// <summary>
    /// The Defined Terms in use (PS3.3 C.12.1.1.2), in the order of (0008,0005): misspellings corrected ("ISO-IR 100" → "ISO_IR 100"),
    /// an empty value 1 kept as "", unknown terms kept as read, ignored ones left out. Empty for <see cref="Default"/>.
    /// </summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>True when the set is the default repertoire ISO-IR 6 alone, no other set declared (PS3.5 §6.1.2.1).</summary>
    public bool IsDefault { get; } = true;

    /// <summary>
    /// Makes the character set for the values of (0008,0005) as read (PS3.3 C.12.1.1.2). Value 1 may be empty (ISO-IR 6).
    /// Never throws for bad values: a misspelled term is corrected, an unknown one falls back to the default repertoire
    /// (value 1) or is dropped (later values), a stand-alone term (ISO_IR 192, GB18030, GBK) combined with others wins as
    /// value 1 and is dropped elsewhere (PS3.5 §6.1.2.5.4), single-byte terms without code extensions in a multi-valued
    /// (0008,0005) are read as their ISO 2022 forms; each such repair adds a message to <paramref name="warnings"/>.
    /// </summary>
    public static DicomCharacterSet FromTerms(IReadOnlyList<string> terms, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0 || (terms.Count == 1 && Clean(terms[0]).Length == 0)) return Default;

        var names = new List<string>(terms.Count);
        var resolved = new List<CharacterSetTerm>(terms.Count);
        for (int i = 0; i < terms.Count; i++)
        {
            string value = Clean(terms[i]);
            if (value.Length == 0)
            {
                if (i == 0)
                {
                    names.Add("");
                    resolved.Add(CharacterSetTerm.Default);
                }
                else
                {
                    warnings?.Add($"Specific Character Set value {i + 1} is empty - ignoring it");
                }
                continue;
            }
            if (!CharacterSetTerm.TryGetExact(value, out var term))
            {
                if (CharacterSetTerm.TryGetCorrected(value, out term))
                {
                    warnings?.Add($"Incorrect value for Specific Character Set '{value}' - assuming '{term.Name}'");
                }
                else if (i == 0)
                {
                    warnings?.Add($"Unknown Specific Character Set '{value}' - using the default repertoire (ISO_IR 6) instead");
                    names.Add(value);
                    resolved.Add(CharacterSetTerm.Default);
                    continue;
                }
                else
                {
                    warnings?.Add($"Unknown Specific Character Set '{value}' - ignoring it");
                    continue;
                }
            }
            AddTerm(term, i, terms.Count, names, resolved, warnings);
        }

        if (resolved.Count == 0) return Default;
        if (resolved.Count > 1)
        {
            for (int i = 0; i < resolved.Count; i++)
            {
                var extended = resolved[i].WithCodeExtensions();
                if (extended == resolved[i]) continue;
                // an empty or unknown value 1 stays as read; a defined single-byte term is renamed
                if (names[i] == resolved[i].Name)
                {
                    warnings?.Add($"Specific Character Set '{names[i]}' has no code extensions but (0008,0005) has several values - assuming '{extended.Name}'");
                    names[i] = extended.Name;
                }
                resolved[i] = extended;
            }
        }
        if (resolved[0].IsMultiByteExtension)
            warnings?.Add($"Specific Character Set '{resolved[0].Name}' is not allowed as value 1 - reading text in it without escape sequences anyway");
        return new DicomCharacterSet([.. names], resolved);
    }

    /// <summary>
    /// Decodes a text value of the given VR (PS3.5 §6.1.2.5). The VR decides which delimiters make value 1's sets active
    /// again: TAB, LF, FF and CR always, '\' for multi-valued VRs, '^' and '=' for PN. Padding is not removed.
    /// </summary>
    public string Decode(ReadOnlySpan<byte> bytes, DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(vr);
        if (bytes.IsEmpty) return string.Empty;
        if (_standAlone) return _decoding!.GetString(bytes);
        if (bytes.IndexOf((byte)0x1B) >= 0) return Iso2022Decoder.Decode(bytes, _g0, _readG1, TextDelimiter.For(vr));
        if (System.Text.Ascii.IsValid(bytes)) return Encoding.Latin1.GetString(bytes);   // ASCII: a plain widening
        if (_decoding is not null) return _decoding.GetString(bytes);
        if (_readG1 == CodeElement.Latin1Fallback || _readG1 == CodeElement.Latin1) return Encoding.Latin1.GetString(bytes);
        return DecodeSingleByte(bytes, _readG1);
    }

    /// <summary>
    /// Encodes a text value of the given VR: with code extensions, escape sequences are written where the set in G0/G1
    /// must change, and G0 returns to value 1's set before each delimiter and at the end (PS3.5 §6.1.2.5.3).
    /// Characters that no declared set holds become '?'. The result is not padded.
    /// </summary>
    public byte[] Encode(string text, DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(vr);
        if (text.Length == 0) return [];
        if (_standAlone) return _encoding!.GetBytes(text);
        if (System.Text.Ascii.IsValid(text)) return Encoding.ASCII.GetBytes(text);
        return Iso2022Encoder.Encode(text, _g0, _g1, _candidates, TextDelimiter.For(vr));
    }

    /// <summary>The value of (0008,0005) this set stands for, terms joined with '\' ("ISO_IR 6" for <see cref="Default"/>; PS3.3 C.12.1.1.2).</summary>
    public override string ToString() => Terms.Count == 0 ? "ISO_IR 6" : string.Join('\\', Terms);

    private static void AddTerm(CharacterSetTerm term, int index, int count, List<string> names, List<CharacterSetTerm> resolved, ICollection<string>? warnings)
    {
        if (resolved.Count > 0 && resolved[0].IsStandAlone)
        {
            warnings?.Add($"Specific Character Set '{resolved[0].Name}' does not allow code extensions - ignoring '{term.Name}'");
            return;
        }
        if (term.IsStandAlone && count > 1 && index > 0)
        {
            warnings?.Add($"Specific Character Set '{term.Name}' cannot be used as a code extension - ignoring it");
            return;
        }
        if (resolved.Contains(term) || (resolved.Count > 0 && resolved.Contains(term.WithCodeExtensions())))
        {
            warnings?.Add($"Specific Character Set '{term.Name}' is given more than once - ignoring the repetition");
            return;
        }
        names.Add(term.Name);
        resolved.Add(term);
    }

    private static string Clean(string? value) => value is null ? string.Empty : value.Trim(' ', '\0', '\t', '\r', '\n');

    private static string DecodeSingleByte(ReadOnlySpan<byte> bytes, CodeElement g1)
    {
        const int stackLimit = 256;
        char[]? rented = null;
        Span<char> chars = bytes.Length <= stackLimit
            ? stackalloc char[stackLimit]
            : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(bytes.Length));
        try
        {
            for (int i = 0; i < bytes.Length; i++) chars[i] = g1.DecodeByte(bytes[i]);
            return new string(chars[..bytes.Length]);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static Encoding StandAloneEncoding(int codePage, bool decode)
    {
        if (codePage == 65001) return Encoding.UTF8;   // replaces invalid bytes and lone surrogates with U+FFFD
        var e = (Encoding)(CodePagesEncodingProvider.Instance.GetEncoding(codePage)
            ?? throw new NotSupportedException($"Code page {codePage} is not available.")).Clone();
        if (decode) e.DecoderFallback = new DecoderReplacementFallback("\uFFFD");
        else e.EncoderFallback = new EncoderReplacementFallback("?");
        return e;
    }
}
