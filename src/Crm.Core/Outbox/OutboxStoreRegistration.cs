namespace Crm.Outbox;

/// <summary>Tells the <see cref="OutboxDispatcher"/> where to find one package's outbox: resolved in a fresh scope on every dispatch, since database stores are scoped.</summary>
/// <remarks>Packages add theirs with <c>builder.AddOutboxStore(sp =&gt; …)</c>; stores resolved to the same instance are dispatched once.</remarks>
public sealed class OutboxStoreRegistration
{
    private readonly Func<IServiceProvider, IOutboxStore?> _resolve;

    /// <summary>Creates the registration.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="resolve"/> is null.</exception>
    public OutboxStoreRegistration(Func<IServiceProvider, IOutboxStore?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _resolve = resolve;
    }

    /// <summary>The outbox in <paramref name="services"/>, or <see langword="null"/> when the registered store has none.</summary>
    public IOutboxStore? Resolve(IServiceProvider services) => _resolve(services);
}
