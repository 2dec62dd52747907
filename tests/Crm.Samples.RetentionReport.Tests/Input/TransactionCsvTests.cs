using Crm.Samples.RetentionReport.Input;
using NodaTime;

namespace Crm.Samples.RetentionReport.Tests.Input;

public sealed class TransactionCsvTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-report-read-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Rows_are_read_one_at_a_time_so_a_later_malformed_row_is_met_only_when_reached()
    {
        var csv = new TransactionCsv(Write("customer_id,date,amount", "A,2024-01-05,10.00", "B,2024-01-06,oops"), DateTimeZone.Utc);

        using var rows = csv.Read().GetEnumerator();

        rows.MoveNext().Should().BeTrue("the first row is handed out before the rest of the file is read");
        rows.Current.Customer.Should().Be("A");
        var next = () => rows.MoveNext();
        next.Should().Throw<TransactionFileException>().Which.Line.Should().Be(3);
    }

    [Fact]
    public void A_date_is_a_date_only_purchase_and_an_instant_is_kept_as_written()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Yerevan"];
        var csv = new TransactionCsv(Write("customer_id,date,amount", "A,2024-01-05,10.00", "B,2024-02-29T23:30:00Z,1.5", "C,2024-03-01T01:00:00+02:00,2"), zone);

        var purchases = csv.Read().ToArray();

        purchases[0].IsDateOnly.Should().BeTrue();
        purchases[0].DateIn(zone).Should().Be(new LocalDate(2024, 1, 5));
        purchases[1].At.Should().Be(Instant.FromUtc(2024, 2, 29, 23, 30));
        purchases[2].At.Should().Be(Instant.FromUtc(2024, 2, 29, 23, 0));
        purchases.Select(p => p.Amount).Should().Equal(10.00m, 1.5m, 2m);
    }

    [Fact]
    public void The_last_date_is_the_latest_purchase_day_in_the_zone_whatever_the_row_order()
    {
        var csv = new TransactionCsv(Write("customer_id,date,amount", "A,2024-03-05,1", "B,2024-03-31T22:30:00Z,1", "C,2024-01-01,1"), DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

        csv.LastDate().Should().Be(new LocalDate(2024, 4, 1), "22:30 UTC on 31 March is 00:30 on 1 April in Berlin (summer time)");
    }

    [Fact]
    public void Blank_lines_are_skipped_and_still_counted_in_line_numbers()
    {
        var csv = new TransactionCsv(Write("customer_id,date,amount", "A,2024-01-05,10.00", string.Empty, "B,2024-01-06,2", string.Empty, "C,2024-01-07,x"), DateTimeZone.Utc);

        using var rows = csv.Read().GetEnumerator();

        rows.MoveNext().Should().BeTrue();
        rows.MoveNext().Should().BeTrue();
        rows.Current.Customer.Should().Be("B");
        var next = () => rows.MoveNext();
        next.Should().Throw<TransactionFileException>().Which.Line.Should().Be(6);
    }

    [Fact]
    public void Quoted_fields_and_surrounding_spaces_are_read_as_values()
    {
        var csv = new TransactionCsv(Write("customer_id,date,amount", "\"Smith, Ada\", 2024-01-05 , 10.25 "), DateTimeZone.Utc);

        csv.Read().Single().Should().Be(new Crm.Metrics.Purchase<string>("Smith, Ada", new LocalDate(2024, 1, 5), 10.25m));
    }

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_folder.FullName, "t.csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}
