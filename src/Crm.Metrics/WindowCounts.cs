namespace Crm.Metrics;

/// <summary>The running counts behind <see cref="PurchaseCounts"/>: a windowed calculator's purchases, included or skipped by side.</summary>
internal struct WindowCounts
{
    public long Included;
    public long BeforeStart;
    public long AfterEnd;

    /// <summary>Whether <paramref name="day"/> lies in <paramref name="window"/>; counts it as skipped when it does not.</summary>
    public bool Admits(int day, PurchaseWindow window)
    {
        if (day > window.EndDay)
        {
            AfterEnd++;
            return false;
        }

        if (day < window.StartDay)
        {
            BeforeStart++;
            return false;
        }

        return true;
    }

    /// <summary>Adds the counts of another partition.</summary>
    public void Add(in WindowCounts other)
    {
        Included += other.Included;
        BeforeStart += other.BeforeStart;
        AfterEnd += other.AfterEnd;
    }

    /// <summary>The counts as a result record.</summary>
    public readonly PurchaseCounts ToCounts() => PurchaseCounts.Of(Included, BeforeStart, AfterEnd);
}
