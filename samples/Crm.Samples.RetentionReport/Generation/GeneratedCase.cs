using Crm.Interactions;
using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Samples.RetentionReport.Generation;

/// <summary>One generated support case and its script, steps in time order, all on or before the base's last day.</summary>
/// <param name="Customer">The index of the customer.</param>
/// <param name="OpenedAt">When the customer opened it.</param>
/// <param name="Priority">Its priority, which picks the SLA targets.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Channel">How the customer got in touch.</param>
/// <param name="Steps">What happened next, in time order (may stop before a resolution).</param>
internal sealed record GeneratedCase(int Customer, Instant OpenedAt, CasePriority Priority, string Category, InteractionChannel Channel, IReadOnlyList<(Instant At, CaseStepKind Kind)> Steps);
