namespace Imaging.Fuzz;

/// <summary>
/// Shrinks a crashing input while it keeps the same crash signature: removes chunks (halving their size down to one
/// byte, like afl-tmin's block deletion), then zeroes the bytes it can. Small inputs make small regression tests.
/// </summary>
internal sealed class Minimizer(DicomFileTarget target, TextWriter log)
{
    public byte[] Minimize(byte[] input, TimeSpan budget)
    {
        var first = Findings.Check(target, input) ?? throw new InvalidOperationException("the input does not crash the target; nothing to minimize");
        var signature = Findings.Signature(first);
        log.WriteLine($"[minimize] {input.Length} bytes, {signature}");
        var deadline = DateTime.UtcNow + budget;
        var best = input;
        for (int round = 0; round < 3 && DateTime.UtcNow < deadline; round++)
        {
            int before = best.Length;
            best = RemoveChunks(best, signature, deadline);
            best = ZeroBytes(best, signature, deadline);
            if (best.Length == before) break;
        }
        log.WriteLine($"[minimize] {best.Length} bytes");
        return best;
    }

    private byte[] RemoveChunks(byte[] best, string signature, DateTime deadline)
    {
        for (int chunk = Math.Max(1, best.Length / 2); chunk >= 1 && DateTime.UtcNow < deadline; chunk /= 2)
        {
            bool shrank;
            do
            {
                shrank = false;
                for (int at = 0; at < best.Length && DateTime.UtcNow < deadline;)
                {
                    int n = Math.Min(chunk, best.Length - at);
                    var candidate = new byte[best.Length - n];
                    best.AsSpan(0, at).CopyTo(candidate);
                    best.AsSpan(at + n).CopyTo(candidate.AsSpan(at));
                    if (SameCrash(candidate, signature))
                    {
                        best = candidate;
                        shrank = true;
                    }
                    else at += n;
                }
            }
            while (shrank && DateTime.UtcNow < deadline);
        }
        return best;
    }

    private byte[] ZeroBytes(byte[] best, string signature, DateTime deadline)
    {
        for (int i = 0; i < best.Length && DateTime.UtcNow < deadline; i++)
        {
            if (best[i] == 0) continue;
            var candidate = (byte[])best.Clone();
            candidate[i] = 0;
            if (SameCrash(candidate, signature)) best = candidate;
        }
        return best;
    }

    private bool SameCrash(byte[] candidate, string signature) =>
        Findings.Check(target, candidate) is { } ex && Findings.Signature(ex) == signature;
}
