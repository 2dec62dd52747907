namespace Crm.Metrics.Tests.Clv;

/// <summary>A fact that needs the CDNOW files of ../shared/data/cdnow and skips, saying why, when they are absent.</summary>
public sealed class CdnowFactAttribute : FactAttribute
{
    public CdnowFactAttribute()
    {
        if (CdnowData.Folder is null)
        {
            Skip = "The CDNOW reference data is absent: expected ../shared/data/cdnow/CDNOW_sample.txt beside the folder holding CrmCore.sln.";
        }
    }
}
