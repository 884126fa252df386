using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Imaging.Host.Tests.Infrastructure;

/// <summary>Observes that an unloaded plugin's load context was collected (which needs several GC cycles).</summary>
internal static class Unloading
{
    /// <summary>Collects until <paramref name="context"/> is gone, up to <paramref name="tries"/> times; true when it was collected.</summary>
    public static bool WaitUntilCollected(WeakReference<AssemblyLoadContext> context, int tries = 10)
    {
        for (int i = 0; i < tries; i++)
        {
            if (!IsAlive(context)) return true;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Thread.Sleep(20 * i);
        }
        return !IsAlive(context);
    }

    // Out of line, so that no strong reference to the context stays in the caller's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsAlive(WeakReference<AssemblyLoadContext> context) => context.TryGetTarget(out _);
}
