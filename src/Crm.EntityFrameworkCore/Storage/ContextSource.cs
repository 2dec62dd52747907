using Microsoft.EntityFrameworkCore;

namespace Crm.EntityFrameworkCore.Storage;

/// <summary>
/// Where an EF store gets its context: the scoped context it was given (its writes join the transaction open on it, and
/// the store never disposes it), or a new context per call from a factory, disposed when the call ends.
/// </summary>
internal sealed class ContextSource<TContext>
    where TContext : DbContext
{
    private readonly TContext? _context;
    private readonly IDbContextFactory<TContext>? _factory;

    public ContextSource(TContext context) => _context = context;

    public ContextSource(IDbContextFactory<TContext> factory) => _factory = factory;

    /// <summary>Runs <paramref name="work"/> on the scoped context, or on a new one from the factory that is disposed afterwards.</summary>
    public async ValueTask<T> UseAsync<T>(Func<TContext, Task<T>> work)
    {
        if (_context is not null)
        {
            return await work(_context).ConfigureAwait(false);
        }

        var db = await _factory!.CreateDbContextAsync().ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await work(db).ConfigureAwait(false);
        }
    }
}
