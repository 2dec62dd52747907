using Crm.Interactions.FollowUps;
using Crm.Interactions.Storage;

namespace Crm.Interactions.InMemory;

internal sealed partial class TenantPartition
{
    public Dictionary<FollowUpId, FollowUp> FollowUps { get; } = [];

    /// <summary>Each assignee's open follow-ups by (due, id) ascending: what the overdue and upcoming pages read.</summary>
    public Dictionary<TeamMemberId, KeysetIndex> OpenFollowUpsByAssignee { get; } = [];

    /// <summary>Each contact's follow-ups, open or closed, by (due, id) ascending.</summary>
    public Dictionary<ContactId, KeysetIndex> FollowUpsByContact { get; } = [];

    private void ApplyFollowUps(InteractionChangeSet changes)
    {
        foreach (var followUp in changes.FollowUpsCreated.Concat(changes.FollowUpsReplaced.Select(static r => r.Record)))
        {
            var key = new SortKey(followUp.DueAt, followUp.Id.Value);
            if (FollowUps.TryGetValue(followUp.Id, out var old) && OpenFollowUpsByAssignee.TryGetValue(old.Assignee, out var previous))
            {
                previous.Remove(new SortKey(old.DueAt, old.Id.Value));
            }

            FollowUps[followUp.Id] = followUp;
            if (followUp.Status == FollowUpStatus.Open)
            {
                if (!OpenFollowUpsByAssignee.TryGetValue(followUp.Assignee, out var open))
                {
                    open = new KeysetIndex(descending: false);
                    OpenFollowUpsByAssignee.Add(followUp.Assignee, open);
                }

                open.Add(key);
            }

            IndexOf(FollowUpsByContact, followUp.ContactId, descending: false).Add(key);
        }
    }
}
