// A plugin pipeline: read every instance with the folder source, smooth it with the "gaussian" filter plugin, and
// write the results with the folder sink. The filter makes DERIVED images with new SOP Instance UIDs.
//
//   imaging run scripts/gaussian-pipeline.csx -- STUDY_FOLDER [OUT_FOLDER] [SIGMA]
//
// Defaults: the current folder, ./smoothed, sigma 1.5 pixels. Any filter works the same way: see Filters.Names
// (and each filter's Arguments) for what is installed; chain several by calling Filter(...) more than once.
var input = PathOf(Args.Count > 0 ? Args[0] : ".");
var output = PathOf(Args.Count > 1 ? Args[1] : "smoothed");
var sigma = Args.Count > 2 ? Args[2] : "1.5";

Print($"filters: {string.Join(", ", Filters.Names)}");
var source = Sources["folder"];
var gaussian = Filters["gaussian"];
var sink = Sinks["folder"];

int read = 0;
async IAsyncEnumerable<DicomInstance> Smoothed()
{
    await foreach (var instance in source.ReadAsync(input, null, CancellationToken))
    {
        read++;
        var smoothed = await gaussian.ApplyAsync(instance.Dataset, CapabilityArguments.Parse([$"sigma={sigma}"]), null, CancellationToken);
        yield return instance.WithDataset(smoothed);
    }
}

var clock = System.Diagnostics.Stopwatch.StartNew();
var result = await sink.WriteAsync(output, Smoothed(), null, CancellationToken);
Print($"read {read} instances from {input}, gaussian sigma={sigma}, wrote {result.Written} to {output} in {clock.ElapsedMilliseconds} ms");
