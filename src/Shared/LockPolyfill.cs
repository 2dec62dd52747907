#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>On .NET 8, where <c>System.Threading.Lock</c> does not exist yet, the same shape over <see cref="Monitor"/>, so <c>lock</c> statements compile unchanged.</summary>
internal sealed class Lock
{
    private readonly object _monitor = new();

    /// <summary>Enters the lock; the compiler disposes the scope at the end of the <c>lock</c> block.</summary>
    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    /// <summary>A held lock.</summary>
    public ref struct Scope
    {
        private readonly object _monitor;

        internal Scope(object monitor) => _monitor = monitor;

        /// <summary>Leaves the lock.</summary>
        public readonly void Dispose() => Monitor.Exit(_monitor);
    }
}
#endif
