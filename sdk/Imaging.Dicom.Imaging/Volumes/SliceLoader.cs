using System.Buffers;
using System.Runtime.InteropServices;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// Decodes slices straight into their place in the caller's voxel memory, in parallel. Native little-endian frames
/// whose pixel data was left in the file (deferred) are read with one read call into the slice's own bytes; everything
/// else goes through <see cref="PixelData.CopyFrame{T}"/>. Rescale is then applied in place (<see cref="VoxelConversion"/>).
/// </summary>
internal static class SliceLoader
{
    /// <summary>One unit of parallel work: slices of the stack (by index) that come from one file, in frame order.</summary>
    private sealed record WorkUnit(DicomFile File, int[] SliceIndexes);

    /// <summary>Loads slices <paramref name="first"/> … first + count − 1 into <paramref name="destination"/> (count × SizeI × SizeJ voxels).</summary>
    public static void Load<T>(VolumeStack stack, int first, int count, Memory<T> destination, SampleType output, IProgress<int>? progress, CancellationToken cancellationToken)
        where T : unmanaged
    {
        var units = Plan(stack, first, count, stack.Options.MaxDegreeOfParallelism);
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = stack.Options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.ForEach(units, parallel, unit =>
            {
                Run(stack, unit, first, destination, output);
                int now = Interlocked.Add(ref done, unit.SliceIndexes.Length);
                progress?.Report(now);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count >= 1)
        {
            var inner = ex.InnerExceptions.FirstOrDefault(e => e is VoxelConversion.Int16OverflowException) ?? ex.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
        }
    }

    /// <summary>Single-frame files are one unit each; a multi-frame file is cut into contiguous runs of frames, one per thread.</summary>
    private static List<WorkUnit> Plan(VolumeStack stack, int first, int count, int maxThreads)
    {
        var units = new List<WorkUnit>();
        var byFile = new Dictionary<DicomFile, List<int>>(ReferenceEqualityComparer.Instance);
        var order = new List<DicomFile>();
        for (int k = first; k < first + count; k++)
        {
            var file = stack.Slices[k].File;
            if (!byFile.TryGetValue(file, out var list))
            {
                byFile[file] = list = [];
                order.Add(file);
            }
            list.Add(k);
        }
        int threads = maxThreads > 0 ? maxThreads : Environment.ProcessorCount;
        foreach (var file in order)
        {
            var ks = byFile[file];
            if (ks.Count == 1)
            {
                units.Add(new WorkUnit(file, [.. ks]));
                continue;
            }
            ks.Sort((a, b) => stack.Slices[a].FrameIndex.CompareTo(stack.Slices[b].FrameIndex));
            int chunks = Math.Min(threads, ks.Count), size = (ks.Count + chunks - 1) / chunks;
            for (int c = 0; c < ks.Count; c += size) units.Add(new WorkUnit(file, [.. ks.Skip(c).Take(size)]));
        }
        return units;
    }

    private static void Run<T>(VolumeStack stack, WorkUnit unit, int first, Memory<T> destination, SampleType output) where T : unmanaged
    {
        var format = stack.Format;
        int n = (int)format.SampleCount;
        var stored = format.SampleType;
        int storedSize = SampleTypes.Size(stored);
        byte[]? scratch = storedSize > SampleTypes.Size(output) ? ArrayPool<byte>.Shared.Rent(n * storedSize) : null;
        try
        {
            using var reader = new FrameSource(unit.File, format, stack.Options);
            foreach (int k in unit.SliceIndexes)
            {
                var slice = stack.Slices[k];
                var voxels = MemoryMarshal.AsBytes(destination.Span.Slice((k - first) * n, n));
                var target = scratch is null ? voxels : scratch.AsSpan(0, n * storedSize);
                reader.Read(slice.FrameIndex, target[..(n * storedSize)]);
                if (scratch is not null)
                {
                    // Narrowing (e.g. Float64 stored, Float32 asked): convert through doubles, slice by slice.
                    var values = MemoryMarshal.Cast<byte, double>(target);
                    var outFloat = MemoryMarshal.Cast<byte, float>(voxels);
                    for (int i = 0; i < n; i++) outFloat[i] = (float)(values[i] * slice.RescaleSlope + slice.RescaleIntercept);
                    continue;
                }
                VoxelConversion.Apply(voxels, n, stored, output, slice.RescaleSlope, slice.RescaleIntercept, slice.ToString());
            }
        }
        finally
        {
            if (scratch is not null) ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
