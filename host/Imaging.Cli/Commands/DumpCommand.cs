using System.CommandLine;
using System.Text;
using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Dicom.Json;

namespace Imaging.Cli.Commands;

/// <summary>`imaging dump FILE`: a data set as text like dcmdump, or as the DICOM JSON model (PS3.18 Annex F).</summary>
internal static class DumpCommand
{
    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "A DICOM file (Part 10, or a bare data set)." };
        var format = new Option<string>("--format", "-f") { Description = "text (like dcmdump) or json (DICOM JSON model, PS3.18 F).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var meta = new Option<bool>("--meta") { Description = "Also show the File Meta Information (group 0002)." };
        var noPixels = new Option<bool>("--no-pixels") { Description = "Do not read pixel data (faster on large files)." };
        var cmd = new Command("dump", "Print a DICOM file's elements: tag, VR, length, value, keyword, with nesting.") { file, format, meta, noPixels };
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            try
            {
                var options = new FileReadOptions { StopBeforePixelData = parse.GetValue(noPixels), DeferValuesLongerThan = 64 * 1024 };
                var dicom = DicomFile.Open(path, options);
                if (parse.GetValue(format) == "json")
                {
                    var ds = dicom.Dataset;
                    if (parse.GetValue(meta))
                    {
                        ds = dicom.Dataset.Clone();
                        foreach (var item in dicom.FileMetaInfo) ds.AddOrUpdate(item);
                    }
                    stdout.WriteLine(DicomJson.Serialize(ds, new DicomJsonOptions { WriteIndented = true }));
                }
                else
                {
                    var sb = new StringBuilder();
                    if (parse.GetValue(meta) && dicom.FileMetaInfo.Count > 0)
                    {
                        sb.AppendLine("# Dicom-Meta-Information-Header");
                        sb.AppendLine("# Used TransferSyntax: Little Endian Explicit");
                        TextDump.Write(sb, dicom.FileMetaInfo, 0);
                        sb.AppendLine();
                    }
                    sb.AppendLine("# Dicom-Data-Set");
                    sb.AppendLine($"# Used TransferSyntax: {dicom.TransferSyntax.Name}");
                    TextDump.Write(sb, dicom.Dataset, 0);
                    stdout.Write(sb.ToString());
                }
                foreach (var w in dicom.Warnings) stderr.WriteLine($"imaging: warning: {path}: {w}");
                return 0;
            }
            catch (Exception ex)
            {
                return Failure.Report(ex, path, parse.GetValue(verbose), stderr);
            }
        });
        return cmd;
    }
}
