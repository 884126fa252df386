using System.Text;
using Imaging.Dicom.Text;

namespace Imaging.Dicom.Tests.Text;

/// <summary>The common case of header parsing, values without escape sequences, allocates nothing but the result.</summary>
public class DicomCharacterSetAllocationTests
{
    public static TheoryData<string[], string> WithoutEscapes => new()
    {
        { [], "DOE^JOHN^^^" },
        { ["ISO_IR 100"], "Buc^J\xe9r\xf4me" },
        { ["ISO_IR 126"], "\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2" },
        { ["", "ISO 2022 IR 87"], "Yamada^Tarou" },
        { ["ISO_IR 192"], "Wang^XiaoDong=\xe7\x8e\x8b^\xe5\xb0\x8f\xe6\x9d\xb1" },
    };

    [Theory]
    [MemberData(nameof(WithoutEscapes))]
    public void Decode_ValueWithoutEscapes_AllocatesOnlyTheString(string[] terms, string latin1)
    {
        var cs = DicomCharacterSet.FromTerms(terms);
        byte[] raw = Encoding.Latin1.GetBytes(latin1);
        string text = cs.Decode(raw, DicomVR.PN);   // warm up: code page tables, JIT

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) text = cs.Decode(raw, DicomVR.PN);
        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

        long stringSize = 24 + 2 * (text.Length + 1);   // object header, length, UTF-16 characters and terminator
        Assert.InRange(perCall, 1, stringSize + 8);
    }

    [Fact]
    public void Encode_AsciiValue_AllocatesOnlyTheArray()
    {
        var cs = DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87"]);
        byte[] bytes = cs.Encode("Yamada^Tarou", DicomVR.PN);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) bytes = cs.Encode("Yamada^Tarou", DicomVR.PN);
        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

        Assert.InRange(perCall, 1, 24 + bytes.Length + 8);
    }
}
