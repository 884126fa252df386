using Imaging.Sdk.Testing.Contracts;
using Imaging.Sdk.Testing.Xunit;
using Imaging.Sdk.Tests.Contracts.Samples;

namespace Imaging.Sdk.Tests.Contracts.Derived;

/// <summary>Also shows overriding the options: a bigger series and an argument.</summary>
public sealed class BoneVolumeModelContractTests : AiModelContractTests<BoneVolumeModel>
{
    protected override BoneVolumeModel CreateCapability() => new();

    protected override ContractVerifierOptions CreateOptions() => new()
    {
        Study = new() { CtSlices = 6, MrSlices = 0, Size = 24 },
        ModelArguments = Sdk.Capabilities.CapabilityArguments.Parse(["threshold=500"]),
    };
}
