namespace Crm.PublicApi.Tests;

/// <summary>Like NodaTime's MutabilityTest: public classes are sealed (or abstract/static) and public structs are readonly.</summary>
public sealed class MutabilityTests
{
    public static TheoryData<string> PublicTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in ShippedAssemblies.All.SelectMany(a => a.GetExportedTypes()))
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicType_IsSealedAbstractOrReadonly(string assemblyQualifiedName)
    {
        var type = Type.GetType(assemblyQualifiedName, throwOnError: true)!;
        if (type.IsInterface || type.IsEnum || typeof(Delegate).IsAssignableFrom(type))
        {
            return;
        }

        if (type.IsValueType)
        {
            type.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute), inherit: false)
                .Should().BeTrue($"public struct {type.FullName} must be readonly");
        }
        else
        {
            (type.IsSealed || type.IsAbstract).Should().BeTrue($"public class {type.FullName} must be sealed or abstract");
        }
    }
}
