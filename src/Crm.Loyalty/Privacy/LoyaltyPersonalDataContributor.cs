using System.Text.Json;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Serialization;
using Crm.Privacy;
using Crm.Storage;

namespace Crm.Loyalty.Privacy;

/// <summary>The loyalty package's <see cref="IPersonalDataContributor"/>: exports a member's balance, ledger and lots; erasure keeps the ledger, which holds nothing that identifies the person.</summary>
/// <remarks>
/// <para>Export (section <c>loyalty</c>, format version 1): the balance, every entry (kind, points, instant, reason code,
/// reward, reversed entry, written-off points) and every lot (points, remainder, availability, expiry).</para>
/// <para>Erasure writes nothing and reports nothing erased: the ledger is keyed by the contact id, which identifies
/// nobody once the contact record is erased, and holds only numbers, instants, ids and codes (adjustment reasons are
/// codes by rule, <see cref="LedgerEntry.ValidateReason"/>). Keeping it is what keeps the points liability and every
/// statement reconciling, as the privacy rules of <see cref="IPersonalDataContributor"/> ask.</para>
/// </remarks>
public sealed class LoyaltyPersonalDataContributor : IPersonalDataContributor
{
    /// <summary>The section name, <c>loyalty</c>.</summary>
    public const string SectionName = "loyalty";

    private readonly LoyaltyManager _loyalty;

    /// <summary>Creates the contributor.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="loyalty"/> is null.</exception>
    public LoyaltyPersonalDataContributor(LoyaltyManager loyalty)
    {
        ArgumentNullException.ThrowIfNull(loyalty);
        _loyalty = loyalty;
    }

    /// <inheritdoc />
    public string Name => SectionName;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    public async ValueTask<JsonElement?> ExportAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var entries = new List<LoyaltyExportEntry>();
        string? cursor = null;
        do
        {
            var page = await _loyalty.GetEntriesAsync(tenantId, contactId, new PageRequest(PageRequest.MaxPageSize, cursor), cancellationToken).ConfigureAwait(false);
            entries.AddRange(page.Items.Select(e => new LoyaltyExportEntry(e.Id, e.Kind, e.Points, e.RecordedAt, e.Reason, e.RewardId, e.ReversesEntryId, e.WrittenOff)));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        if (entries.Count == 0)
        {
            return null;
        }

        var balance = await _loyalty.GetBalanceAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var lots = await _loyalty.GetLotsAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var section = new LoyaltyExportSection(
            1, balance.Available, balance.Pending, balance.Debt, balance.Total, entries,
            [.. lots.Select(l => new LoyaltyExportLot(l.Lot.Id, l.Lot.Points, l.Remaining, l.Lot.CreditedAt, l.Lot.AvailableAt, l.Lot.ExpiresAt, l.IsActive, l.IsExpired))]);
        return JsonSerializer.SerializeToElement(section, LoyaltyExportJsonContext.Configured.LoyaltyExportSection);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    public ValueTask<PersonalDataEraseResult> EraseAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(PersonalDataEraseResult.Nothing);
    }
}
