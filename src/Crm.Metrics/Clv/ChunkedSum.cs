namespace Crm.Metrics.Clv;

/// <summary>Sums per-row contributions over fixed chunks, on every core for large inputs, in a fixed order (so the result does not depend on scheduling).</summary>
internal static class ChunkedSum
{
    /// <summary>Rows per chunk; inputs of at most two chunks are summed on the calling thread.</summary>
    public const int ChunkRows = 16_384;

    /// <summary>Delegate that adds rows [start, end) into <paramref name="sums"/>.</summary>
    public delegate void Accumulate(int start, int end, Span<double> sums);

    /// <summary>Adds the contributions of rows [0, rows) into <paramref name="total"/>.</summary>
    public static void Run(int rows, Span<double> total, Accumulate accumulate)
    {
        var width = total.Length;
        var chunks = (rows + ChunkRows - 1) / ChunkRows;
        if (chunks <= 2)
        {
            Span<double> local = stackalloc double[width];
            accumulate(0, rows, local);
            for (var i = 0; i < width; i++)
            {
                total[i] += local[i];
            }

            return;
        }

        var partial = new double[chunks * width];
        Parallel.For(0, chunks, c => accumulate(c * ChunkRows, Math.Min(rows, (c + 1) * ChunkRows), partial.AsSpan(c * width, width)));
        for (var c = 0; c < chunks; c++)
        {
            for (var i = 0; i < width; i++)
            {
                total[i] += partial[(c * width) + i];
            }
        }
    }
}
