namespace Crm.Metrics.Clv;

/// <summary>Customer histories laid out in arrays for fast likelihood evaluation, with the distinct frequencies indexed.</summary>
internal sealed class HistoryData
{
    public HistoryData(IEnumerable<PurchaseHistory> histories)
    {
        var list = histories as IReadOnlyCollection<PurchaseHistory> ?? histories.ToList();
        Count = list.Count;
        Frequency = new int[Count];
        Recency = new double[Count];
        Age = new double[Count];
        FrequencyIndex = new int[Count];
        var distinct = new Dictionary<int, int>();
        var i = 0;
        var ageSum = 0.0;
        foreach (var h in list)
        {
            Frequency[i] = h.Frequency;
            Recency[i] = h.Recency;
            Age[i] = h.Age;
            ageSum += h.Age;
            if (h.Frequency > 0)
            {
                RepeatCount++;
            }

            if (!distinct.TryGetValue(h.Frequency, out var index))
            {
                index = distinct.Count;
                distinct.Add(h.Frequency, index);
            }

            FrequencyIndex[i] = index;
            i++;
        }

        DistinctFrequencies = new int[distinct.Count];
        foreach (var (x, index) in distinct)
        {
            DistinctFrequencies[index] = x;
        }

        MeanAge = Count == 0 ? 0 : ageSum / Count;
    }

    public int Count { get; }

    public int RepeatCount { get; }

    public double MeanAge { get; }

    public int[] Frequency { get; }

    public double[] Recency { get; }

    public double[] Age { get; }

    public int[] FrequencyIndex { get; }

    public int[] DistinctFrequencies { get; }
}
