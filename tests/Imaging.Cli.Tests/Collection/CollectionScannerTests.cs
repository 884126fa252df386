using Imaging.Cli.Collection;

namespace Imaging.Cli.Tests.Collection;

public sealed class CollectionScannerTests
{
    private static InstanceSummary Instance(string path, string patient, string date, string study, int? number, string series) =>
        new(path, patient, "", study, date, series, number, "CT", "", 1, 8, 8, "1.2.840.10008.1.2.1", "Explicit VR Little Endian");

    [Fact]
    public void Group_AnyInputOrder_RowsByPatientDateStudySeriesNumberSeriesUid()
    {
        var instances = new[]
        {
            Instance("/f/1", "B", "20200101", "1.1", 1, "1.1.1"),
            Instance("/f/2", "A", "20220101", "1.2", 2, "1.2.2"),
            Instance("/f/3", "A", "20220101", "1.2", 10, "1.2.0"),
            Instance("/f/4", "A", "20210101", "1.3", null, "1.3.1"),
            Instance("/f/5", "A", "20220101", "1.2", 2, "1.2.1"),
            Instance("/f/6", "A", "20220101", "1.2", 2, "1.2.1"),
        };

        var forward = CollectionScanner.Group(instances);
        var backward = CollectionScanner.Group(instances.Reverse());

        Assert.Equal(["1.3.1", "1.2.1", "1.2.2", "1.2.0", "1.1.1"], forward.Select(r => r.SeriesInstanceUid));
        Assert.Equal(forward.Select(r => (r.SeriesInstanceUid, r.Instances, string.Join(",", r.Files))), backward.Select(r => (r.SeriesInstanceUid, r.Instances, string.Join(",", r.Files))));
        Assert.Equal(2, forward[1].Instances);
        Assert.Equal(["/f/5", "/f/6"], forward[1].Files);
    }
}
