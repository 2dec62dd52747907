using System.Reflection;
using System.Runtime.CompilerServices;
using PublicApiGenerator;

namespace Crm.PublicApi.Tests;

/// <summary>
/// The public API of every shipped assembly is a reviewed product: it is compared with a checked-in approved file.
/// On a difference the generated API is written beside it as <c>&lt;Assembly&gt;.received.txt</c>; review the diff and
/// accept it with <c>tests/Crm.PublicApi.Tests/accept-api-changes.sh</c>.
/// </summary>
public sealed class ApiApprovalTests
{
    public static TheoryData<string> AssemblyNames() => new(ShippedAssemblies.All.Select(a => a.GetName().Name!));

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void PublicApi_MatchesApprovedFile(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var generated = Normalize(assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The DI entry points live in Microsoft.Extensions.DependencyInjection by convention: they are our API too.
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            ],
        }));

        var folder = Path.Combine(SourceFolder(), "ApiApproval");
        var approvedPath = Path.Combine(folder, $"{assemblyName}.approved.txt");
        var receivedPath = Path.Combine(folder, $"{assemblyName}.received.txt");
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : string.Empty;

        if (generated == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, generated);
        Assert.Fail(
            $"The public API of {assemblyName} differs from {approvedPath}. The generated API was written to {receivedPath}. " +
            "Review the difference (e.g. `git diff --no-index` the two files) and, if it is intended, run " +
            "`bash tests/Crm.PublicApi.Tests/accept-api-changes.sh` and commit the approved file.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
