using System.Runtime.InteropServices;

namespace Crm.Metrics.Clv;

/// <summary>
/// Customer histories grouped for likelihood evaluation: identical (x, t_x, T) evaluated once with a weight, histories
/// without a repeat purchase kept apart (they need no recency), and the distinct frequencies indexed so that per-x terms
/// such as lnΓ(r + x) − lnΓ(r) are computed once per distinct x.
/// </summary>
internal sealed class HistoryData
{
    public HistoryData(IEnumerable<PurchaseHistory> histories)
    {
        var groups = new Dictionary<PurchaseHistory, int>();
        var ageSum = 0.0;
        long frequencySum = 0;
        foreach (var h in histories)
        {
            Count++;
            ageSum += h.Age;
            frequencySum += h.Frequency;
            if (h.Frequency > 0)
            {
                RepeatCount++;
            }

            ref var weight = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, h, out _);
            weight++;
        }

        var distinct = new SortedDictionary<int, double>();
        var zeroAge = new List<double>();
        var zeroWeight = new List<double>();
        var repeat = new List<(int X, double Recency, double Age, double Weight)>();
        foreach (var (h, weight) in groups)
        {
            distinct[h.Frequency] = distinct.GetValueOrDefault(h.Frequency) + weight;
            if (h.Frequency == 0)
            {
                zeroAge.Add(h.Age);
                zeroWeight.Add(weight);
            }
            else
            {
                repeat.Add((h.Frequency, h.Recency, h.Age, weight));
            }
        }

        DistinctFrequencies = [.. distinct.Keys];
        FrequencyWeight = [.. distinct.Values];
        var index = new Dictionary<int, int>();
        for (var i = 0; i < DistinctFrequencies.Length; i++)
        {
            index[DistinctFrequencies[i]] = i;
        }

        ZeroAge = [.. zeroAge];
        ZeroWeight = [.. zeroWeight];
        RepeatIndex = repeat.Select(t => index[t.X]).ToArray();
        RepeatFrequency = repeat.Select(t => t.X).ToArray();
        RepeatRecency = repeat.Select(t => t.Recency).ToArray();
        RepeatAge = repeat.Select(t => t.Age).ToArray();
        RepeatWeight = repeat.Select(t => t.Weight).ToArray();
        MeanAge = Count == 0 ? 0 : ageSum / Count;
        MeanFrequency = Count == 0 ? 0 : (double)frequencySum / Count;
    }

    /// <summary>The number of customers.</summary>
    public int Count { get; }

    /// <summary>The number of customers with x &gt; 0.</summary>
    public int RepeatCount { get; }

    public double MeanAge { get; }

    public double MeanFrequency { get; }

    /// <summary>The distinct x, ascending (0 included when present).</summary>
    public int[] DistinctFrequencies { get; }

    /// <summary>How many customers have each distinct x.</summary>
    public double[] FrequencyWeight { get; }

    /// <summary>T of the distinct histories with x = 0.</summary>
    public double[] ZeroAge { get; }

    public double[] ZeroWeight { get; }

    /// <summary>For each distinct history with x &gt; 0, the index of its x in <see cref="DistinctFrequencies"/>.</summary>
    public int[] RepeatIndex { get; }

    public int[] RepeatFrequency { get; }

    public double[] RepeatRecency { get; }

    public double[] RepeatAge { get; }

    public double[] RepeatWeight { get; }
}
