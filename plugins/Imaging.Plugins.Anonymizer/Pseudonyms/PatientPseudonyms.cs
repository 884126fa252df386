namespace Imaging.Plugins.Anonymizer.Pseudonyms;

/// <summary>
/// Patient ID → pseudonym: from the mapping table (<c>map</c> setting, CSV <c>PatientID,Pseudonym</c>) when it lists the
/// ID, else <c>ANON-</c> + 10 base32 characters of HMAC-SHA256(secret, Patient ID) (50 bits: collisions are negligible
/// below millions of patients). The same ID and secret give the same pseudonym on every run and machine.
/// </summary>
internal sealed class PatientPseudonyms(KeyedHash hash, IReadOnlyDictionary<string, string>? map)
{
    /// <summary>The pseudonym of <paramref name="patientId"/> (trimmed); empty stays empty.</summary>
    public string For(string patientId)
    {
        var id = patientId.Trim();
        if (id.Length == 0) return "";
        if (map is not null && map.TryGetValue(id, out var mapped)) return mapped;
        return "ANON-" + hash.Base32("patient-id", id, 10);
    }
}
