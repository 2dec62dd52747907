namespace Crm.Interactions.Feedback;

/// <summary>Feedback settings.</summary>
public sealed class FeedbackOptions
{
    /// <summary>An NPS score at or below this raises a <see cref="Events.DetractorAlert"/> (0–9, default 6: the standard detractor band 0–6).</summary>
    public int DetractorThreshold { get; set; } = 6;

    /// <summary>The broken rules, each naming the field.</summary>
    public IEnumerable<string> Validate()
    {
        if (DetractorThreshold is < 0 or > 9)
        {
            yield return $"FeedbackOptions.DetractorThreshold must be between 0 and 9 (was {DetractorThreshold}).";
        }
    }
}
