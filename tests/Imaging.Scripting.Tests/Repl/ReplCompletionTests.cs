using Imaging.Scripting.Repl;

namespace Imaging.Scripting.Tests.Repl;

/// <summary>Tab completion from the session's compilation: globals, earlier definitions, members after a dot.</summary>
public sealed class ReplCompletionTests(ReplFixture fixture) : IClassFixture<ReplFixture>
{
    [Fact]
    public void Complete_DicomTagDotPrefix_ListsMatchingTags()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);

        var completion = session.Complete("DicomTag.PatientN");

        Assert.Equal("DicomTag.".Length, completion.Start);
        Assert.Contains("PatientName", completion.Items);
        Assert.All(completion.Items, i => Assert.StartsWith("PatientN", i));
    }

    [Fact]
    public void Complete_GlobalPrefix_ListsGlobal()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);

        var completion = session.Complete("Ser");

        Assert.Equal(0, completion.Start);
        Assert.Contains("Series", completion.Items);
    }

    [Fact]
    public void Complete_EmptyWordAtStart_ListsGlobalsButNotTypes()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);

        var completion = session.Complete("");

        Assert.Contains("Filters", completion.Items);
        Assert.Contains("Open", completion.Items);
        Assert.DoesNotContain("DicomTag", completion.Items);
    }

    [Fact]
    public async Task Complete_EarlierDefinitionAndItsMembers_AreFound()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);
        await session.EvaluateAsync("var myDataset = new DicomDataset();");

        var variable = session.Complete("myDa");
        var members = session.Complete("myDataset.GetS");

        Assert.Equal(["myDataset"], variable.Items);
        Assert.Contains("GetString", members.Items);
        Assert.Contains("GetSingleValueOrDefault", members.Items);
    }

    [Fact]
    public void Complete_MemberOfCallResultAndIndexer_UsesTheirTypes()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);

        var file = session.Complete("Open(\"x.dcm\").Data");
        var filter = session.Complete("Filters[\"gaussian\"].");

        Assert.Equal(["Dataset"], file.Items);
        Assert.Contains("ApplyAsync", filter.Items);
        Assert.Contains("Name", filter.Items);
    }

    [Fact]
    public void Complete_ExtensionMethodsOnValue_AreListed()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);

        var completion = session.Complete("Series(\"s\").Whe");

        Assert.Contains("Where", completion.Items);
    }

    [Fact]
    public void Complete_NamespaceDot_ListsTypes()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);

        var completion = session.Complete("System.IO.Fil");

        Assert.Contains("File", completion.Items);
        Assert.Contains("FileInfo", completion.Items);
    }

    [Fact]
    public void Complete_InsideStringLiteral_ListsNothing()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);

        var completion = session.Complete("Open(\"DicomTag.Pat");

        Assert.Empty(completion.Items);
    }

    [Fact]
    public void CommonPrefix_SeveralItems_IsTheSharedStart()
    {
        var completion = new ReplCompletion(0, ["PatientAge", "PatientName", "PatientID"]);

        Assert.Equal("Patient", completion.CommonPrefix);
    }
}
