using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using Newtonsoft.Json;

namespace Fixture.Json13;

/// <summary>
/// Uses this plugin's own Newtonsoft.Json: returns a copy of its input whose Image Comments hold a JSON summary written
/// by JsonConvert; the description names the Newtonsoft.Json assembly version actually loaded.
/// </summary>
public sealed class Json13Filter : IFilter
{
    /// <inheritdoc />
    public string Name => "json13";

    /// <inheritdoc />
    public string Description => $"Newtonsoft.Json {typeof(JsonConvert).Assembly.GetName().Version}";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments => [];

    /// <inheritdoc />
    public Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var summary = new Dictionary<string, object?>
        {
            ["library"] = typeof(JsonConvert).Assembly.GetName().Version?.ToString(),
            ["filter"] = Name,
            ["rows"] = input.GetSingleValueOrDefault(DicomTag.Rows, (ushort)0),
            ["modality"] = input.GetSingleValueOrDefault(DicomTag.Modality, ""),
        };
        var result = input.Clone();
        result.AddOrUpdate(DicomVR.LT, DicomTag.ImageComments, JsonConvert.SerializeObject(summary));
        return Task.FromResult(result);
    }
}
