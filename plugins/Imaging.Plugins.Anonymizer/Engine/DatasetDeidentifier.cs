using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Plugins.Anonymizer.Iod;

namespace Imaging.Plugins.Anonymizer.Engine;

/// <summary>
/// Applies PS3.15 Table E.1-1 to a data set in place (the caller passes a clone), recursively into sequence items
/// (PS3.15 E.3.1: the actions apply at every nesting level), and counts what each action touched.
/// Attributes the table does not name are kept; private attributes are removed unless safe and retained; group
/// lengths are dropped (retired, PS3.5 §7.2); when Overlay Data (60xx,3000) is removed its whole overlay group goes too,
/// so no Overlay Plane Module is left without its data.
/// </summary>
internal sealed class DatasetDeidentifier(RunContext context, CancellationToken cancellationToken)
{
    private static readonly DicomTag PatientIdTag = DicomTag.PatientID;
    private static readonly DicomTag PatientNameTag = DicomTag.PatientName;

    /// <summary>How many attributes each action code touched.</summary>
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>De-identifies the top-level data set.</summary>
    public void Run(DicomDataset dataset) => Process(dataset, 0, NestedMode.Normal);

    private enum NestedMode { Normal, Dummy, Clean }

    private void Count(string key, int n = 1) => Counts[key] = Counts.GetValueOrDefault(key) + n;

    private void Process(DicomDataset ds, int depth, NestedMode mode)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var removedOverlays = new HashSet<ushort>();
        var keptPrivateBlocks = new HashSet<uint>();
        bool hasPrivate = false;
        foreach (var item in ds.ToList())
        {
            var tag = item.Tag;
            if (tag.IsGroupLength && tag.Group != 0x0002) { ds.Remove(tag); continue; }
            if (tag.IsPrivate)
            {
                hasPrivate = true;
                if (!tag.IsPrivateCreator) HandlePrivate(ds, item, depth, keptPrivateBlocks);
                continue;
            }
            var rule = context.Table.Find(tag);
            if (rule is null)
            {
                HandleUnlisted(ds, item, depth, mode);
                continue;
            }
            var type = depth == 0 ? context.Iods.TypeOf(context.SopClassUid, tag) : AttributeType.Unknown;
            var action = context.Resolver.Resolve(rule, type);
            Apply(ds, item, action, depth);
            if (action == ElementAction.Remove && (tag.Group & 0xFF00) == 0x6000 && tag.Element == 0x3000) removedOverlays.Add(tag.Group);
        }
        foreach (var group in removedOverlays)
        {
            int n = ds.Count(i => i.Tag.Group == group);
            ds.Remove(i => i.Tag.Group == group);
            Count("X", n);
        }
        if (hasPrivate)
        {
            // Private Creator elements (gggg,0010-00FF) go unless a retained element still uses their block.
            var creators = ds.Where(i => i.Tag.IsPrivateCreator && !keptPrivateBlocks.Contains(i.Tag.Value)).Select(i => i.Tag).ToArray();
            ds.Remove(creators);
            Count("X", creators.Length);
        }
    }

    private void HandlePrivate(DicomDataset ds, DicomItem item, int depth, HashSet<uint> keptBlocks)
    {
        // Table E.1-1 row (gggg,eeee) odd: X, or C under Retain Safe Private (keep what PS3.15 E.3.10 calls safe).
        var creator = ds.GetPrivateCreator(item.Tag);
        if (context.SafePrivate is { } safe && safe.IsSafe(item.Tag, creator))
        {
            if (item.Tag.PrivateCreatorTag is { } c) keptBlocks.Add(c.Value);
            if (item is DicomSequence seq) Recurse(seq, depth, NestedMode.Normal);
            Count("C");
            return;
        }
        ds.Remove(item.Tag);
        Count("X");
    }

    private void HandleUnlisted(DicomDataset ds, DicomItem item, int depth, NestedMode mode)
    {
        if (item is DicomSequence seq)
        {
            Recurse(seq, depth, mode);
            return;
        }
        if (item is not DicomElement e || mode == NestedMode.Normal) return;
        if (e.VR == DicomVR.UI)
        {
            ReplaceUids(ds, e);
            Count("U");
            return;
        }
        if (mode == NestedMode.Dummy)
        {
            // Inside a dummied sequence (D on SQ): free text, names, dates and AE titles become dummies; codes (CS),
            // numbers and binary values stay, so the item structure (e.g. an SR content tree) stays valid.
            if (e.VR.Kind == DicomVRKind.Text && e.VR != DicomVR.CS && e.VR != DicomVR.DS && e.VR != DicomVR.IS && e.Length > 0)
            {
                DummyValues.Apply(ds, e);
                Count("D");
            }
            return;
        }
        if (IsFreeText(e.VR) || e.VR == DicomVR.PN)
        {
            Clean(ds, e);
            Count("C");
        }
    }

    private static bool IsFreeText(DicomVR vr) =>
        vr == DicomVR.LO || vr == DicomVR.SH || vr == DicomVR.ST || vr == DicomVR.LT || vr == DicomVR.UT || vr == DicomVR.UC;

    private void Recurse(DicomSequence seq, int depth, NestedMode mode)
    {
        foreach (var child in seq.Items) Process(child, depth + 1, mode);
    }

    private void Apply(DicomDataset ds, DicomItem item, ElementAction action, int depth)
    {
        Count(ActionResolver.CountKey(action));
        switch (action)
        {
            case ElementAction.Remove:
                ds.Remove(item.Tag);
                return;
            case ElementAction.Zero:
                if (item is DicomSequence) ds.AddOrUpdate(new DicomSequence(item.Tag));
                else if (item.Tag == PatientNameTag && item is DicomElement) SetPatientName(ds);
                else if (item is DicomElement ze) DummyValues.Zero(ds, ze);
                else ds.AddOrUpdate(new DicomElement(item.Tag, item.VR, DicomBuffer.Empty));
                return;
            case ElementAction.Dummy:
                if (item is DicomSequence ds2) Recurse(ds2, depth, NestedMode.Dummy);
                else if (item.Tag == PatientIdTag && item is DicomElement pid) ds.AddOrUpdate(pid.VR, item.Tag, context.Patients.For(pid.GetString()));
                else if (item is DicomElement de && de.VR == DicomVR.UI) ReplaceUids(ds, de);
                else if (item is DicomElement d) DummyValues.Apply(ds, d);
                else ds.AddOrUpdate(new DicomElement(item.Tag, DicomVR.OB, DicomBuffer.FromMemory(new byte[2])));
                return;
            case ElementAction.Keep:
            case ElementAction.KeepReplacingUids:
                if (item is DicomSequence ks) Recurse(ks, depth, NestedMode.Normal);
                else if (action == ElementAction.KeepReplacingUids && item is DicomElement ku && ku.VR == DicomVR.UI) ReplaceUids(ds, ku);
                return;
            case ElementAction.ReplaceUid:
                if (item is DicomSequence us) Recurse(us, depth, NestedMode.Normal);
                else if (item is DicomElement ue) ReplaceUids(ds, ue);
                return;
            case ElementAction.Clean:
                if (item is DicomSequence cs) Recurse(cs, depth, NestedMode.Clean);
                else if (item is DicomElement ce) Clean(ds, ce);
                return;
        }
    }

    private void SetPatientName(DicomDataset ds)
    {
        // Patient's Name (Z): the patient's pseudonym (a dummy value Z allows), so de-identified studies stay apart;
        // zero length when there is no Patient ID to derive it from.
        var id = ds.TryGetString(PatientIdTag, out var s) ? s : "";
        var pseudonym = context.Patients.For(id);
        if (pseudonym.Length == 0) ds.AddOrUpdate(new DicomElement(PatientNameTag, DicomVR.PN, DicomBuffer.Empty));
        else ds.AddOrUpdate(DicomVR.PN, PatientNameTag, pseudonym);
    }

    private void ReplaceUids(DicomDataset ds, DicomElement e)
    {
        if (e.VR != DicomVR.UI && e.VR.Kind != DicomVRKind.Text)
        {
            // A UID read without its VR (UN): its bytes are ASCII.
            var text = System.Text.Encoding.ASCII.GetString(e.Buffer.Memory.Span).TrimEnd('\0', ' ');
            ds.AddOrUpdate(DicomVR.UI, e.Tag, string.Join('\\', text.Split('\\').Select(context.Uids.Map)));
            return;
        }
        var values = e.GetStrings();
        if (values.Length == 0) return;
        ds.AddOrUpdate(e.VR == DicomVR.UI ? DicomVR.UI : e.VR, e.Tag, string.Join('\\', values.Select(context.Uids.Map)));
    }

    private void Clean(DicomDataset ds, DicomElement e)
    {
        var vr = e.VR;
        if (vr == DicomVR.UI) { ReplaceUids(ds, e); return; }
        if (vr == DicomVR.DA || vr == DicomVR.DT)
        {
            if (context.Dates is { } shift)
            {
                var text = e.GetString();
                ds.AddOrUpdate(vr, e.Tag, vr == DicomVR.DA ? shift.ShiftDates(text) : shift.ShiftDateTimes(text));
            }
            else DummyValues.Zero(ds, e);
            return;
        }
        if (vr == DicomVR.TM) return; // times are kept: a shift moves whole days
        if (vr == DicomVR.AE)
        {
            // An AE title says which device or site: replaced by a keyed pseudonym, consistent across files.
            var ae = e.GetString().Trim();
            if (ae.Length > 0) ds.AddOrUpdate(vr, e.Tag, "AE" + context.Hash.Base32("ae-title", ae, 10));
            return;
        }
        if (vr == DicomVR.PN || vr == DicomVR.UR) { DummyValues.Zero(ds, e); return; }
        if (IsFreeText(vr))
        {
            var text = e.GetString();
            var cleaned = context.Cleaner.Clean(text);
            if (!string.Equals(cleaned, text, StringComparison.Ordinal))
            {
                // Nothing left: a dummy rather than an empty value, so a Type 1 descriptor (e.g. Structure Set Label)
                // stays valid whatever its Type.
                if (cleaned.Length == 0) DummyValues.Apply(ds, e);
                else ds.AddOrUpdate(vr, e.Tag, cleaned);
            }
            return;
        }
        if (vr == DicomVR.UN) DummyValues.Zero(ds, e); // unknown bytes cannot be cleaned: emptied
        // CS, numbers, AS, AT, binary: codes and measurements, nothing textual to clean.
    }
}
