namespace Crm.Interactions.Automation;

/// <summary>Chooses the team member who gets a piece of work (a follow-up a rule created when a case was opened); registered in DI, replaceable by the host.</summary>
/// <remarks>
/// The default, <see cref="RoundRobinAssignmentStrategy"/>, rotates through the request's members with a per-tenant
/// counter in the store, so several app instances share one rotation. A host strategy may weigh workload, skills or
/// absence; it must return one of <see cref="AssignmentRequest.Members"/> and must not write.
/// </remarks>
public interface IAssignmentStrategy
{
    /// <summary>Picks one of <paramref name="request"/>'s members.</summary>
    ValueTask<TeamMemberId> AssignAsync(TenantId tenantId, AssignmentRequest request, CancellationToken cancellationToken);
}
