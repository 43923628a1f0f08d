using System.Text;
using ProcessEngine.Host.Components;
using ProcessEngine.Workflows.InstanceMigration;

namespace ProcessEngine.Host.Features.Migrations;

/// <summary>The preview as a spreadsheet: a line per waiting step (an instance that cannot move: one line with why), Dutch dates, and the flow.</summary>
public static class MigrationCsv
{
    private const string Header = "instantie;casus;van versie;naar versie;kan verplaatsen;reden;soort;van activiteit;naar activiteit;" +
        "titel nu;titel straks;termijn nu;termijn straks;houder nu;houder straks;formulier anders;opmerking;flow";

    public static string Write(MigrationPreviewView preview)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var row in preview.Rows)
        {
            var start = $"{row.InstanceId};{Cell(row.CasusCode)};{row.FromVersion};{row.ToVersion};{(row.Blocked is null ? "ja" : "nee")};{Cell(row.Blocked)};";
            // The flow last: a run can move a traject's subflows and started flows along with it.
            var flow = ";" + Cell(row.Flow);
            if (row.Steps.Count == 0) csv.Append(start).Append(";;;;;;;;;;").Append(flow).Append("\r\n");
            foreach (var step in row.Steps)
                csv.Append(start).Append(Cell(step.Kind)).Append(';').Append(Cell(step.FromActivity)).Append(';').Append(Cell(step.ToActivity)).Append(';')
                    .Append(Cell(step.FromTitle)).Append(';').Append(Cell(step.ToTitle)).Append(';').Append(Moment(step.FromDue)).Append(';')
                    .Append(Moment(step.ToDue)).Append(';').Append(Cell(step.FromHolder)).Append(';').Append(Cell(step.ToHolder)).Append(';')
                    .Append(step.FormChanged ? "ja" : "nee").Append(';').Append(Cell(step.Note)).Append(flow).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Moment(DateTimeOffset? at) => at is { } moment ? DutchTime.Short(moment) : "";

    // A cell that starts like a formula is quoted with a leading apostrophe, so a spreadsheet shows it instead of running it.
    private static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
