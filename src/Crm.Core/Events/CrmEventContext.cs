namespace Crm.Events;

/// <summary>The ambient correlation and causation that new events take on, flowing with the async call.</summary>
/// <remarks>
/// A host opens a context around a command (<c>using var _ = CrmEventContext.Begin(requestId);</c>); the outbox
/// dispatcher opens one around each delivery, so the events a listener writes name the event that caused them and keep
/// its correlation. Contexts nest; disposing restores the outer one.
/// </remarks>
public sealed class CrmEventContext : IDisposable
{
    private static readonly AsyncLocal<CrmEventContext?> Ambient = new();

    private readonly CrmEventContext? _outer;
    private bool _disposed;

    private CrmEventContext(string? correlationId, CrmEventId? causationId)
    {
        _outer = Ambient.Value;
        CorrelationId = correlationId;
        CausationId = causationId;
        Ambient.Value = this;
    }

    /// <summary>The correlation id new events take, or <see langword="null"/>.</summary>
    public string? CorrelationId { get; }

    /// <summary>The event that is being handled, or <see langword="null"/>.</summary>
    public CrmEventId? CausationId { get; }

    /// <summary>The context in effect, or <see langword="null"/> outside any.</summary>
    public static CrmEventContext? Current => Ambient.Value;

    /// <summary>Opens a context whose new events carry <paramref name="correlationId"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="correlationId"/> is not 1–128 printable ASCII characters.</exception>
    public static CrmEventContext Begin(string correlationId)
    {
        ValidateCorrelationId(correlationId, nameof(correlationId));
        return new CrmEventContext(correlationId, Current?.CausationId);
    }

    /// <summary>Opens the context for handling <paramref name="cause"/>: new events keep its correlation and name it as their cause.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="cause"/> is null.</exception>
    public static CrmEventContext BeginHandling(CrmEvent cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return new CrmEventContext(cause.CorrelationId ?? cause.EventId.ToString(), cause.EventId.IsEmpty ? null : cause.EventId);
    }

    /// <summary>Restores the context that was in effect when this one was opened.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Ambient.Value = _outer;
        }
    }

    internal static void ValidateCorrelationId(string? value, string paramName)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 128)
        {
            throw new ArgumentException("A correlation id must be 1 to 128 characters.", paramName);
        }

        if (!PrintableAscii.IsVisibleOnly(value))
        {
            throw new ArgumentException("A correlation id may contain only printable ASCII characters without spaces.", paramName);
        }
    }
}
