namespace Crm.Interactions.Feedback;

/// <summary>The valid score range of each <see cref="FeedbackSurvey"/>: NPS 0–10, CSAT 1–5, CES 1–7.</summary>
public static class FeedbackScale
{
    /// <summary>The lowest valid score.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The survey is not defined.</exception>
    public static int Min(FeedbackSurvey survey) => EnumRules.Check(survey, nameof(survey)) == FeedbackSurvey.Nps ? 0 : 1;

    /// <summary>The highest valid score.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The survey is not defined.</exception>
    public static int Max(FeedbackSurvey survey) => EnumRules.Check(survey, nameof(survey)) switch
    {
        FeedbackSurvey.Nps => 10,
        FeedbackSurvey.Csat => 5,
        _ => 7,
    };

    /// <summary>Throws unless <paramref name="score"/> is on the survey's scale.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside the scale; the message names the scale.</exception>
    public static int Check(FeedbackSurvey survey, int score, string paramName)
        => score < Min(survey) || score > Max(survey)
            ? throw new ArgumentOutOfRangeException(paramName, score, $"A {survey} score must be between {Min(survey)} and {Max(survey)}.")
            : score;
}
