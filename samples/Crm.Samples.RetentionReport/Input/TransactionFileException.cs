namespace Crm.Samples.RetentionReport.Input;

/// <summary>A transaction file that cannot be read as it is: the run stops, naming the file, the line and the reason.</summary>
internal sealed class TransactionFileException : Exception
{
    /// <summary>Creates the exception for a line of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="line">The 1-based line number (1 is the header).</param>
    /// <param name="reason">What is wrong, naming the field and the rule.</param>
    /// <param name="inner">The reader's own exception, if any.</param>
    public TransactionFileException(string path, long line, string reason, Exception? inner = null)
        : base($"{Path.GetFileName(path)}, line {line}: {reason}", inner)
    {
        Line = line;
        Reason = reason;
    }

    /// <summary>The 1-based line number (1 is the header).</summary>
    public long Line { get; }

    /// <summary>What is wrong with the line.</summary>
    public string Reason { get; }
}
