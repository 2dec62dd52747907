namespace Crm.Samples.RetentionReport.Generation;

/// <summary>Display names for generated customers, from several naming traditions (CrmCore makes no Western-only assumption).</summary>
internal static class Names
{
    private static readonly string[] Given =
    [
        "Ada", "Björn", "Chen", "Dana", "Emeka", "Farah", "Giulia", "Hiroshi", "Ingrid", "Jamal", "Kavya", "Luis", "Mei", "Nadia",
        "Oluwaseun", "Pablo", "Quynh", "Rafael", "Saoirse", "Tomasz", "Uma", "Viktor", "Wanjiru", "Xavier", "Yara", "Zeynep",
    ];

    private static readonly string[] Family =
    [
        "Okafor", "Lindqvist", "Wei", "Cohen", "Eze", "Haddad", "Rossi", "Tanaka", "Berg", "Abdullah", "Iyer", "García", "Lin", "Petrova",
        "Adeyemi", "Fernández", "Nguyen", "Costa", "Murphy", "Nowak", "Rao", "Horváth", "Kamau", "Dubois", "Mansour", "Yılmaz",
    ];

    /// <summary>A name drawn with <paramref name="random"/>.</summary>
    public static string Draw(Random random) => $"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}";
}
