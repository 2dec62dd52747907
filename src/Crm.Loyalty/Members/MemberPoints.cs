namespace Crm.Loyalty.Members;

/// <summary>A member and the points they earned in a window, net of the clawbacks of refunds recorded in it.</summary>
/// <param name="ContactId">The member.</param>
/// <param name="PointsEarned">Earned points minus refund clawbacks, both recorded in the window.</param>
public sealed record MemberPoints(ContactId ContactId, long PointsEarned);
