using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Anonymizer;

/// <summary>Registers <see cref="TinyAnonymizer"/>.</summary>
public sealed class AnonymizerPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
        => services.AddSingleton(new TinyAnonymizer(context.Settings["replacement"])).AddSingleton<IAnonymizer>(sp => sp.GetRequiredService<TinyAnonymizer>());
}

/// <summary>Profile "basic" of a toy: Patient Name := the configured replacement, Patient ID removed.</summary>
public sealed class TinyAnonymizer(string replacement) : IAnonymizer
{
    /// <inheritdoc />
    public string Name => "tiny";

    /// <inheritdoc />
    public string Description => "Test anonymizer: replaces Patient Name, removes Patient ID.";

    /// <inheritdoc />
    public IReadOnlyList<string> Profiles => ["basic"];

    /// <inheritdoc />
    public Task<AnonymizationResult> AnonymizeAsync(DicomDataset input, AnonymizationRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Profile != "basic") throw new InvalidInputException($"unknown profile '{request.Profile}'");
        var output = input.Clone();
        output.AddOrUpdate(DicomVR.PN, DicomTag.PatientName, replacement);
        output.Remove(DicomTag.PatientID);
        output.AddOrUpdate(DicomVR.CS, DicomTag.PatientIdentityRemoved, "YES");
        progress?.Report(new ProgressReport(1, 1));
        return Task.FromResult(new AnonymizationResult(output, new Dictionary<string, int> { ["D"] = 1, ["X"] = 1 }));
    }
}
