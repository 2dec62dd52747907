namespace Crm.Loyalty.Program;

/// <summary>How fractional points are turned into whole points; a program must choose one.</summary>
public enum PointsRounding
{
    /// <summary>Not chosen; a program with this value is refused.</summary>
    Unset = 0,

    /// <summary>Towards zero (9.99 → 9): the member never gets more than the rate gives.</summary>
    Down = 1,

    /// <summary>Away from zero (9.01 → 10).</summary>
    Up = 2,

    /// <summary>To the nearest, halves away from zero (9.5 → 10).</summary>
    HalfUp = 3,

    /// <summary>To the nearest, halves to even (banker's rounding: 8.5 → 8, 9.5 → 10).</summary>
    HalfEven = 4,
}
