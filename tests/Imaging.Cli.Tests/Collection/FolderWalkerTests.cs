using Imaging.Cli.Collection;

namespace Imaging.Cli.Tests.Collection;

public sealed class FolderWalkerTests
{
    [Fact]
    public void Walk_HiddenFoldersAndFiles_Skipped()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File(".git"));
        File.WriteAllText(temp.File(".git/config"), "x");
        File.WriteAllText(temp.File(".DS_Store"), "x");
        File.WriteAllText(temp.File("a.dcm"), "x");

        var walk = FolderWalker.Walk(temp.Path);

        Assert.Equal([temp.File("a.dcm")], walk.Files);
        Assert.Empty(walk.Problems);
    }

    [Fact]
    public void Walk_SymlinkLoop_EveryFileOnce()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("sub"));
        File.WriteAllText(temp.File("sub/b.dcm"), "x");
        Directory.CreateSymbolicLink(temp.File("sub/loop"), "..");
        Directory.CreateSymbolicLink(temp.File("again"), temp.File("sub"));

        var walk = FolderWalker.Walk(temp.Path);

        Assert.Equal([temp.File("again/b.dcm")], walk.Files);
        Assert.Empty(walk.Problems);
    }

    [Fact]
    public void Walk_LinkedFolderOutsideTheTree_Followed()
    {
        using var outside = new TempFolder();
        using var temp = new TempFolder();
        File.WriteAllText(outside.File("c.dcm"), "x");
        Directory.CreateSymbolicLink(temp.File("linked"), outside.Path);

        var walk = FolderWalker.Walk(temp.Path);

        Assert.Equal([temp.File("linked/c.dcm")], walk.Files);
    }

    [Fact]
    public void Walk_BrokenSymlink_ReportedAsProblem()
    {
        using var temp = new TempFolder();
        File.CreateSymbolicLink(temp.File("gone.dcm"), temp.File("nowhere.dcm"));

        var walk = FolderWalker.Walk(temp.Path);

        Assert.Empty(walk.Files);
        var problem = Assert.Single(walk.Problems);
        Assert.Equal(temp.File("gone.dcm"), problem.Path);
        Assert.StartsWith("broken symbolic link", problem.Reason);
    }
}
