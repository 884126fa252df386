using Imaging.Sdk.Testing.Xunit;
using Imaging.Sdk.Tests.Contracts.Samples;

namespace Imaging.Sdk.Tests.Contracts.Derived;

/// <summary>The xunit base class as a plugin author uses it: every inherited [Fact] runs here.</summary>
public sealed class InvertFilterContractTests : FilterContractTests<InvertFilter>
{
    protected override InvertFilter CreateCapability() => new();
}
