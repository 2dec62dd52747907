using Crm.Interactions;
using NodaTime;

namespace Crm.Samples.RetentionReport.Generation;

/// <summary>One generated call or e-mail outside any support case.</summary>
/// <param name="Customer">The index of the customer.</param>
/// <param name="At">When.</param>
/// <param name="Kind">A call or an e-mail.</param>
/// <param name="Direction">Who started it.</param>
/// <param name="Channel">Phone or e-mail.</param>
internal readonly record struct GeneratedTouch(int Customer, Instant At, InteractionKind Kind, InteractionDirection Direction, InteractionChannel Channel);
