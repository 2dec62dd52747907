namespace Crm.Interactions.Feedback;

/// <summary>Which standard question a feedback score answers, and so its scale.</summary>
public enum FeedbackSurvey
{
    /// <summary>Net Promoter Score: "How likely are you to recommend us?", 0–10.</summary>
    Nps = 1,

    /// <summary>Customer satisfaction: "How satisfied were you?", 1–5.</summary>
    Csat = 2,

    /// <summary>Customer effort score: "How easy was it?", 1–7.</summary>
    Ces = 3,
}
