using System.Reflection;

namespace Crm.PublicApi.Tests;

/// <summary>
/// Issue 6: a public value, record or snapshot type that a host logs, shows in a debugger or puts in an assertion message
/// must print something useful, not its type name. Services (managers, stores, options…) are exempt: their type name is
/// what identifies them.
/// </summary>
public sealed class ToStringTests
{
    private static readonly string[] ServiceSuffixes =
        ["Manager", "Merger", "Detector", "Importer", "Store", "Outbox", "Dispatcher", "Service", "Options", "Builder", "Validator", "Contributor", "Registry", "Clock", "Generator", "Serializer", "Context", "Analytics", "JsonConverter", "Editor", "Registration"];

    public static TheoryData<string> ValueTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in new[] { typeof(Crm.TenantId).Assembly, typeof(Crm.Contacts.Contact).Assembly }.SelectMany(a => a.GetExportedTypes()))
        {
            if (type.IsInterface || type.IsEnum || type.IsAbstract || typeof(Delegate).IsAssignableFrom(type) || typeof(Exception).IsAssignableFrom(type)
                || typeof(Attribute).IsAssignableFrom(type) || type.IsGenericTypeDefinition || ServiceSuffixes.Any(s => type.Name.EndsWith(s, StringComparison.Ordinal)))
            {
                continue;
            }

            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValueTypes))]
    public void PublicValueType_OverridesToString(string assemblyQualifiedName)
    {
        var type = Type.GetType(assemblyQualifiedName, throwOnError: true)!;
        var toString = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)!;

        (toString.DeclaringType != typeof(object) && toString.DeclaringType != typeof(ValueType))
            .Should().BeTrue($"{type.FullName} should print more than its type name");
    }
}
