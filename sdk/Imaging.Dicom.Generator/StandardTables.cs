using System.Text.Json;
using System.Text.Json.Serialization;

namespace Imaging.Dicom.Generator;

/// <summary>Reads attributes.json and sops.json (the Innolitics scrape of PS3.6 and PS3.4, MIT licensed).</summary>
internal static class StandardTables
{
    /// <summary>DicomTag's own members, which a generated keyword member must not hide.</summary>
    public static readonly IReadOnlySet<string> DicomTagMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Group", "Element", "Value", "IsPrivate", "IsPrivateCreator", "PrivateCreatorTag", "IsGroupLength",
        "Parse", "TryParse", "Equals", "GetHashCode", "CompareTo", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals",
    };

    /// <summary>DicomUid's own members, which a generated field must not hide.</summary>
    public static readonly IReadOnlySet<string> DicomUidMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Value", "Name", "Type", "Generate", "IsValid", "Lookup", "KnownUids", "Equals", "GetHashCode", "ToString",
        "GetType", "MemberwiseClone", "ReferenceEquals",
    };

    private static readonly JsonSerializerOptions Options = new() { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// The attributes that have a keyword, in file order. Entries with an empty keyword (a few retired
    /// placeholders) are skipped and counted in <paramref name="skipped"/>.
    /// </summary>
    /// <exception cref="GeneratorException">The file is not the expected JSON, or an entry is malformed.</exception>
    public static List<StandardAttribute> ReadAttributes(string path, out int skipped)
    {
        var rows = Deserialize<List<AttributeRow>>(path);
        var result = new List<StandardAttribute>(rows.Count);
        var keywords = new HashSet<string>(StringComparer.Ordinal);
        var tags = new HashSet<(uint, uint)>();
        skipped = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var where = $"{path}: entry {i} {row.Tag}";
            if (string.IsNullOrWhiteSpace(row.Keyword))
            {
                skipped++;
                continue;
            }
            if (!TagPattern.TryParse(row.Tag ?? "", out var tag, out var mask))
                throw new GeneratorException($"{where}: tag is not (gggg,eeee) with hex digits or x.");
            if (!Identifier.IsValid(row.Keyword))
                throw new GeneratorException($"{where}: keyword '{row.Keyword}' is not an identifier.");
            if (!keywords.Add(row.Keyword))
                throw new GeneratorException($"{where}: keyword '{row.Keyword}' appears twice.");
            if (!tags.Add((tag, mask)))
                throw new GeneratorException($"{where}: tag appears twice.");
            IReadOnlyList<string> vrs;
            try
            {
                vrs = VrList.Parse(row.ValueRepresentation ?? "");
            }
            catch (FormatException e)
            {
                throw new GeneratorException($"{where}: {e.Message}");
            }
            var retired = row.Retired switch
            {
                "Y" => true,
                "N" or "" or null => false,
                _ => throw new GeneratorException($"{where}: retired is '{row.Retired}', expected Y or N."),
            };
            var fieldName = DicomTagMembers.Contains(row.Keyword) ? row.Keyword + "_" : row.Keyword;
            result.Add(new StandardAttribute(row.Tag!, tag, mask, row.Keyword, fieldName, (row.Name ?? "").Trim(), vrs,
                (row.ValueMultiplicity ?? "").Trim(), retired));
        }
        return result;
    }

    /// <summary>The SOP classes in file order, each with a unique C# keyword made from its name.</summary>
    /// <exception cref="GeneratorException">The file is not the expected JSON, or an entry is malformed.</exception>
    public static List<SopClass> ReadSopClasses(string path)
    {
        var rows = Deserialize<List<SopRow>>(path);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var uids = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<SopClass>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var where = $"{path}: entry {i} {row.Id}";
            if (string.IsNullOrWhiteSpace(row.Id) || string.IsNullOrWhiteSpace(row.Name))
                throw new GeneratorException($"{where}: id and name are required.");
            if (!uids.Add(row.Id))
                throw new GeneratorException($"{where}: UID appears twice.");
            var keyword = Identifier.MakeUnique(Identifier.FromName(row.Name), taken, DicomUidMembers, row.Id.Replace('.', '_'));
            result.Add(new SopClass(row.Id.Trim(), row.Name.Trim(), keyword, (row.Ciod ?? "").Trim()));
        }
        return result;
    }

    private static T Deserialize<T>(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new GeneratorException($"{path}: the file holds null.");
        }
        catch (JsonException e)
        {
            throw new GeneratorException($"{path}({(e.LineNumber ?? 0) + 1}): {e.Message}");
        }
        catch (IOException e)
        {
            throw new GeneratorException($"{path}: {e.Message}");
        }
    }

    private sealed class AttributeRow
    {
        [JsonPropertyName("tag")] public string? Tag { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("keyword")] public string? Keyword { get; set; }
        [JsonPropertyName("valueRepresentation")] public string? ValueRepresentation { get; set; }
        [JsonPropertyName("valueMultiplicity")] public string? ValueMultiplicity { get; set; }
        [JsonPropertyName("retired")] public string? Retired { get; set; }
    }

    private sealed class SopRow
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("ciod")] public string? Ciod { get; set; }
    }
}
