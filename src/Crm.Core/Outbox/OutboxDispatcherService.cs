using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Outbox;

/// <summary>Runs the <see cref="OutboxDispatcher"/> in the background of a generic host until it stops.</summary>
/// <remarks>
/// Registered by <c>AddCrm()</c>; does nothing when <see cref="OutboxOptions.EnableBackgroundDispatch"/> is
/// <see langword="false"/>. Dispatches until the outboxes are empty, then waits <see cref="OutboxOptions.PollingInterval"/>.
/// A failing dispatch (for example the database is down) is logged and tried again after the interval.
/// </remarks>
internal sealed class OutboxDispatcherService : BackgroundService
{
    private readonly OutboxDispatcher _dispatcher;
    private readonly OutboxOptions _options;
    private readonly ILogger<OutboxDispatcherService> _logger;

    public OutboxDispatcherService(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, ILogger<OutboxDispatcherService> logger)
    {
        _dispatcher = dispatcher;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.EnableBackgroundDispatch)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _dispatcher.DispatchPendingAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.OutboxDispatchFailed(_logger, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(_options.PollingInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
