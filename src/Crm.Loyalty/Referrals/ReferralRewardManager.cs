using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Storage;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Loyalty.Referrals;

/// <summary>
/// Runs the double-sided referral reward: binds a referee to their first referrer, records the first qualifying purchase,
/// voids it on a refund within the return window, and pays the referee, the referrer and optionally the chain above them
/// through the ledger, exactly once.
/// </summary>
/// <remarks>
/// <para><b>Attribution binds once.</b> The first claim for a referee that passes the abuse checks wins; a later claim
/// naming another referrer is rejected with <see cref="ReferralRejectionCodes.AlreadyAttributed"/> and recorded.
/// Every rejection is stored once per claim source, with its reason, and written as <see cref="ReferralRejected"/>.</para>
/// <para><b>Exactly once.</b> Each reward's ledger key is derived from the referral (<c>referral:{refereeId}:{depth}</c>),
/// so running <see cref="SettleReferralRewardsAsync"/> again, in parallel, or after a crash between two rewards pays
/// nothing twice.</para>
/// </remarks>
public sealed class ReferralRewardManager
{
    private const int SettleBatch = 100;

    private readonly LoyaltyManager _loyalty;
    private readonly ILoyaltyReferralStore _store;
    private readonly IContactStore _contacts;
    private readonly IReferralStore _graph;
    private readonly IReadOnlyList<IReferralAbuseCheck> _checks;
    private readonly IClock _clock;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<ReferralRewardManager> _logger;
    private readonly ReferralRewardOptions _options;

    /// <summary>Creates the manager (a host resolves it from DI after <c>AddLoyaltyReferralRewards()</c>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The loyalty store does not implement <see cref="ILoyaltyReferralStore"/>.</exception>
    public ReferralRewardManager(
        LoyaltyManager loyalty,
        ILoyaltyStore store,
        IContactStore contacts,
        IReferralStore graph,
        IEnumerable<IReferralAbuseCheck> checks,
        IClock clock,
        ICrmEventIdGenerator eventIds,
        ILogger<ReferralRewardManager> logger,
        IOptions<ReferralRewardOptions> options)
    {
        ArgumentNullException.ThrowIfNull(loyalty);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        _loyalty = loyalty;
        _store = store as ILoyaltyReferralStore
            ?? throw new InvalidOperationException($"The registered ILoyaltyStore ({store.GetType().FullName}) does not implement ILoyaltyReferralStore, which referral rewards need.");
        _contacts = contacts;
        _graph = graph;
        _options = options.Value;
        if (_options.Validate() is { Count: > 0 } failures)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        _checks = [.. checks.Where(c => _options.DefaultAbuseChecks || c is not IBuiltInReferralCheck)];
        _clock = clock;
        _eventIds = eventIds;
        _logger = logger;
    }

    /// <summary>The referee's referral, or <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public async Task<LoyaltyReferral?> GetReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(refereeId);
        var referral = await _store.FindReferralAsync(tenantId, refereeId, cancellationToken).ConfigureAwait(false);
        return referral is null || (referral.TenantId == tenantId && referral.RefereeId == refereeId) ? referral : throw WrongRecord(tenantId);
    }

    /// <summary>The rejected claims naming the contact as referee or referrer, oldest first.</summary>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public async Task<IReadOnlyList<ReferralRejection>> GetRejectionsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var rejections = await _store.ListReferralRejectionsAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        return rejections.All(r => r.TenantId == tenantId && (r.RefereeId == contactId || r.ReferrerId == contactId)) ? rejections : throw WrongRecord(tenantId);
    }

    /// <summary>Attributes the referee to the claimed referrer, unless the referee is bound already or an abuse check rejects the claim (then the rejection is recorded with its reason).</summary>
    /// <remarks>Idempotent on <see cref="ReferralClaim.SourceKey"/>: a redelivered claim returns the first decision and records nothing.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="claim"/> is null.</exception>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    public async Task<ReferralAttributionResult> AttributeAsync(TenantId tenantId, ReferralClaim claim, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(claim);
        for (var attempt = 1; ; attempt++)
        {
            if (await _store.FindReferralRejectionAsync(tenantId, claim.SourceKey, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                var bound = await GetReferralAsync(tenantId, claim.RefereeId, cancellationToken).ConfigureAwait(false);
                return new ReferralAttributionResult(ReferralAttributionOutcome.Rejected, bound, earlier);
            }

            var existing = await GetReferralAsync(tenantId, claim.RefereeId, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.ReferrerId == claim.ReferrerId)
            {
                return new ReferralAttributionResult(ReferralAttributionOutcome.Attributed, existing, null);
            }

            var code = existing is not null ? ReferralRejectionCodes.AlreadyAttributed : await RunChecksAsync(tenantId, claim, cancellationToken).ConfigureAwait(false);
            var now = _clock.GetCurrentInstant();
            ReferralChangeSet changes;
            ReferralRejection? rejection = null;
            LoyaltyReferral? referral = existing;
            if (code is not null)
            {
                rejection = new ReferralRejection(tenantId, claim.RefereeId, claim.ReferrerId, claim.SourceKey, code, now);
                changes = new ReferralChangeSet
                {
                    Rejections = [rejection],
                    Events = [_eventIds.Identify(new ReferralRejected(tenantId, now, claim.RefereeId, claim.ReferrerId, code))],
                };
            }
            else
            {
                referral = new LoyaltyReferral(tenantId, claim.RefereeId, claim.ReferrerId, now, claim.SourceKey) { Version = 1 };
                changes = new ReferralChangeSet
                {
                    Referral = referral,
                    VersionChecks = [new VersionCheck(ReferralChangeSet.ReferralCounter(claim.RefereeId), 0, advance: true)],
                };
            }

            if (!await TrySaveAsync(tenantId, changes, attempt, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (rejection is not null)
            {
                Log.ReferralRejected(_logger, tenantId, claim.RefereeId, claim.ReferrerId, rejection.Code);
                return new ReferralAttributionResult(ReferralAttributionOutcome.Rejected, referral, rejection);
            }

            Log.ReferralAttributed(_logger, tenantId, claim.RefereeId, claim.ReferrerId);
            return new ReferralAttributionResult(ReferralAttributionOutcome.Attributed, referral, null);
        }
    }

    /// <summary>Records a purchase of the referee: the first one of at least <see cref="ReferralRewardOptions.MinimumPurchase"/> qualifies the referral, and its rewards fall due when the return window after <paramref name="purchasedAt"/> ends.</summary>
    /// <remarks>The reward points are snapshotted now. A purchase by a contact without a referral, a purchase below the
    /// minimum, and any purchase after the first qualifying one change nothing; a repeat of the qualifying purchase too.</remarks>
    /// <returns>The referee's referral after the call, or <see langword="null"/> when the contact has none.</returns>
    /// <exception cref="ArgumentException">An id is empty or unusable in a key, or the amount is not in the program's currency or is negative.</exception>
    public async Task<LoyaltyReferral?> RecordPurchaseAsync(TenantId tenantId, ContactId refereeId, string sourceType, string sourceId, Money amount, Instant purchasedAt, CancellationToken cancellationToken = default)
    {
        var purchaseKey = PurchaseKey(sourceType, sourceId);
        CheckAmount(amount, nameof(amount));
        for (var attempt = 1; ; attempt++)
        {
            var referral = await GetReferralAsync(tenantId, refereeId, cancellationToken).ConfigureAwait(false);
            if (referral is null || referral.Status != ReferralStatus.Attributed || amount.Amount < _options.MinimumPurchase || amount.Amount == 0)
            {
                return referral;
            }

            var eligibleAt = purchasedAt + (_options.ReturnWindow ?? _loyalty.Program.HoldPeriod);
            var qualified = referral with
            {
                Status = ReferralStatus.Qualified,
                Version = referral.Version + 1,
                PurchaseKey = purchaseKey,
                PurchaseAmount = amount,
                PurchasedAt = purchasedAt,
                EligibleAt = eligibleAt,
                RefereePoints = _options.RefereePoints,
                ReferrerPoints = _options.ReferrerPoints,
                ChainPoints = [.. _options.ChainPoints],
            };
            if (await TrySaveAsync(tenantId, Replace(referral, qualified), attempt, cancellationToken).ConfigureAwait(false))
            {
                Log.ReferralQualified(_logger, tenantId, refereeId, eligibleAt);
                return qualified;
            }
        }
    }

    /// <summary>Records a refund of the referee's purchase: when it is the qualifying purchase, the refund happened before the return window ended, and what is left of the purchase is below the minimum (or nothing), the referral is voided and <see cref="ReferralRewardVoided"/> written.</summary>
    /// <returns>The referee's referral after the call, or <see langword="null"/> when the contact has none.</returns>
    /// <exception cref="ArgumentException">An id is empty or unusable in a key, or the amount is not in the program's currency or is negative.</exception>
    public async Task<LoyaltyReferral?> RecordRefundAsync(TenantId tenantId, ContactId refereeId, string sourceType, string sourceId, Money remainingAmount, Instant refundedAt, CancellationToken cancellationToken = default)
    {
        var purchaseKey = PurchaseKey(sourceType, sourceId);
        CheckAmount(remainingAmount, nameof(remainingAmount));
        for (var attempt = 1; ; attempt++)
        {
            var referral = await GetReferralAsync(tenantId, refereeId, cancellationToken).ConfigureAwait(false);
            if (referral is null || referral.Status != ReferralStatus.Qualified || !string.Equals(referral.PurchaseKey, purchaseKey, StringComparison.Ordinal)
                || refundedAt >= referral.EligibleAt || (remainingAmount.Amount > 0 && remainingAmount.Amount >= _options.MinimumPurchase))
            {
                return referral;
            }

            var now = _clock.GetCurrentInstant();
            var voided = referral with { Status = ReferralStatus.Voided, Version = referral.Version + 1, SettledAt = now };
            var changes = Replace(referral, voided, new ReferralRewardVoided(tenantId, now, referral.RefereeId, referral.ReferrerId));
            if (await TrySaveAsync(tenantId, changes, attempt, cancellationToken).ConfigureAwait(false))
            {
                Log.ReferralVoided(_logger, tenantId, refereeId);
                return voided;
            }
        }
    }

    /// <summary>Pays every qualified referral whose return window ended at or before <paramref name="asOf"/> (default: the clock's now): the referee, the referrer and the configured chain above, each once, then marks the referral paid.</summary>
    /// <remarks>Idempotent and safe to run in parallel: every reward's ledger key is derived from the referral. A referrer
    /// (direct or up the chain) whose per-period cap is reached is skipped for that referral, and the skip is final.</remarks>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is after the clock's now.</exception>
    public async Task<ReferralSettlement> SettleReferralRewardsAsync(TenantId tenantId, Instant? asOf = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var now = _clock.GetCurrentInstant();
        var at = asOf ?? now;
        if (at > now)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), at, "Referral rewards can be settled only as of an instant that has passed.");
        }

        var settled = new List<LoyaltyReferral>();
        var rewards = new List<LedgerEntry>();
        var capped = 0;
        var attempted = new HashSet<ContactId>();
        while (true)
        {
            var due = await _store.ListDueReferralsAsync(tenantId, at, SettleBatch, cancellationToken).ConfigureAwait(false);
            var fresh = due.Where(r => r.TenantId == tenantId && r.Status == ReferralStatus.Qualified && r.EligibleAt <= at && attempted.Add(r.RefereeId)).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            foreach (var referral in fresh)
            {
                var (paid, entries, skipped) = await SettleAsync(tenantId, referral, cancellationToken).ConfigureAwait(false);
                rewards.AddRange(entries);
                capped += skipped;
                if (paid is not null)
                {
                    settled.Add(paid);
                }
            }
        }

        return new ReferralSettlement(settled, rewards, capped);
    }

    private async Task<(LoyaltyReferral? Paid, List<LedgerEntry> Entries, int Capped)> SettleAsync(TenantId tenantId, LoyaltyReferral referral, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        var capped = 0;
        var payees = new List<(ContactId Beneficiary, int Depth, long Points)>
        {
            (referral.RefereeId, 0, referral.RefereePoints),
            (referral.ReferrerId, 1, referral.ReferrerPoints),
        };
        if (referral.ChainPoints.Count > 0)
        {
            var chain = await _graph.GetChainAsync(tenantId, referral.ReferrerId, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < referral.ChainPoints.Count && i < chain.Referrals.Count; i++)
            {
                payees.Add((chain.Referrals[i].ReferrerId, i + 2, referral.ChainPoints[i]));
            }
        }

        var paidTo = new HashSet<ContactId>();
        foreach (var (beneficiary, depth, points) in payees.Where(p => p.Points > 0))
        {
            if (!paidTo.Add(beneficiary))
            {
                continue; // a contact appears once: a cycle in the graph never pays one person twice for one referral
            }

            var capRoom = depth == 0 || _options.ReferrerCaps.Count == 0 ? null : CapRoom(tenantId, beneficiary);
            var entry = await _loyalty.CreditReferralRewardAsync(tenantId, beneficiary, referral.RefereeId, depth, points, capRoom, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                Log.ReferralRewardCapped(_logger, tenantId, beneficiary, referral.RefereeId);
                capped++;
            }
            else
            {
                entries.Add(entry);
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            var current = await GetReferralAsync(tenantId, referral.RefereeId, cancellationToken).ConfigureAwait(false);
            if (current is null || current.Status != ReferralStatus.Qualified)
            {
                return (null, entries, capped);
            }

            var paid = current with { Status = ReferralStatus.Paid, Version = current.Version + 1, SettledAt = _clock.GetCurrentInstant() };
            if (await TrySaveAsync(tenantId, Replace(current, paid), attempt, cancellationToken).ConfigureAwait(false))
            {
                Log.ReferralSettled(_logger, tenantId, referral.RefereeId, entries.Count);
                return (paid, entries, capped);
            }
        }
    }

    private Func<Instant, CancellationToken, ValueTask<bool>> CapRoom(TenantId tenantId, ContactId beneficiary) => async (now, ct) =>
    {
        foreach (var cap in _options.ReferrerCaps)
        {
            var (from, to) = _loyalty.CapWindow(cap.Period, now);
            if (await _store.CountReferrerRewardsAsync(tenantId, beneficiary, from, to, ct).ConfigureAwait(false) >= cap.MaxRewards)
            {
                return false;
            }
        }

        return true;
    };

    private async Task<string?> RunChecksAsync(TenantId tenantId, ReferralClaim claim, CancellationToken cancellationToken)
    {
        var referrer = await _contacts.FindByIdAsync(tenantId, claim.ReferrerId, cancellationToken).ConfigureAwait(false);
        var referee = claim.RefereeId == claim.ReferrerId ? referrer : await _contacts.FindByIdAsync(tenantId, claim.RefereeId, cancellationToken).ConfigureAwait(false);
        var chain = await _graph.GetChainAsync(tenantId, claim.ReferrerId, cancellationToken).ConfigureAwait(false);
        var context = new ReferralAbuseContext(tenantId, claim, referrer, referee, [.. chain.Referrals.Select(r => r.ReferrerId)]);
        foreach (var check in _checks)
        {
            if (await check.CheckAsync(context, cancellationToken).ConfigureAwait(false) is { } code)
            {
                return ReferralRejectionCodes.Validate(code, nameof(code));
            }
        }

        return null;
    }

    private ReferralChangeSet Replace(LoyaltyReferral current, LoyaltyReferral next, CrmEvent? domainEvent = null) => new()
    {
        Referral = next,
        VersionChecks = [new VersionCheck(ReferralChangeSet.ReferralCounter(current.RefereeId), current.Version, advance: true)],
        Events = domainEvent is null ? [] : [_eventIds.Identify(domainEvent)],
    };

    private async Task<bool> TrySaveAsync(TenantId tenantId, ReferralChangeSet changes, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await _store.SaveReferralAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConcurrencyConflictException) when (attempt < LoyaltyOptions.MaxRetriesLimit)
        {
            return false;
        }
    }

    private void CheckAmount(Money amount, string paramName)
    {
        if (amount.Currency != _loyalty.Program.Currency || amount.Amount < 0)
        {
            throw new ArgumentException($"The amount must be zero or positive and in the program's currency {_loyalty.Program.Currency}.", paramName);
        }
    }

    private static string PurchaseKey(string sourceType, string sourceId)
    {
        LedgerKeys.ValidatePart(sourceType, nameof(sourceType));
        LedgerKeys.ValidatePart(sourceId, nameof(sourceId));
        return $"{sourceType}:{sourceId}";
    }

    private static InvalidOperationException WrongRecord(TenantId tenantId)
        => new($"The loyalty store returned a referral record of another tenant or contact for tenant '{tenantId}'.");
}
