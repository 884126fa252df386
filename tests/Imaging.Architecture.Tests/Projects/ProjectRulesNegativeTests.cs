namespace Imaging.Architecture.Tests.Projects;

/// <summary>
/// The project rules bite: crafted project files in a fake repository (temp folder, same sdk/host/plugins layout) go
/// through the same <see cref="ProjectFile.Load"/> and <see cref="ProjectRules"/> code as the real ones.
/// </summary>
public sealed class ProjectRulesNegativeTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly RepoLayout _repo;

    public ProjectRulesNegativeTests() => _repo = new RepoLayout(_temp.Path);

    public void Dispose() => _temp.Dispose();

    private ProjectFile Project(string relative, string items) =>
        ProjectFile.Load(_temp.Write(relative, $"""<Project Sdk="Microsoft.NET.Sdk">{items}</Project>"""), _repo);

    [Fact]
    public void PluginReferences_HostOtherPluginAndCopiedSdk_AreEachFlagged()
    {
        var plugin = Project("plugins/Bad/Bad.csproj", """
            <ItemGroup>
              <ProjectReference Include="../../host/Imaging.Host/Imaging.Host.csproj" />
              <ProjectReference Include="$(RepoRoot)plugins/Other/Other.csproj" />
              <ProjectReference Include="..\..\sdk\Imaging.Sdk\Imaging.Sdk.csproj" />
              <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" />
            </ItemGroup>
            """);

        var violations = ProjectRules.PluginReferences(plugin, _repo).ToList();

        Assert.Equal(4, violations.Count);
        Assert.All(violations, v => Assert.StartsWith("plugins/Bad/Bad.csproj: ", v, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("points into host/ (host/Imaging.Host/Imaging.Host.csproj)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("another plugin (plugins/Other/Other.csproj)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("sdk/Imaging.Sdk/Imaging.Sdk.csproj is not compile-only", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("'Microsoft.Extensions.Logging.Abstractions'", StringComparison.Ordinal) && v.Contains("ExcludeAssets", StringComparison.Ordinal));
    }

    [Fact]
    public void PluginReferences_HostReferenceInAnImportedTargetsFile_IsFlaggedWithItsFile()
    {
        _temp.Write("tests/plugins/Directory.Build.targets", """<Project><Import Project="$(MSBuildThisFileDirectory)../../plugins/Shared.targets" /></Project>""");
        _temp.Write("plugins/Shared.targets", """<Project><ItemGroup><ProjectReference Include="$(MSBuildThisFileDirectory)../host/Imaging.Cli/Imaging.Cli.csproj" Private="false" /></ItemGroup></Project>""");
        var fixture = Project("tests/plugins/Fixture/Fixture.csproj", "");

        var violation = Assert.Single(ProjectRules.PluginReferences(fixture, _repo));

        Assert.StartsWith("tests/plugins/Fixture/Fixture.csproj: ", violation, StringComparison.Ordinal);
        Assert.Contains("declared in plugins/Shared.targets", violation, StringComparison.Ordinal);
        Assert.Contains("host/Imaging.Cli/Imaging.Cli.csproj", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginReferences_CompileOnlySdkReferences_AreAccepted()
    {
        var plugin = Project("plugins/Good/Good.csproj", """
            <ItemGroup>
              <ProjectReference Include="../../sdk/Imaging.Sdk/Imaging.Sdk.csproj"><Private>false</Private><ExcludeAssets>runtime</ExcludeAssets></ProjectReference>
              <PackageReference Include="Microsoft.Extensions.DependencyInjection.Abstractions" ExcludeAssets="runtime" />
              <PackageReference Include="Newtonsoft.Json" />
            </ItemGroup>
            """);

        Assert.Empty(ProjectRules.PluginReferences(plugin, _repo));
    }

    [Fact]
    public void DicomIsBclOnly_PackageProjectAndFramework_AreEachFlagged()
    {
        var dicom = Project("sdk/Imaging.Dicom/Imaging.Dicom.csproj", """
            <ItemGroup>
              <PackageReference Include="Microsoft.CodeAnalysis.PublicApiAnalyzers" PrivateAssets="all" />
              <PackageReference Include="Newtonsoft.Json" PrivateAssets="all" />
              <ProjectReference Include="../Imaging.Dicom.Generator/Imaging.Dicom.Generator.csproj" ReferenceOutputAssembly="false" />
              <ProjectReference Include="../Imaging.Sdk/Imaging.Sdk.csproj" />
              <FrameworkReference Include="Microsoft.AspNetCore.App" />
            </ItemGroup>
            """);

        var violations = ProjectRules.DicomIsBclOnly(dicom, _repo).ToList();

        Assert.Equal(3, violations.Count);
        Assert.All(violations, v => Assert.StartsWith("sdk/Imaging.Dicom/Imaging.Dicom.csproj: ", v, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("PackageReference 'Newtonsoft.Json'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("sdk/Imaging.Sdk/Imaging.Sdk.csproj brings its assembly in", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("FrameworkReference 'Microsoft.AspNetCore.App'", StringComparison.Ordinal));
    }

    [Fact]
    public void HostReferencesNoPlugin_PluginProjectReference_IsFlaggedButLayoutItemIsNot()
    {
        var host = Project("host/Imaging.Host/Imaging.Host.csproj", """
            <ItemGroup>
              <ProjectReference Include="../../sdk/Imaging.Sdk/Imaging.Sdk.csproj" />
              <ProjectReference Include="$(RepoRoot)plugins/Imaging.Plugins.Folder/Imaging.Plugins.Folder.csproj" />
              <ImagingPlugin Include="$(RepoRoot)plugins/*/*.csproj" />
            </ItemGroup>
            """);

        var violation = Assert.Single(ProjectRules.HostReferencesNoPlugin(host, _repo));

        Assert.StartsWith("host/Imaging.Host/Imaging.Host.csproj: ", violation, StringComparison.Ordinal);
        Assert.Contains("points to plugin plugins/Imaging.Plugins.Folder/Imaging.Plugins.Folder.csproj", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void SdkReferencesContractOnly_HostProjectAndDiImplementation_AreEachFlagged()
    {
        var sdk = Project("sdk/Imaging.Sdk/Imaging.Sdk.csproj", """
            <ItemGroup>
              <PackageReference Include="Microsoft.CodeAnalysis.PublicApiAnalyzers" PrivateAssets="all" />
              <PackageReference Include="Microsoft.Extensions.DependencyInjection.Abstractions" />
              <PackageReference Include="Microsoft.Extensions.DependencyInjection" />
              <ProjectReference Include="../Imaging.Dicom/Imaging.Dicom.csproj" />
              <ProjectReference Include="../Imaging.Dicom.Imaging/Imaging.Dicom.Imaging.csproj" />
              <ProjectReference Include="../../host/Imaging.Host/Imaging.Host.csproj" />
            </ItemGroup>
            """);

        var violations = ProjectRules.SdkReferencesContractOnly(sdk, _repo).ToList();

        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.StartsWith("sdk/Imaging.Sdk/Imaging.Sdk.csproj: ", v, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("host/Imaging.Host/Imaging.Host.csproj", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("PackageReference 'Microsoft.Extensions.DependencyInjection'", StringComparison.Ordinal));
    }

    [Fact]
    public void DicomImagingIsBclOnly_PackageSdkReferenceAndFramework_AreEachFlagged()
    {
        var imaging = Project("sdk/Imaging.Dicom.Imaging/Imaging.Dicom.Imaging.csproj", """
            <ItemGroup>
              <PackageReference Include="Microsoft.CodeAnalysis.PublicApiAnalyzers" PrivateAssets="all" />
              <PackageReference Include="SixLabors.ImageSharp" />
              <ProjectReference Include="../Imaging.Dicom/Imaging.Dicom.csproj" />
              <ProjectReference Include="../Imaging.Sdk/Imaging.Sdk.csproj" />
              <FrameworkReference Include="Microsoft.AspNetCore.App" />
            </ItemGroup>
            """);

        var violations = ProjectRules.DicomImagingIsBclOnly(imaging, _repo).ToList();

        Assert.Equal(3, violations.Count);
        Assert.Contains(violations, v => v.Contains("SixLabors.ImageSharp", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("sdk/Imaging.Sdk/Imaging.Sdk.csproj", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Microsoft.AspNetCore.App", StringComparison.Ordinal));
    }
}
