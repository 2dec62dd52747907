namespace Crm.Events;

/// <summary>Makes the <see cref="CrmEventId"/> of each new event.</summary>
/// <remarks>
/// The default, <see cref="TimeOrderedEventIdGenerator"/>, makes time-ordered ids from the injected clock. Tests register a
/// deterministic one (Crm.Testing's <c>SequentialEventIdGenerator</c>). Implementations must be thread-safe and never
/// return the same id twice.
/// </remarks>
public interface ICrmEventIdGenerator
{
    /// <summary>Returns a new, unique id.</summary>
    CrmEventId NewId();
}
