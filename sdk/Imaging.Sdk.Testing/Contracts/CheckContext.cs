namespace Imaging.Sdk.Testing.Contracts;

/// <summary>What one check runs with: the options, a token cancelled when the check times out, and a private temporary folder.</summary>
internal sealed class CheckContext(ContractVerifierOptions options, CancellationToken token) : IDisposable
{
    private string? _workDirectory;

    /// <summary>The verifier's options.</summary>
    public ContractVerifierOptions Options { get; } = options;

    /// <summary>Cancelled when the check times out or the caller cancels: passed to the capability in normal runs.</summary>
    public CancellationToken Token { get; } = token;

    /// <summary>The check's own temporary folder, created on first use and deleted by <see cref="Dispose"/>.</summary>
    public string WorkDirectory
    {
        get
        {
            if (_workDirectory is null)
            {
                var root = Options.TempDirectory ?? Path.GetTempPath();
                _workDirectory = Path.Combine(root, $"imaging-contract-{Guid.NewGuid():N}");
                Directory.CreateDirectory(_workDirectory);
            }
            return _workDirectory;
        }
    }

    /// <summary>Creates (empty) and returns the sub-folder <paramref name="name"/> of <see cref="WorkDirectory"/>.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(WorkDirectory, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes the temporary folder, ignoring files a capability still holds open.</summary>
    public void Dispose()
    {
        if (_workDirectory is null) return;
        try { Directory.Delete(_workDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
