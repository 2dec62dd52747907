using System.Reflection;
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
            // The DI entry points live in Microsoft.Extensions.DependencyInjection by convention, and the EF Core model
            // configuration (modelBuilder.ApplyCrm…()) in Microsoft.EntityFrameworkCore: they are our API too.
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection", "Microsoft.EntityFrameworkCore"],
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
                "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
                "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
                "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
            ],
        }));

        var folder = Path.Combine(RepositoryRoot(), "tests", "Crm.PublicApi.Tests", "ApiApproval");
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

    /// <summary>The folder holding CrmCore.sln, found by walking up from the test binary (source paths are not usable: CI builds map them to /_/).</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmCore.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CrmCore.sln was not found above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }
}
