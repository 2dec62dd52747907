using Crm.Contacts.Referrals;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.EntityFrameworkCore.Conversion;

/// <summary>Stores a <see cref="ReferralRequestId"/> as its <see cref="Guid"/>.</summary>
public sealed class ReferralRequestIdConverter() : ValueConverter<ReferralRequestId, Guid>(v => v.Value, v => new ReferralRequestId(v));
