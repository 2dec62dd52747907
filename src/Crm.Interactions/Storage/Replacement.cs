using Crm.Storage;

namespace Crm.Interactions.Storage;

/// <summary>A new snapshot of a stored record, guarded by the stamp the record must still have when the change set commits.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class Replacement<T>
    where T : class
{
    /// <summary>Creates the replacement.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="expectedStamp"/> is empty.</exception>
    public Replacement(T record, ConcurrencyStamp expectedStamp)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (expectedStamp.IsEmpty)
        {
            throw new ArgumentException("A replacement needs the stamp the stored record has.", nameof(expectedStamp));
        }

        Record = record;
        ExpectedStamp = expectedStamp;
    }

    /// <summary>The new snapshot (with its new stamp).</summary>
    public T Record { get; }

    /// <summary>The stamp the stored record must still have.</summary>
    public ConcurrencyStamp ExpectedStamp { get; }

    /// <summary>The record and the expected stamp.</summary>
    public override string ToString() => $"{Record} (expected {ExpectedStamp})";
}
