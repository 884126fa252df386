using System.Text;
using Imaging.Dicom;
using Imaging.Plugins.Anonymizer.Engine;
using Imaging.Plugins.Anonymizer.Iod;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>PS3.15 E.3.1: combined codes resolve by the attribute's Type in the IOD of the SOP Class.</summary>
public sealed class IodResolutionTests
{
    [Theory]
    [InlineData("X/Z", "Type2", "Zero")]
    [InlineData("X/Z", "Type3", "Remove")]
    [InlineData("X/Z", "NotInIod", "Remove")]
    [InlineData("X/Z", "Unknown", "Zero")]
    [InlineData("X/D", "Type1", "Dummy")]
    [InlineData("X/D", "Type3", "Remove")]
    [InlineData("X/D", "Unknown", "Dummy")]
    [InlineData("X/Z/D", "Type1", "Dummy")]
    [InlineData("X/Z/D", "Type2", "Zero")]
    [InlineData("X/Z/D", "Type3", "Remove")]
    [InlineData("X/Z/D", "Unknown", "Dummy")]
    [InlineData("Z/D", "Type1", "Dummy")]
    [InlineData("Z/D", "Type2", "Zero")]
    [InlineData("Z/D", "Type3", "Zero")]
    [InlineData("Z/D", "Unknown", "Dummy")]
    [InlineData("X/Z/U*", "Type1", "KeepReplacingUids")]
    [InlineData("X/Z/U*", "Type3", "Remove")]
    [InlineData("X/Z/U*", "Unknown", "KeepReplacingUids")]
    public void Resolve_CombinedCode_ByType(string code, string type, string expected)
    {
        Assert.Equal(Enum.Parse<ElementAction>(expected), ActionResolver.Resolve(code, Enum.Parse<AttributeType>(type)));
    }

    [Fact]
    public void TypeOf_WithModuleAttributeTable_StrictestTypeOverTheIodModules()
    {
        static MemoryStream Json(string s) => new(Encoding.UTF8.GetBytes(s));
        var catalog = new IodCatalog(
            Json("""[{"name":"CT Image Storage","id":"1.2.840.10008.5.1.4.1.1.2","ciod":"CT Image"}]"""),
            Json("""[{"name":"CT Image","id":"ct-image"}]"""),
            Json("""[{"ciodId":"ct-image","moduleId":"patient","usage":"M"},{"ciodId":"ct-image","moduleId":"general-equipment","usage":"M"},{"ciodId":"ct-image","moduleId":"frame-of-reference","usage":"U"}]"""),
            Json("""
            [{"moduleId":"patient","path":"patient:00100020","tag":"(0010,0020)","type":"2"},
             {"moduleId":"general-equipment","path":"general-equipment:00181000","tag":"(0018,1000)","type":"3"},
             {"moduleId":"frame-of-reference","path":"frame-of-reference:00200052","tag":"(0020,0052)","type":"1"},
             {"moduleId":"patient","path":"patient:00101002:00100020","tag":"(0010,0020)","type":"1"}]
            """));
        const string ct = "1.2.840.10008.5.1.4.1.1.2";
        Assert.True(catalog.KnowsAttributeTypes);
        Assert.Equal(AttributeType.Type2, catalog.TypeOf(ct, DicomTag.PatientID)); // the nested Type 1 row is not top level
        Assert.Equal(AttributeType.Type3, catalog.TypeOf(ct, new DicomTag(0x0018, 0x1000)));
        Assert.Equal(AttributeType.Type1, catalog.TypeOf(ct, DicomTag.FrameOfReferenceUID));
        Assert.Equal(AttributeType.NotInIod, catalog.TypeOf(ct, DicomTag.AccessionNumber));
        Assert.Equal(AttributeType.Unknown, catalog.TypeOf("1.2.3.4", DicomTag.PatientID));
        // Device Serial Number is X/Z/D in Table E.1-1: Type 3 in the CT IOD → removed.
        Assert.Equal(ElementAction.Remove, ActionResolver.Resolve("X/Z/D", catalog.TypeOf(ct, new DicomTag(0x0018, 0x1000))));
    }

    [Fact]
    public void LoadEmbedded_CtImageStorage_ResolvesIodAndModules()
    {
        var catalog = IodCatalog.LoadEmbedded();
        Assert.Equal("ct-image", catalog.IodOf("1.2.840.10008.5.1.4.1.1.2"));
        Assert.Contains("patient", catalog.ModulesOf("1.2.840.10008.5.1.4.1.1.2"));
        Assert.Contains("general-equipment", catalog.ModulesOf("1.2.840.10008.5.1.4.1.1.2"));
    }
}
