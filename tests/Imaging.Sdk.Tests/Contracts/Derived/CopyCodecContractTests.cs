using Imaging.Sdk.Testing.Xunit;
using Imaging.Sdk.Tests.Contracts.Samples;

namespace Imaging.Sdk.Tests.Contracts.Derived;

public sealed class CopyCodecContractTests : CodecContractTests<CopyCodec>
{
    protected override CopyCodec CreateCapability() => new();
}
