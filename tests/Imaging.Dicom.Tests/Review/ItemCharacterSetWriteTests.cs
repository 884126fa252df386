using Imaging.Dicom.IO;

namespace Imaging.Dicom.Tests.Review;

/// <summary>
/// Bug: an item added through <see cref="DicomSequence.Items"/> (the documented way) does not know its parent, so
/// the writer encoded its text in the default repertoire instead of the enclosing data set's Specific Character Set
/// (PS3.5 §6.1.2.5: items without their own (0008,0005) inherit it), and "Müller" came back as "M?ller".
/// </summary>
public sealed class ItemCharacterSetWriteTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Save_ItemAddedThroughItemsList_WritesTextInEnclosingCharacterSet(bool definedLengths)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, "ISO_IR 192");
        ds.AddOrUpdate(DicomTag.PatientName, "Müller^Jürgen");
        ds.AddOrUpdate(DicomVR.SQ, DicomTag.OtherPatientIDsSequence, new DicomDataset());
        var item = new DicomDataset();
        item.AddOrUpdate(ds[DicomTag.PatientName]!);
        ds.GetSequence(DicomTag.OtherPatientIDsSequence).Items.Add(item);
        var ms = new MemoryStream();

        new DicomFile(ds).Save(ms, new DicomWriteOptions { DefinedLengthSequences = definedLengths });
        ms.Position = 0;
        var back = DicomFile.Open(ms, new FileReadOptions { Strict = true });

        var items = back.Dataset.GetSequence(DicomTag.OtherPatientIDsSequence);
        Assert.Equal(2, items.Count);
        Assert.Equal("Müller^Jürgen", items[1].GetString(DicomTag.PatientName));
    }
}
