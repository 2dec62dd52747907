using Crm.Metrics;
using NodaTime;
using Sylvan.Data.Csv;

namespace Crm.Samples.RetentionReport.Input;

/// <summary>
/// Streams a transaction file with the header <c>customer_id,date,amount</c>: one row at a time, so a file larger than
/// memory works. Blank lines are skipped; the first malformed row stops the reading with a <see cref="TransactionFileException"/>
/// naming its line.
/// </summary>
/// <param name="path">The CSV file (UTF-8, comma-separated, RFC 4180 quoting).</param>
/// <param name="zone">The zone an instant's calendar day is read in (for the default end of observation).</param>
internal sealed class TransactionCsv(string path, DateTimeZone zone)
{
    private static readonly string[] Columns = ["customer_id", "date", "amount"];

    /// <summary>The file read.</summary>
    public string Path { get; } = path;

    /// <summary>Reads every row as a purchase, in file order.</summary>
    /// <param name="progress">Told the share of the file read (0–1) now and then, if given.</param>
    /// <exception cref="TransactionFileException">The header or a row is malformed.</exception>
    public IEnumerable<Purchase<string>> Read(IProgress<double>? progress = null)
    {
        using var text = OpenText();
        using var csv = Open(text);
        var (customer, date, amount) = Ordinals(csv);
        long line = 1;
        while (Next(csv, ref line))
        {
            if (csv.RowFieldCount == 1 && csv.GetFieldSpan(0).IsEmpty)
            {
                continue;                                                        // a blank line carries no row
            }

            if (csv.RowFieldCount != Columns.Length)
            {
                throw Malformed(line, $"expected {Columns.Length} fields (customer_id,date,amount), found {csv.RowFieldCount}.");
            }

            var id = TransactionRowParser.Customer(csv.GetFieldSpan(customer), out var error) ?? throw Malformed(line, error!);
            var value = TransactionRowParser.Amount(csv.GetFieldSpan(amount), out error) ?? throw Malformed(line, error!);
            var purchase = TransactionRowParser.Purchase(id, csv.GetFieldSpan(date), value, out error) ?? throw Malformed(line, error!);
            if (progress is not null && (line & 0x3FFF) == 0)
            {
                progress.Report((double)text.BaseStream.Position / Math.Max(1, text.BaseStream.Length));
            }

            yield return purchase;
        }
    }

    /// <summary>The calendar day, in the zone, of the latest purchase (the default end of observation), or null for a file with no rows.</summary>
    /// <exception cref="TransactionFileException">The header or a row is malformed.</exception>
    public LocalDate? LastDate()
    {
        LocalDate? last = null;
        foreach (var purchase in Read())
        {
            var day = purchase.DateIn(zone);
            last = last is { } l && l >= day ? l : day;
        }

        return last;
    }

    private StreamReader OpenText()
    {
        try
        {
            return new StreamReader(Path, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TransactionFileException(Path, 0, $"cannot be opened: {ex.Message}", ex);
        }
    }

    private CsvDataReader Open(TextReader text)
    {
        try
        {
            return CsvDataReader.Create(text, new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true });
        }
        catch (CsvFormatException ex)
        {
            throw Malformed(1, $"the header is not valid CSV ({ex.Message})", ex);
        }
    }

    private (int Customer, int Date, int Amount) Ordinals(CsvDataReader csv)
    {
        var names = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToArray();
        if (!names.SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
        {
            throw Malformed(1, $"the header must be 'customer_id,date,amount', found '{string.Join(',', names)}'.");
        }

        return (0, 1, 2);
    }

    // Advances to the next record and tells its line: the header is line 1 and record n (Sylvan's 1-based RowNumber) is
    // line n + 1, which is the file's line as long as no quoted field spans lines.
    private bool Next(CsvDataReader csv, ref long line)
    {
        try
        {
            var read = csv.Read();
            line = csv.RowNumber + 1;
            return read;
        }
        catch (CsvFormatException ex)
        {
            throw Malformed(ex.RowNumber + 1, $"not valid CSV ({ex.Message})", ex);
        }
    }

    private TransactionFileException Malformed(long line, string reason, Exception? inner = null) => new(Path, line, reason, inner);
}
