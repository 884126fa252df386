using Imaging.Sdk.Testing.Xunit;

namespace Acme.Smoothing.Tests;

/// <summary>
/// The test kit's contract checks for filters: cancellation honoured, one progress report per frame, input left
/// unchanged, errors as the contract's exceptions, a new DERIVED data set out.
/// </summary>
public sealed class BoxSmoothingFilterContractTests : FilterContractTests<BoxSmoothingFilter>
{
    protected override BoxSmoothingFilter CreateCapability() => new();
}
