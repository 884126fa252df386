using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>One frame for the codec checks: native pixels to encode, or an encoded frame to decode.</summary>
/// <param name="Data">The frame's bytes: native pixels laid out as PS3.5 §8.1.1 describes, or one encoded frame (fragments joined).</param>
/// <param name="Format">The frame's Image Pixel Module attributes (PS3.3 C.7.6.3).</param>
/// <param name="TransferSyntax">For an encoded frame, the syntax it is encoded in; null for native pixels.</param>
public sealed record CodecSample(ReadOnlyMemory<byte> Data, FrameFormat Format, DicomTransferSyntax? TransferSyntax = null);
