namespace Crm.Interactions;

/// <summary>The <see cref="Microsoft.Extensions.Logging.EventId"/> numbers Crm.Interactions logs with, so hosts can filter them.</summary>
/// <remarks>
/// Crm.Interactions owns 4000–4999: 4000–4099 timeline, 4100–4199 purchases and contracts, 4200–4299 support cases and
/// SLA, 4300–4399 feedback, 4400–4499 privacy, 4600–4699 follow-ups and case automation. Numbers are never reused for another meaning.
/// </remarks>
public static partial class InteractionsEventIds
{
    /// <summary>An interaction was recorded on a timeline (Debug).</summary>
    public const int InteractionRecorded = 4001;

    /// <summary>A recording command repeated an idempotency key; the first command's result was returned (Information).</summary>
    public const int IdempotentReplay = 4002;

    /// <summary>A store returned a record of another tenant or id than asked; the answer was refused (Error).</summary>
    public const int StoreReturnedWrongRecord = 4003;

    /// <summary>A purchase was recorded (Information).</summary>
    public const int PurchaseRecorded = 4101;

    /// <summary>A purchase was refunded (Information).</summary>
    public const int PurchaseRefunded = 4102;

    /// <summary>A contract was recorded or changed status (Information).</summary>
    public const int ContractChanged = 4103;

    /// <summary>A support case was opened or imported (Information).</summary>
    public const int CaseOpened = 4201;

    /// <summary>A support case changed status (Information).</summary>
    public const int CaseStatusChanged = 4202;

    /// <summary>An issued tracking code was already taken (by an imported legacy code); its number was skipped (Information).</summary>
    public const int TrackingCodeSkipped = 4203;

    /// <summary>Opening a case met a concurrent one drawing the same sequence number and retried (Debug).</summary>
    public const int CaseSequenceRetry = 4204;

    /// <summary>An SLA check raised breaches (Warning when any, else Debug).</summary>
    public const int SlaChecked = 4205;

    /// <summary>A feedback response was recorded (Information).</summary>
    public const int FeedbackRecorded = 4301;

    /// <summary>A detractor alert was raised (Warning).</summary>
    public const int DetractorAlert = 4302;

    /// <summary>A contact's interactions were anonymized for erasure (Information).</summary>
    public const int InteractionsErased = 4401;
}
