using Imaging.Sdk.Testing.Xunit;
using Imaging.Sdk.Tests.Contracts.Samples;

namespace Imaging.Sdk.Tests.Contracts.Derived;

public sealed class FolderSinkContractTests : SinkContractTests<FolderSink>
{
    protected override FolderSink CreateCapability() => new();
}
