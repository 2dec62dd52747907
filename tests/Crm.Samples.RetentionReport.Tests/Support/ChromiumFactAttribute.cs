namespace Crm.Samples.RetentionReport.Tests.Support;

/// <summary>A fact that needs headless Chromium: skipped with the reason when it is absent, except in CI, where it then fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
