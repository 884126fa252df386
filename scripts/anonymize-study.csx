// De-identify a study with a pseudonym table: every file under STUDY_FOLDER goes through the anonymizer plugin's
// PS3.15 Annex E profile, then gets the patient's pseudonym as Patient ID and Patient Name, and is written by the
// folder sink to OUT_FOLDER/<patient>/<study>/<series>/<sop>.dcm.
//
//   imaging run scripts/anonymize-study.csx -- STUDY_FOLDER [OUT_FOLDER] [PSEUDONYMS.csv] [PROFILE]
//
// Defaults: the current folder, ./anonymized, ./pseudonyms.csv, basic. The table has a header and rows
// "PatientID,Pseudonym"; patients not in it get the next free PSEUDO-nnnn and are appended, so re-runs and later
// studies of the same patient get the same pseudonym. Keep the table apart from the data: it re-identifies.
//
// Honest note: this script does not strip PHI by itself. The de-identification (which of the ~600 attributes of PS3.15
// Table E.1-1 to remove, empty, replace; UIDs; private tags) is the anonymizer plugin's job. With no anonymizer
// loaded ('imaging plugins list'), the script stops before reading anything and writes nothing.
using System.Globalization;
using System.Text;

var input = PathOf(Args.Count > 0 ? Args[0] : ".");
var output = PathOf(Args.Count > 1 ? Args[1] : "anonymized");
var tablePath = PathOf(Args.Count > 2 ? Args[2] : "pseudonyms.csv");
var profile = Args.Count > 3 ? Args[3] : "basic";

if (!Anonymizers.Any(a => a.Profiles.Contains(profile, StringComparer.OrdinalIgnoreCase)))
{
    Log($"anonymize-study: no anonymizer plugin offering profile '{profile}' is loaded; nothing was written. " +
        $"Install one (PS3.15 Annex E) and check 'imaging plugins list'. Loaded anonymizers: {(Anonymizers.Count == 0 ? "none" : string.Join(", ", Anonymizers.Names))}.");
    return 1;
}

// The pseudonym table: PatientID -> pseudonym.
var table = new Dictionary<string, string>(StringComparer.Ordinal);
if (File.Exists(tablePath))
{
    foreach (var line in File.ReadLines(tablePath).Skip(1).Where(l => l.Contains(',')))
    {
        var comma = line.LastIndexOf(',');
        table[line[..comma].Trim('"')] = line[(comma + 1)..].Trim();
    }
}
int next = table.Count + 1;
string PseudonymOf(string patientId)
{
    if (table.TryGetValue(patientId, out var known)) return known;
    string candidate;
    do candidate = $"PSEUDO-{next++:D4}"; while (table.ContainsValue(candidate));
    table[patientId] = candidate;
    return candidate;
}

var files = Files(input);
Print($"{files.Count} files under {input}, profile '{profile}'");
var counts = new Dictionary<string, int>();

async IAsyncEnumerable<DicomInstance> Anonymized()
{
    foreach (var file in files)
    {
        CancellationToken.ThrowIfCancellationRequested();
        var pseudonym = PseudonymOf(file.Dataset.GetSingleValueOrDefault(DicomTag.PatientID, ""));
        var ds = await Anonymize(file.Dataset, profile);
        ds.AddOrUpdate(DicomTag.PatientID, pseudonym);
        ds.AddOrUpdate(DicomVR.PN, DicomTag.PatientName, pseudonym);
        ds.AddOrUpdate(DicomVR.CS, DicomTag.PatientIdentityRemoved, "YES");
        counts[pseudonym] = counts.GetValueOrDefault(pseudonym) + 1;
        yield return new DicomInstance(ds, file.TransferSyntax);
    }
}

var written = await Sinks["folder"].WriteAsync(output, Anonymized(), null, CancellationToken);

// Write the table atomically (a half-written table would lose pseudonyms).
var csv = new StringBuilder("PatientID,Pseudonym\n");
foreach (var (id, pseudonym) in table.OrderBy(kv => kv.Value, StringComparer.Ordinal)) csv.Append(id.Contains(',') ? $"\"{id}\"" : id).Append(',').Append(pseudonym).Append('\n');
var temporary = tablePath + ".tmp";
File.WriteAllText(temporary, csv.ToString());
File.Move(temporary, tablePath, overwrite: true);

foreach (var (pseudonym, n) in counts) Print($"  {pseudonym}: {n} instances");
Print($"wrote {written.Written} de-identified instances to {output}; pseudonym table {tablePath} ({table.Count} patients)");
