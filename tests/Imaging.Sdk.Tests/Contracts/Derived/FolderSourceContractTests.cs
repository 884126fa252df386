using Imaging.Sdk.Testing.Xunit;
using Imaging.Sdk.Tests.Contracts.Samples;

namespace Imaging.Sdk.Tests.Contracts.Derived;

public sealed class FolderSourceContractTests : SourceContractTests<FolderSource>
{
    protected override FolderSource CreateCapability() => new();
}
