using Crm.Contacts.Referrals;
using Crm.EntityFrameworkCore.Entities;

namespace Crm.EntityFrameworkCore.Storage;

/// <summary>Maps referrals and referral requests to their rows and back (through the model's constructors, which re-validate).</summary>
internal static class ReferralRows
{
    public static ReferralRequestRow ToRow(TenantId tenantId, ReferralRequest request) => new()
    {
        TenantId = tenantId,
        Id = request.Id,
        ContactId = request.ContactId,
        AskedAt = request.AskedAt,
        Channel = request.Channel,
        Outcome = request.Outcome.ToString(),
        AnsweredAt = request.AnsweredAt,
        Stamp = request.ConcurrencyStamp,
    };

    public static ReferralRequest FromRow(ReferralRequestRow row)
        => new(row.Id, row.ContactId, row.AskedAt, row.Channel, Enum.Parse<ReferralRequestOutcome>(row.Outcome), row.AnsweredAt, row.Stamp);

    public static Referral FromRow(ReferralRow row) => new(row.RefereeId, row.ReferrerId, row.ReferredAt, row.RequestId);
}
