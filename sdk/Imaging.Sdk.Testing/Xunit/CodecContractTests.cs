using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Xunit;

namespace Imaging.Sdk.Testing.Xunit;

/// <summary>
/// Contract tests for an <see cref="ICodec"/>: derive, implement <see cref="CapabilityContractTests{T}.CreateCapability"/>,
/// and override <see cref="CapabilityContractTests{T}.CreateOptions"/> to give <see cref="ContractVerifierOptions.CodecEncodedFrame"/>
/// for a decode-only codec, or <see cref="ContractVerifierOptions.CodecNativeFrame"/> for a pixel format of your own.
/// </summary>
/// <typeparam name="TCodec">The codec type.</typeparam>
public abstract class CodecContractTests<TCodec> : CapabilityContractTests<TCodec> where TCodec : class, ICodec
{
    /// <summary>Creates the test class.</summary>
    protected CodecContractTests() : base(CapabilityKind.Codec) { }

    /// <summary><see cref="ContractCheckNames.CancellationBeforeStart"/>.</summary>
    [Fact]
    public Task EncodeDecode_PreCancelledToken_ThrowsOperationCanceled() => CheckAsync(ContractCheckNames.CancellationBeforeStart);

    /// <summary><see cref="ContractCheckNames.NoInputMutation"/>.</summary>
    [Fact]
    public Task EncodeDecode_ValidFrame_LeavesBuffersUnchanged() => CheckAsync(ContractCheckNames.NoInputMutation);

    /// <summary><see cref="ContractCheckNames.InvalidInput"/>: an empty encoded frame, pixels shorter than the format.</summary>
    [Fact]
    public Task EncodeDecode_CorruptFrame_ThrowsContractException() => CheckAsync(ContractCheckNames.InvalidInput);

    /// <summary><see cref="ContractCheckNames.RoundTrip"/>.</summary>
    [Fact]
    public Task EncodeDecode_RoundTrip_GivesFrameBack() => CheckAsync(ContractCheckNames.RoundTrip);
}
