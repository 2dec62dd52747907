using Crm.Events;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Core.Tests.Events;

public sealed class TimeOrderedEventIdGeneratorTests
{
    [Fact]
    public void NewId_WithAClockThatStandsStill_IsStrictlyIncreasing()
    {
        var generator = new TimeOrderedEventIdGenerator(new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));
        var ids = Enumerable.Range(0, 10_000).Select(_ => generator.NewId()).ToList();
        ids.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void NewId_WhenTheClockStepsBack_NeverGoesBack()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0));
        var generator = new TimeOrderedEventIdGenerator(clock);
        var first = generator.NewId();
        clock.AdvanceMinutes(-5);
        generator.NewId().Should().BeGreaterThan(first);
    }

    [Fact]
    public void NewId_IsAVersion7UuidCarryingTheClocksMilliseconds()
    {
        var at = Instant.FromUtc(2026, 3, 4, 5, 6, 7).PlusNanoseconds(123_000_000);
        var id = new TimeOrderedEventIdGenerator(new FakeClock(at)).NewId();
        id.Value.Version.Should().Be(7);
        id.Value.Variant.Should().BeInRange(8, 11);
        var hex = id.Value.ToString("N");
        Convert.ToInt64(hex[..12], 16).Should().Be(at.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void CrmEventId_RejectsTheEmptyGuid_AndRoundTripsThroughText()
    {
        FluentActions.Invoking(() => new CrmEventId(Guid.Empty)).Should().Throw<ArgumentException>();
        var id = new CrmEventId(Guid.CreateVersion7());
        CrmEventId.Parse(id.ToString()).Should().Be(id);
        CrmEventId.TryParse("nope", out _).Should().BeFalse();
        default(CrmEventId).IsEmpty.Should().BeTrue();
    }
}
