using System.Security.Cryptography;
using System.Text;
using Crm.Contacts;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.EntityFrameworkCore.Storage;

public sealed partial class EfContactStore<TContext> : IContactUniqueKeys, IContactIdempotencyKeyPurge, Crm.Storage.IVersionCounterStore
{
    /// <inheritdoc />
    /// <remarks>Always: a claim is checked against the active contacts' duplicate keys and recorded under a unique index on (tenant, hash of the key combination).</remarks>
    public bool EnforcesDuplicateKeyClaims => true;

    /// <inheritdoc />
    public async ValueTask<int> PurgeIdempotencyKeysAsync(TenantId tenantId, Instant recordedBefore, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        return await scope.Db.Set<IdempotencyKeyRow>()
            .Where(r => r.TenantId == tenantId && r.RecordedAt != null && r.RecordedAt < recordedBefore)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        Crm.Storage.VersionCheck.ValidateName(counter, nameof(counter));
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        return await ReadCounterAsync(scope.Db, tenantId, counter, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ClaimDuplicateKeysAsync(TContext db, TenantId tenantId, DuplicateKeyClaim claim, CancellationToken cancellationToken)
    {
        db.Add(await CheckClaimAsync(db, tenantId, claim, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The claim's row, or <see cref="ConcurrencyConflictException"/> (entity <c>duplicate key</c>) when another active contact holds every key of it.</summary>
    private static async Task<DuplicateClaimRow> CheckClaimAsync(TContext db, TenantId tenantId, DuplicateKeyClaim claim, CancellationToken cancellationToken)
    {
        HashSet<ContactId>? holders = null;
        foreach (var key in claim.Keys)
        {
            var (criterion, value, claimant) = (key.Criterion.Name, key.Value, claim.ContactId);
            var ids = await db.Set<DuplicateKeyRow>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.Criterion == criterion && r.Value == value && r.ContactId != claimant)
                .Select(r => r.ContactId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (holders is null)
            {
                holders = [.. ids];
            }
            else
            {
                holders.IntersectWith(ids);
            }

            if (holders.Count == 0)
            {
                break;
            }
        }

        if (holders is { Count: > 0 })
        {
            throw new ConcurrencyConflictException("duplicate key", claim.ContactId.ToString());
        }

        return new DuplicateClaimRow { TenantId = tenantId, Hash = Hash(claim), ContactId = claim.ContactId, KeyHashes = string.Join(' ', claim.Keys.Select(KeyHash).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) };
    }

    /// <summary>After an update: frees the contact's claims whose keys it no longer all holds (every claim, once it is merged or erased); the others keep guarding against a parallel create of the same person.</summary>
    private static async Task ReleaseClaimsNoLongerHeldAsync(TContext db, TenantId tenantId, Contact contact, CancellationToken cancellationToken)
    {
        var id = contact.Id;
        var claims = await db.Set<DuplicateClaimRow>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.ContactId == id)
            .Select(r => new { r.Hash, r.KeyHashes })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (claims.Count == 0)
        {
            return;
        }

        var held = contact.Status == ContactStatus.Active ? DuplicateKeys.For(contact).Select(KeyHash).ToHashSet(StringComparer.Ordinal) : [];
        var released = claims.Where(c => !c.KeyHashes.Split(' ').All(held.Contains)).Select(c => c.Hash).ToList();
        if (released.Count > 0)
        {
            await db.Set<DuplicateClaimRow>()
                .Where(r => r.TenantId == tenantId && r.ContactId == id && released.Contains(r.Hash))
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string KeyHash(DuplicateKey key)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{key.Criterion.Name}\u001f{key.Value}")));

    /// <summary>SHA-256 of the sorted keys: the same combination hashes alike whatever rule or order it came from, and the table holds no personal data in clear.</summary>
    private static string Hash(DuplicateKeyClaim claim)
    {
        var text = string.Join('\n', claim.Keys.Select(k => $"{k.Criterion.Name}\u001f{k.Value}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
