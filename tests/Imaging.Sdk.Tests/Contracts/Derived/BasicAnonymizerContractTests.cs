using Imaging.Sdk.Testing.Xunit;
using Imaging.Sdk.Tests.Contracts.Samples;

namespace Imaging.Sdk.Tests.Contracts.Derived;

public sealed class BasicAnonymizerContractTests : AnonymizerContractTests<BasicAnonymizer>
{
    protected override BasicAnonymizer CreateCapability() => new();
}
