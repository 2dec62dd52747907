namespace Crm;

/// <summary>The "printable ASCII without spaces" rule (<c>!</c> to <c>~</c>) that opaque client-supplied tokens follow.</summary>
internal static class PrintableAscii
{
    public static bool IsVisibleOnly(string value)
    {
        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
