using Imaging.Dicom.IO;

namespace Imaging.Dicom.Tests.Review;

/// <summary>
/// Bug: a deferred value (pydicom's deferred read) cached its bytes in a <c>ReadOnlyMemory&lt;byte&gt;?</c> field, a
/// multi-word struct written and read without synchronization, so a thread reading the value while another loaded
/// it could see a torn copy (loaded flag set, bytes empty) and get an empty value.
/// </summary>
public sealed class DeferredBufferConcurrencyTests
{
    [Fact]
    public void Memory_ReadFromManyThreadsWhileLoading_AlwaysReturnsWholeValue()
    {
        var data = new byte[64];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)(i + 1);
        var source = new ValueSource.StreamSource(new MemoryStream(data), null);
        int torn = 0;
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (DateTime.UtcNow < deadline && torn == 0)
        {
            var buffers = Enumerable.Range(0, 2000).Select(_ => new DeferredBuffer(source, 0, data.Length, 1)).ToArray();
            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
            {
                foreach (var b in buffers)
                    if (b.Memory.Length != data.Length) Interlocked.Increment(ref torn);
            });
        }

        Assert.Equal(0, torn);
    }
}
