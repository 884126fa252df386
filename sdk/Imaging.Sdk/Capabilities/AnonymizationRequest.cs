namespace Imaging.Sdk.Capabilities;

/// <summary>What de-identification to apply (PS3.15 Table E.1-1: a profile and its options).</summary>
public sealed class AnonymizationRequest
{
    /// <summary>Creates a request for <paramref name="profile"/>.</summary>
    public AnonymizationRequest(string profile = "basic")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profile);
        Profile = profile;
    }

    /// <summary>The profile name (<c>basic</c> = Basic Application Level Confidentiality Profile).</summary>
    public string Profile { get; }

    /// <summary>Profile options, as the CLI spells them (<c>retain-uids</c>, <c>retain-device-identity</c>, ...).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Further settings (secret, date shift, mapping table path), named by the anonymizer.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
