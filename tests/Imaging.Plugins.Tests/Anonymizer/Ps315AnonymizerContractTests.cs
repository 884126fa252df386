using Imaging.Plugins.Anonymizer;
using Imaging.Sdk.Testing.Xunit;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>The <c>ps315</c> anonymizer against the anonymizer contract of the SDK test kit.</summary>
public sealed class Ps315AnonymizerContractTests : AnonymizerContractTests<Ps315Anonymizer>
{
    /// <inheritdoc />
    protected override Ps315Anonymizer CreateCapability() => new();
}
