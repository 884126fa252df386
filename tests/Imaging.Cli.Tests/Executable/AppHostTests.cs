namespace Imaging.Cli.Tests.Executable;

/// <summary>The built `imaging` executable as a user runs it: exit codes and what reaches stdout/stderr through real pipes.</summary>
public sealed class AppHostTests(SampleStudy sample) : IClassFixture<SampleStudy>
{
    [Fact]
    public void AppHost_Help_ExitsZeroAndListsCommands()
    {
        var run = ProcessRun.Start(TestFiles.ImagingAppHost, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("collection", run.Stdout);
        Assert.Contains("sample", run.Stdout);
        Assert.Contains("dump", run.Stdout);
    }

    [Fact]
    public void AppHost_DumpNonDicom_ExitsTwoWithOneLine()
    {
        var run = ProcessRun.Start(TestFiles.ImagingAppHost, "dump", sample.Junk);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(sample.Junk, line);
    }

    [Fact]
    public void AppHost_CollectionMissingDir_ExitsTwo()
    {
        var missing = Path.Combine(sample.Folder, "no-such-folder");

        var run = ProcessRun.Start(TestFiles.ImagingAppHost, "collection", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such directory", run.Stderr);
    }

    [Fact]
    public void AppHost_CollectionWithUnreadableFiles_ExitsZeroPlainText()
    {
        var run = ProcessRun.Start(TestFiles.ImagingAppHost, "collection", sample.Folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2 series, 10 instances", run.Stdout);
        Assert.Contains("2 unreadable", run.Stdout);
        Assert.DoesNotContain('\u001b', run.Stdout + run.Stderr);
    }

    [Fact]
    public void AppHost_UnknownOption_ExitsTwo()
    {
        var run = ProcessRun.Start(TestFiles.ImagingAppHost, "collection", sample.Folder, "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("xml", run.Stderr);
    }
}
