using System.Numerics;
using System.Runtime.CompilerServices;

namespace Crm.Metrics.Accumulation;

/// <summary>
/// Small growable blocks of unmanaged items carved from 65,536-item arrays and addressed by a global index (array number ×
/// 65,536 + offset), so that millions of per-customer lists cost no object each and adding to one allocates nothing
/// until an array fills.
/// </summary>
/// <remarks>
/// The first array grows from 64 items, so small accumulators stay small; a block never straddles two arrays, and a block
/// larger than an array gets an array of its own. Blocks come in size classes 4, 8, 12, 16, 24, 32, 48… (growth by 1.5 to
/// 2); a block moves up a class only when full, by copying into a larger block, and freed blocks are kept in one list per
/// class (the next free block's index written over the first four bytes of the block's first item) and reused first.
/// </remarks>
/// <typeparam name="T">The item type; at least four bytes wide.</typeparam>
internal sealed class BlockPool<T>
    where T : unmanaged
{
    private const int ChunkShift = 16;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    // 4, 8, 12, 16, 24, 32, 48…: enough classes for any number of items a customer can have.
    private static readonly int[] Capacities = CreateCapacities();

    private readonly int[] _free = CreateFreeLists();
    private T[]?[] _chunks = [new T[64]];
    private int _next;

    /// <summary>The number of items a block of <paramref name="sizeClass"/> holds.</summary>
    public static int CapacityOf(int sizeClass) => Capacities[sizeClass];

    /// <summary>The class of the block holding <paramref name="count"/> items: the smallest class with room for them.</summary>
    public static int ClassFor(int count)
    {
        if (count <= 4)
        {
            return 0;
        }

        var log = BitOperations.Log2((uint)(count - 1)); // 2^log < count ≤ 2^(log+1), log ≥ 2
        return log >= 3 && count <= 3 << (log - 1) ? (2 * log) - 4 : (2 * log) - 3;
    }

    /// <summary>The first <paramref name="count"/> items of <paramref name="block"/>.</summary>
    public Span<T> Items(int block, int count) => _chunks[block >> ChunkShift].AsSpan(block & ChunkMask, count);

    /// <summary>Returns a block to its class's free list.</summary>
    public void Free(int block, int sizeClass)
    {
        Unsafe.As<T, int>(ref _chunks[block >> ChunkShift]![block & ChunkMask]) = _free[sizeClass];
        _free[sizeClass] = block;
    }

    /// <summary>A block of <paramref name="sizeClass"/>: a freed one when there is one, otherwise fresh room at the end.</summary>
    public int Allocate(int sizeClass)
    {
        var free = _free[sizeClass];
        if (free >= 0)
        {
            _free[sizeClass] = Unsafe.As<T, int>(ref _chunks[free >> ChunkShift]![free & ChunkMask]);
            return free;
        }

        var capacity = Capacities[sizeClass];
        var chunk = _next >> ChunkShift;
        var offset = _next & ChunkMask;
        if (offset + capacity > ChunkSize && offset > 0)
        {
            chunk++;
            offset = 0;
        }

        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
        }

        ref var array = ref _chunks[chunk];
        if (array is null)
        {
            array = new T[Math.Max(capacity, ChunkSize)];
        }
        else if (array.Length < offset + capacity)
        {
            Array.Resize(ref array, Math.Max(capacity, Math.Min(ChunkSize, (int)BitOperations.RoundUpToPowerOf2((uint)(offset + capacity)))));
        }

        var start = (chunk << ChunkShift) + offset;
        // A block as large as an array fills it; its index range may run into the next array's, which is harmless
        // because items are only ever reached from the start of their block.
        _next = capacity >= ChunkSize ? (chunk + 1) << ChunkShift : start + capacity;
        return start;
    }

    /// <summary>Makes room for one more item in a block holding <paramref name="count"/>, moving it to a larger block when full.</summary>
    /// <returns>The block, moved or not.</returns>
    public int EnsureRoomForOneMore(int block, int count)
    {
        var sizeClass = ClassFor(count);
        if (count < CapacityOf(sizeClass))
        {
            return block;
        }

        var larger = Allocate(sizeClass + 1);
        Items(block, count).CopyTo(Items(larger, count));
        Free(block, sizeClass);
        return larger;
    }

    private static int[] CreateCapacities()
    {
        var capacities = new List<int> { 4 };
        for (var power = 8; power <= 1 << 24; power *= 2)
        {
            capacities.Add(power);
            capacities.Add(power + (power / 2));
        }

        return [.. capacities];
    }

    private static int[] CreateFreeLists()
    {
        var free = new int[Capacities.Length];
        Array.Fill(free, -1);
        return free;
    }
}
