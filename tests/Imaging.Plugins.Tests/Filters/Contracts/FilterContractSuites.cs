using Imaging.Plugins.Filters.Crop;
using Imaging.Plugins.Filters.Gaussian;
using Imaging.Plugins.Filters.Median;
using Imaging.Plugins.Filters.Resample;
using Imaging.Plugins.Filters.Threshold;
using Imaging.Plugins.Filters.Window;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Imaging.Sdk.Testing.Xunit;

namespace Imaging.Plugins.Tests.Filters.Contracts;

// Every new filter of imaging.filters checked by the same test kit base classes a third-party author uses.

/// <summary>The <c>gaussian</c> volume filter against the volume filter contract.</summary>
public sealed class GaussianVolumeFilterContractTests : VolumeFilterContractTests<GaussianVolumeFilter>
{
    protected override GaussianVolumeFilter CreateCapability() => new();
}

/// <summary>The <c>median</c> volume filter against the volume filter contract.</summary>
public sealed class MedianVolumeFilterContractTests : VolumeFilterContractTests<MedianVolumeFilter>
{
    protected override MedianVolumeFilter CreateCapability() => new();
}

/// <summary>The <c>threshold</c> volume filter against the volume filter contract.</summary>
public sealed class ThresholdVolumeFilterContractTests : VolumeFilterContractTests<ThresholdVolumeFilter>
{
    protected override ThresholdVolumeFilter CreateCapability() => new();

    protected override ContractVerifierOptions CreateOptions() => new() { VolumeFilterArguments = CapabilityArguments.Parse(["lower=-50", "upper=100"]) };
}

/// <summary>The <c>window</c> volume filter against the volume filter contract.</summary>
public sealed class WindowVolumeFilterContractTests : VolumeFilterContractTests<WindowVolumeFilter>
{
    protected override WindowVolumeFilter CreateCapability() => new();
}

/// <summary>The <c>crop</c> volume filter against the volume filter contract.</summary>
public sealed class CropVolumeFilterContractTests : VolumeFilterContractTests<CropVolumeFilter>
{
    protected override CropVolumeFilter CreateCapability() => new();

    protected override ContractVerifierOptions CreateOptions() => new() { VolumeFilterArguments = CapabilityArguments.Parse(["i=2:20", "j=1:-1", "k=1:5"]) };
}

/// <summary>The <c>resample</c> volume filter against the volume filter contract.</summary>
public sealed class ResampleVolumeFilterContractTests : VolumeFilterContractTests<ResampleVolumeFilter>
{
    protected override ResampleVolumeFilter CreateCapability() => new();

    protected override ContractVerifierOptions CreateOptions() => new() { VolumeFilterArguments = CapabilityArguments.Parse(["spacing=1.2,0.5,1.25"]) };
}

/// <summary>The <c>median</c> instance filter against the filter contract.</summary>
public sealed class MedianFilterContractTests : FilterContractTests<MedianFilter>
{
    protected override MedianFilter CreateCapability() => new();
}

/// <summary>The <c>threshold</c> instance filter against the filter contract.</summary>
public sealed class ThresholdFilterContractTests : FilterContractTests<ThresholdFilter>
{
    protected override ThresholdFilter CreateCapability() => new();

    protected override ContractVerifierOptions CreateOptions() => new() { FilterArguments = CapabilityArguments.Parse(["lower=0", "upper=200"]) };
}

/// <summary>The <c>window</c> instance filter against the filter contract.</summary>
public sealed class WindowFilterContractTests : FilterContractTests<WindowFilter>
{
    protected override WindowFilter CreateCapability() => new();
}

/// <summary>The <c>crop</c> instance filter against the filter contract.</summary>
public sealed class CropFilterContractTests : FilterContractTests<CropFilter>
{
    protected override CropFilter CreateCapability() => new();

    protected override ContractVerifierOptions CreateOptions() => new() { FilterArguments = CapabilityArguments.Parse(["rows=4:28", "columns=2:30"]) };
}

/// <summary>The <c>resample</c> instance filter against the filter contract.</summary>
public sealed class ResampleFilterContractTests : FilterContractTests<ResampleFilter>
{
    protected override ResampleFilter CreateCapability() => new();

    protected override ContractVerifierOptions CreateOptions() => new() { FilterArguments = CapabilityArguments.Parse(["spacing=1.5"]) };
}
