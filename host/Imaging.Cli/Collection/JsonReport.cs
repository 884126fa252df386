using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Imaging.Cli.Collection;

/// <summary>
/// The collection for machines (System.Text.Json): the folder, counts, one object per series with its files, the
/// unreadable files with their reasons, and the DICOMDIRs skipped.
/// </summary>
internal static class JsonReport
{
    public static void Write(DicomCollection collection, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("directory", collection.Directory);
            w.WriteNumber("files", collection.FileCount);
            w.WriteNumber("instances", collection.InstanceCount);
            w.WriteStartArray("series");
            foreach (var s in collection.Series) Series(w, s);
            w.WriteEndArray();
            w.WriteStartArray("unreadable");
            foreach (var u in collection.Unreadable)
            {
                w.WriteStartObject();
                w.WriteString("path", u.Path);
                w.WriteString("reason", u.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("dicomdirs");
            foreach (var d in collection.DicomDirs) w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void Series(Utf8JsonWriter w, SeriesRow s)
    {
        w.WriteStartObject();
        w.WriteString("patientId", s.PatientId);
        w.WriteString("patientName", s.PatientName);
        w.WriteString("studyInstanceUid", s.StudyInstanceUid);
        w.WriteString("studyDate", s.StudyDate);
        w.WriteString("seriesInstanceUid", s.SeriesInstanceUid);
        if (s.SeriesNumber is { } n) w.WriteNumber("seriesNumber", n);
        else w.WriteNull("seriesNumber");
        w.WriteString("modality", s.Modality);
        w.WriteString("seriesDescription", s.SeriesDescription);
        w.WriteNumber("instances", s.Instances);
        w.WriteNumber("frames", s.Frames);
        w.WriteStartArray("sizes");
        foreach (var size in s.Sizes) w.WriteStringValue(size);
        w.WriteEndArray();
        w.WriteStartArray("transferSyntaxes");
        foreach (var t in s.TransferSyntaxes)
        {
            w.WriteStartObject();
            w.WriteString("uid", t.Uid);
            w.WriteString("name", t.Name);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("files");
        foreach (var f in s.Files) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
