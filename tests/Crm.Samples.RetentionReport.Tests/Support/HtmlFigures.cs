using System.Text.RegularExpressions;

namespace Crm.Samples.RetentionReport.Tests.Support;

/// <summary>Reads the figures an HTML report tags with <c>data-figure</c> (named after the JSON field they show).</summary>
internal static partial class HtmlFigures
{
    /// <summary>The text of every tagged element, by figure name, HTML-decoded.</summary>
    public static Dictionary<string, string> Read(string dom)
        => FigurePattern().Matches(dom).ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));

    [GeneratedRegex("data-figure=\"([^\"]+)\"[^>]*>([^<]*)<")]
    private static partial Regex FigurePattern();
}
