using System.Collections;
using System.Reflection;
using Crm.Contacts.Privacy;
using Crm.Privacy;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>Finds personal data left in an object graph, driven by <see cref="PersonalDataAttribute"/> alone.</summary>
/// <remarks>
/// A member marked <see cref="PersonalDataAttribute"/> must hold nothing (null, empty text, empty collection), unless
/// its type marks personal members of its own (a "container" such as a consent record or lifecycle entry): then the
/// container may stay, and the same rule applies to its members. Unmarked members whose type is a container are
/// inspected too (an acquisition source with a marked detail).
/// </remarks>
internal static class PersonalDataInspector
{
    private static readonly Assembly Model = typeof(Contact).Assembly;

    /// <summary>The paths of every personal value still present, e.g. <c>Contact.Emails[0].Address</c>.</summary>
    public static IReadOnlyList<string> FindPersonalValues(object root)
    {
        var found = new List<string>();
        Inspect(root, root.GetType().Name, found, depth: 0);
        return found;
    }

    /// <summary>Whether <paramref name="type"/> (or its element type) marks personal members, directly or deeper.</summary>
    public static bool IsContainer(Type type) => IsContainer(type, []);

    private static bool IsContainer(Type type, HashSet<Type> seen)
    {
        type = ElementType(type);
        if (type.Assembly != Model || type.IsEnum || !seen.Add(type))
        {
            return false;
        }

        return Properties(type).Any(p => p.IsDefined(typeof(PersonalDataAttribute), inherit: true) || IsContainer(p.PropertyType, seen));
    }

    private static void Inspect(object value, string path, List<string> found, int depth)
    {
        if (depth > 10)
        {
            throw new InvalidOperationException($"The object graph is deeper than expected at {path}.");
        }

        foreach (var property in Properties(value.GetType()))
        {
            var child = property.GetValue(value);
            var childPath = $"{path}.{property.Name}";
            var marked = property.IsDefined(typeof(PersonalDataAttribute), inherit: true);
            if (child is null)
            {
                continue;
            }

            if (child is IEnumerable items and not string)
            {
                var i = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{childPath}[{i++}]";
                    if (item is not null && IsContainer(item.GetType()))
                    {
                        Inspect(item, itemPath, found, depth + 1);
                    }
                    else if (marked)
                    {
                        found.Add(itemPath);
                    }
                }
            }
            else if (IsContainer(child.GetType()))
            {
                Inspect(child, childPath, found, depth + 1);
            }
            else if (marked && !(child is string { Length: 0 }))
            {
                found.Add(childPath);
            }
        }
    }

    private static IEnumerable<PropertyInfo> Properties(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    /// <summary>The type itself, its Nullable underlying type, or the element type of a generic collection (the value type of a dictionary).</summary>
    public static Type ElementType(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return underlying;
        }

        if (type == typeof(string))
        {
            return type;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (enumerable is null)
        {
            return type;
        }

        var element = enumerable.GetGenericArguments()[0];
        return element.IsGenericType && element.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? element.GetGenericArguments()[1] : element;
    }
}
