namespace Crm.Outbox;

/// <summary>
/// An outbox store that is one of several views of the same physical outbox — as the EF Core stores of every package
/// are of the one <c>crm_outbox</c> table — so that the <see cref="OutboxDispatcher"/> claims through only one of them.
/// </summary>
/// <remarks>Claiming through every view would still deliver each event once (claims are leased), but would ask the
/// same outbox once per view on every pass. Stores that do not share an outbox need not implement this interface.</remarks>
public interface ISharedOutboxStore : IOutboxStore
{
    /// <summary>Identifies the physical outbox: stores whose identities are equal hold the same events, and the dispatcher uses the first of them.</summary>
    object OutboxIdentity { get; }
}
