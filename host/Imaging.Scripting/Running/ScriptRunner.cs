using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Imaging.Host;

namespace Imaging.Scripting.Running;

/// <summary>
/// Runs a <c>.csx</c> file: reads it and its <c>#load</c>'ed files, takes the compiled assembly from the cache or
/// compiles it with <see cref="ScriptEnvironment"/>, loads it into a collectible context and calls its submission
/// factory with the globals. Compile errors, runtime errors and cancellation come back as a <see cref="ScriptRunResult"/>
/// (nothing is written to the console here).
/// </summary>
/// <remarks>
/// A cache hit never loads the compiler: the key (<see cref="ScriptCache"/>) is computed from the files alone, and the
/// stored assembly is run directly, the way dotnet-script runs its cached scripts.
/// </remarks>
public sealed class ScriptRunner
{
    private readonly ScriptCache? _cache;

    /// <summary>Creates a runner that caches compiled scripts in <paramref name="cacheFolder"/>, or compiles every time when it is null.</summary>
    public ScriptRunner(string? cacheFolder)
    {
        _cache = cacheFolder is null ? null : new ScriptCache(Path.GetFullPath(cacheFolder));
    }

    /// <summary>The default cache folder: <c>~/.imaging/cache/scripts</c> (under <c>$IMAGING_HOME</c> when set).</summary>
    public static string DefaultCacheFolder => Path.Combine(HostOptions.ImagingHome, "cache", "scripts");

    /// <summary>The cache folder, or null when caching is off.</summary>
    public string? CacheFolder => _cache?.Folder;

    /// <summary>
    /// When set, a compile records which compiler methods it JIT-compiled into this folder and later compiles pre-compile
    /// them on another core as they start (.NET multi-core JIT, <see cref="System.Runtime.ProfileOptimization"/>): a
    /// cold compile in a fresh process gets faster from the second one on. Process-wide, so only for a process that runs
    /// one script (the CLI); null (the default) leaves the runtime alone.
    /// </summary>
    public string? JitProfileFolder { get; init; }

    /// <summary>
    /// Compile with optimizations (<c>OptimizationLevel.Release</c>): faster loops, but the JIT may inline script
    /// methods, so a runtime error may name the calling line or none. Off by default (see <see cref="ScriptEnvironment"/>).
    /// </summary>
    public bool Optimize { get; init; }

    /// <summary>
    /// Runs the script at <paramref name="scriptPath"/> with <paramref name="globals"/>; its
    /// <see cref="ScriptGlobals.CancellationToken"/> stops the script (the outcome is then <see cref="ScriptOutcome.Cancelled"/>).
    /// The script's top-level code runs on the calling thread until its first <c>await</c>.
    /// </summary>
    public async Task<ScriptRunResult> RunAsync(string scriptPath, ScriptGlobals globals)
    {
        ArgumentNullException.ThrowIfNull(scriptPath);
        ArgumentNullException.ThrowIfNull(globals);
        var path = Path.GetFullPath(scriptPath);
        if (!File.Exists(path)) return new ScriptRunResult(ScriptOutcome.BadInput, [$"{path}: no such script"]);
        ScriptInputs inputs;
        try
        {
            inputs = ScriptInputs.Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ScriptRunResult(ScriptOutcome.BadInput, [$"{path}: {ex.Message}"]);
        }
        if (globals.CancellationToken.IsCancellationRequested) return new ScriptRunResult(ScriptOutcome.Cancelled, []);

        var key = _cache is null ? null : ScriptCache.KeyOf(inputs, Optimize);
        var compileTime = TimeSpan.Zero;
        bool cacheHit = false;
        byte[] assembly, symbols;
        IReadOnlyList<string> sources = [inputs.Path, .. inputs.Loads.Select(l => l.Path)];
        IReadOnlyList<string> references = [.. inputs.ReferenceFiles];
        if (_cache is not null && key is not null && _cache.TryRead(key, out assembly, out var cachedSymbols))
        {
            cacheHit = true;
            symbols = cachedSymbols ?? [];
        }
        else
        {
            var clock = Stopwatch.StartNew();
            StartJitProfile();
            var compiled = Compile(inputs, Optimize, globals.CancellationToken);
            compileTime = clock.Elapsed;
            if (!compiled.Succeeded)
                return new ScriptRunResult(ScriptOutcome.CompileFailed, compiled.Errors) { Compiled = true, CacheKey = key, CompileTime = compileTime };
            (assembly, symbols, sources, references) = (compiled.Assembly, compiled.Symbols, compiled.SourceFiles, compiled.ReferenceFiles);
            if (_cache is not null && key is not null && Agrees(inputs, compiled)) _cache.TryWrite(key, assembly, symbols);
        }

        var run = Stopwatch.StartNew();
        var context = new ScriptLoadContext(references);
        try
        {
            var (outcome, errors, exception, value) = await ExecuteAsync(context, assembly, symbols, inputs.Path, sources, globals).ConfigureAwait(false);
            return new ScriptRunResult(outcome, errors)
            {
                Exception = exception,
                ReturnValue = value,
                Compiled = !cacheHit,
                CacheHit = cacheHit,
                CacheKey = key,
                CompileTime = compileTime,
                RunTime = run.Elapsed,
            };
        }
        catch (BadImageFormatException) when (cacheHit && key is not null)
        {
            // A truncated or foreign cache entry: drop it and compile afresh.
            _cache!.Forget(key);
            return await RunAsync(scriptPath, globals).ConfigureAwait(false);
        }
        finally
        {
            context.Unload();
        }
    }

    private void StartJitProfile()
    {
        if (JitProfileFolder is null) return;
        try
        {
            Directory.CreateDirectory(JitProfileFolder);
            System.Runtime.ProfileOptimization.SetProfileRoot(JitProfileFolder);
            System.Runtime.ProfileOptimization.StartProfile("script-compile.jitprofile");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only an optimisation.
        }
    }

    // Kept out of RunAsync so that a cache hit never JIT-compiles a method that touches the compiler's types.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CompiledScript Compile(ScriptInputs inputs, bool optimize, CancellationToken cancellationToken)
        => ScriptCompiler.Compile(new ScriptEnvironment(Path.GetDirectoryName(inputs.Path)!), inputs.Path, inputs.Text, optimize, cancellationToken);

    private static async Task<(ScriptOutcome, IReadOnlyList<string>, Exception?, object?)> ExecuteAsync(
        ScriptLoadContext context, byte[] assembly, byte[] symbols, string scriptPath, IReadOnlyList<string> sources, ScriptGlobals globals)
    {
        using var peStream = new MemoryStream(assembly, writable: false);
        using var pdbStream = symbols.Length > 0 ? new MemoryStream(symbols, writable: false) : null;
        var loaded = context.LoadFromStream(peStream, pdbStream);
        var factory = loaded.GetType(ScriptCompiler.SubmissionClass)?.GetMethod(ScriptCompiler.FactoryMethod, BindingFlags.Public | BindingFlags.Static)
            ?? throw new BadImageFormatException($"{scriptPath}: the compiled script has no {ScriptCompiler.SubmissionClass}.{ScriptCompiler.FactoryMethod}");
        try
        {
            var task = (Task<object>)factory.Invoke(null, [new object?[] { globals, null }])!;
            var value = await task.ConfigureAwait(false);
            return (ScriptOutcome.Completed, [], null, value);
        }
        catch (Exception thrown)
        {
            var ex = RuntimeErrorFormatter.Unwrap(thrown);
            if (ex is OperationCanceledException && globals.CancellationToken.IsCancellationRequested)
                return (ScriptOutcome.Cancelled, [], ex, null);
            return (ScriptOutcome.Failed, [RuntimeErrorFormatter.Format(ex, scriptPath, sources)], ex, null);
        }
    }

    /// <summary>True when the compiler read exactly the files the key was made of (else the entry is not stored).</summary>
    private static bool Agrees(ScriptInputs inputs, CompiledScript compiled)
    {
        var expectedSources = new HashSet<string>([inputs.Path, .. inputs.Loads.Select(l => l.Path)], StringComparer.Ordinal);
        if (!expectedSources.SetEquals(compiled.SourceFiles)) return false;
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var userReferences = compiled.ReferenceFiles.Where(r => !string.Equals(Path.GetDirectoryName(r), framework, StringComparison.Ordinal));
        return new HashSet<string>(inputs.ReferenceFiles, StringComparer.Ordinal).SetEquals(userReferences);
    }
}
