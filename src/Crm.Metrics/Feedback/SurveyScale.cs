using System.Globalization;

namespace Crm.Metrics.Feedback;

/// <summary>Validation shared by the survey calculators.</summary>
internal static class SurveyScale
{
    public static void Check(int answer, int min, int max, string metric, string paramName)
    {
        if (answer < min || answer > max)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                answer,
                string.Create(CultureInfo.InvariantCulture, $"{metric} score must be between {min} and {max} (was {answer})."));
        }
    }

    public static void CheckConfidenceLevel(double confidenceLevel, string paramName)
    {
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                confidenceLevel,
                "The confidence level must be strictly between 0 and 1 (e.g. 0.95).");
        }
    }
}
