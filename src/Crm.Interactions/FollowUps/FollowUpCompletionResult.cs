namespace Crm.Interactions.FollowUps;

/// <summary>What <see cref="FollowUpManager.CompleteAsync"/> did: the completed follow-up, the next one a rule created, and the rule's suggestion.</summary>
public sealed class FollowUpCompletionResult
{
    internal FollowUpCompletionResult(FollowUp completed, FollowUp? next, FollowUpSuggestion? suggestion, bool replayed)
    {
        Completed = completed;
        Next = next;
        Suggestion = suggestion;
        IsReplay = replayed;
    }

    /// <summary>The follow-up, now done.</summary>
    public FollowUp Completed { get; }

    /// <summary>The next follow-up a <see cref="FollowUpChainMode.Create"/> rule created in the same change set, or <see langword="null"/>.</summary>
    public FollowUp? Next { get; }

    /// <summary>The next follow-up the matching rule proposes (created or not), or <see langword="null"/> when no rule applies or the chain reached its last attempt.</summary>
    public FollowUpSuggestion? Suggestion { get; }

    /// <summary>Whether this is the result of an earlier completion with the same idempotency key (nothing was written).</summary>
    public bool IsReplay { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Completed}{(Next is null ? "" : $" -> {Next.Id}")}{(IsReplay ? " (replay)" : "")}";
}
