using Imaging.Dicom;
using Imaging.Plugins.Folder.Sink;
using Imaging.Plugins.Folder.Source;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk.Testing;

namespace Imaging.Plugins.Tests.Folder;

public sealed class RoundTripTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Syntaxes => [DicomTransferSyntax.ExplicitVRLittleEndian.Uid, DicomTransferSyntax.ImplicitVRLittleEndian.Uid, DicomTransferSyntax.ExplicitVRBigEndian.Uid];

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public async Task SourceSinkSource_SyntheticStudy_SameDatasetsAndSyntax(string transferSyntax)
    {
        var syntax = DicomTransferSyntax.Lookup(transferSyntax);
        var input = _temp.Combine("in");
        SyntheticStudy.WriteTo(input, new SyntheticStudyOptions { CtSlices = 3, MrSlices = 2, Size = 200, RichHeaders = true, TransferSyntax = syntax });
        var source = new FolderSource();
        var sink = new FolderSink(new TestFileOutput());

        var result = await sink.WriteAsync(_temp.Combine("out"), source.ReadAsync(input));
        var original = await source.ReadAsync(input).ToListAsync();
        var copy = await source.ReadAsync(_temp.Combine("out")).ToListAsync();

        Assert.Equal(5, result.Written);
        Assert.Equal(5, copy.Count);
        var byUid = copy.ToDictionary(i => i.SopInstanceUid);
        foreach (var o in original)
        {
            var c = byUid[o.SopInstanceUid];
            Assert.Equal(syntax, c.TransferSyntax);
            Assert.Equal(TestImages.Encode(o.Dataset), TestImages.Encode(c.Dataset));
        }
    }
}
