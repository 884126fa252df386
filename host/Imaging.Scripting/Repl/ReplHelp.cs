using System.Reflection;

namespace Imaging.Scripting.Repl;

/// <summary>The text <c>#help</c> prints: the commands, the globals with examples, and every global member by name.</summary>
internal static class ReplHelp
{
    private const string Text = """
        Type C# and press Enter: a statement runs when it is complete (an unfinished one continues on a "* " line);
        an expression without ';' prints its value. Definitions stay for the session.

        Commands
          #help            this text
          #reset           forget every definition (the globals stay)
          #load FILE       run a .csx file into the session (its definitions stay); #r "x.dll" references an assembly
          #quit, #exit     leave (or Ctrl+D); Ctrl+C cancels the running submission, or drops the line being typed
          Tab completes members of the globals and after a '.', e.g. DicomTag.Pat<Tab>; Up/Down recall earlier lines.

        Files and series (paths are relative to the current folder)
          var f = Open("ct/slice1.dcm");               whole file; f.Dataset prints as a table
          f.Dataset.GetString(DicomTag.PatientName)    one value (fo-dicom style Get/TryGet/GetSingleValueOrDefault)
          Info("ct/slice1.dcm")                        header only (like MATLAB dicominfo)
          var s = Series("study");                     series under a folder, instances sorted by geometry
          s[0].Instances.Count; s.Where(x => x.Modality == "CT")
          Files("study").Count                         every DICOM file under a folder

        Plugins
          Plugins                                      what loaded (and why not); plugins reload when their folder changes
          Filters["gaussian"]                          a capability by name (also Sources, Sinks, Anonymizers, Models, Codecs, Pacs)
          await Filter(f.Dataset, "gaussian", "sigma=2")
          await Anonymize(f.Dataset, "basic")          PS3.15 Annex E profile of the loaded anonymizer

        Other
          Print(x); Log("message"); Args; PathOf("x"); BaseDirectory
          CancellationToken                            pass it to long work so Ctrl+C stops it
        """;

    public static void Write(TextWriter output)
    {
        output.WriteLine(Text);
        var members = typeof(ScriptGlobals)
            .GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m is PropertyInfo || m is MethodInfo { IsSpecialName: false })
            .Select(m => m.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        output.WriteLine($"All globals: {string.Join(", ", members)}");
    }
}
