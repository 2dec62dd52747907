using System.Text.Json;
using Crm.Samples.RetentionReport.Analysis;

namespace Crm.Samples.RetentionReport.Output;

/// <summary>
/// Writes the report as the one JSON object of the versioned contract in docs/report-json.md: the field names, their order
/// and their meaning are fixed for a <see cref="Version"/>.
/// </summary>
internal static partial class JsonReport
{
    /// <summary>The contract version written in the <c>version</c> field.</summary>
    /// <remarks>Adding a field keeps the version; renaming, removing or changing the meaning of one raises it.</remarks>
    public const int Version = 1;

    /// <summary>Writes the report to <paramref name="output"/> followed by one newline, and nothing else.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="figures">The purchase figures.</param>
    /// <param name="relationship">NPS, service and loyalty figures, or null (written as <c>null</c>) when the input has none.</param>
    public static void Write(Stream output, ReportFigures figures, RelationshipFigures? relationship = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(figures);
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteNumber("customers", figures.Customers);
            json.WriteNumber("transactions", figures.Transactions);
            json.WriteNumber("revenue", figures.Revenue);
            Number(json, "repeatCustomerShare", figures.RepeatCustomerShare);
            Number(json, "paretoTop20RevenueShare", figures.ParetoTop20RevenueShare);
            Model(json, "bgnbd", figures.BgNbd, ["r", "alpha", "a", "b"], withCustomers: false);
            Model(json, "gammaGamma", figures.GammaGamma, ["p", "q", "gamma"], withCustomers: true);
            json.WriteStartArray("cohorts");
            foreach (var cohort in figures.Cohorts)
            {
                json.WriteStartObject();
                json.WriteString("cohort", cohort.Cohort);
                json.WriteNumber("size", cohort.Size);
                json.WriteStartArray("active");
                foreach (var share in cohort.Active)
                {
                    json.WriteNumberValue(share);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Relationship(json, relationship);
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    // A model object, or null when the model could not be fitted (no customer, or no repeat customer with positive spend).
    private static void Model(Utf8JsonWriter json, string name, ModelEstimate? model, string[] parameters, bool withCustomers)
    {
        if (model is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (var parameter in parameters)
        {
            json.WriteNumber(parameter, model[parameter]);
        }

        json.WriteNumber("logLikelihood", model.LogLikelihood);
        if (withCustomers)
        {
            json.WriteNumber("customers", model.Customers);
        }

        json.WriteEndObject();
    }
}
