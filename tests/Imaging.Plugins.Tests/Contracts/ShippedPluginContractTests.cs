using Imaging.Plugins.Filters.Gaussian;
using Imaging.Plugins.Filters.Invert;
using Imaging.Plugins.Folder.Sink;
using Imaging.Plugins.Folder.Source;
using Imaging.Plugins.Nifti;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk.Testing.Xunit;

namespace Imaging.Plugins.Tests.Contracts;

// The shipped plugins checked by the same test kit base classes a third-party author uses (sdk/Imaging.Sdk.Testing).

/// <summary>The <c>gaussian</c> filter against the filter contract.</summary>
public sealed class GaussianFilterContractTests : FilterContractTests<GaussianFilter>
{
    /// <inheritdoc />
    protected override GaussianFilter CreateCapability() => new();
}

/// <summary>The <c>invert</c> filter against the filter contract.</summary>
public sealed class InvertFilterContractTests : FilterContractTests<InvertFilter>
{
    /// <inheritdoc />
    protected override InvertFilter CreateCapability() => new();
}

/// <summary>The <c>folder</c> source against the source contract.</summary>
public sealed class FolderSourceContractTests : SourceContractTests<FolderSource>
{
    /// <inheritdoc />
    protected override FolderSource CreateCapability() => new();
}

/// <summary>The <c>folder</c> sink against the sink contract (files written through a test IFileOutput doing temp + rename).</summary>
public sealed class FolderSinkContractTests : SinkContractTests<FolderSink>
{
    /// <inheritdoc />
    protected override FolderSink CreateCapability() => new(new TestFileOutput());
}

/// <summary>The <c>nifti</c> volume format against the volume-format contract (writes through a test IFileOutput doing temp + rename).</summary>
public sealed class NiftiFormatContractTests : VolumeFormatContractTests<NiftiFormat>
{
    /// <inheritdoc />
    protected override NiftiFormat CreateCapability() => new(new TestFileOutput());
}
