using System.Globalization;

namespace Crm.Metrics;

/// <summary>The value of a metric, or an explicit <em>undefined</em> state with the reason (never NaN or infinity).</summary>
/// <remarks>
/// Rates and statistics are <see cref="double"/>: they are ratios of counts or model outputs, not money. A metric whose
/// denominator is zero (no customers at the start of a period, no survey answers…) is undefined, not zero.
/// <c>default(MetricValue)</c> is undefined too (reason <see cref="DefaultReason"/>), never a defined 0.
/// </remarks>
public readonly struct MetricValue : IEquatable<MetricValue>
{
    /// <summary>The reason <c>default(MetricValue)</c> gives: no calculation produced it.</summary>
    public const string DefaultReason = "no value was computed (default(MetricValue))";

    private readonly double _value;
    private readonly string? _undefinedReason;
    private readonly bool _isDefined;

    private MetricValue(double value, string? undefinedReason)
    {
        _value = value;
        _undefinedReason = undefinedReason;
        _isDefined = undefinedReason is null;
    }

    /// <summary>Whether the metric has a value.</summary>
    public bool IsDefined => _isDefined;

    /// <summary>Why the metric has no value, or <see langword="null"/> when it has one.</summary>
    public string? UndefinedReason => _isDefined ? null : _undefinedReason ?? DefaultReason;

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The metric is undefined; the message gives the reason.</exception>
    public double Value => IsDefined ? _value : throw new InvalidOperationException($"The metric is undefined: {UndefinedReason}");

    /// <summary>A defined value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static MetricValue Of(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A metric value must be a finite number; use MetricValue.Undefined for a metric that has none.");
        }

        return new MetricValue(value, null);
    }

    /// <summary>An undefined value with the reason, e.g. "S = 0: no customers at the start of the period".</summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static MetricValue Undefined(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new MetricValue(0, reason);
    }

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/> × <paramref name="scale"/>, or undefined with <paramref name="reasonIfZero"/> when the denominator is zero.</summary>
    public static MetricValue Ratio(double numerator, double denominator, string reasonIfZero, double scale = 1)
        => denominator == 0 ? Undefined(reasonIfZero) : Of(numerator / denominator * scale);

    /// <summary>Gets the value when defined.</summary>
    public bool TryGetValue(out double value)
    {
        value = _value;
        return IsDefined;
    }

    /// <summary>The value, or <paramref name="fallback"/> when undefined.</summary>
    public double GetValueOrDefault(double fallback = 0) => IsDefined ? _value : fallback;

    /// <summary>The value rounded to <paramref name="digits"/> decimals (away from zero on a tie), or undefined.</summary>
    public MetricValue Round(int digits)
        => IsDefined ? Of(Math.Round(_value, digits, MidpointRounding.AwayFromZero)) : this;

    /// <inheritdoc />
    public bool Equals(MetricValue other)
        => IsDefined ? other.IsDefined && _value.Equals(other._value) : string.Equals(UndefinedReason, other.UndefinedReason, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MetricValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsDefined ? _value.GetHashCode() : StringComparer.Ordinal.GetHashCode(UndefinedReason!);

    /// <summary>The value in the invariant culture, or "undefined (reason)".</summary>
    public override string ToString() => IsDefined ? _value.ToString("R", CultureInfo.InvariantCulture) : $"undefined ({UndefinedReason})";

    /// <summary>Compares two values for equality.</summary>
    public static bool operator ==(MetricValue left, MetricValue right) => left.Equals(right);

    /// <summary>Compares two values for inequality.</summary>
    public static bool operator !=(MetricValue left, MetricValue right) => !left.Equals(right);
}
