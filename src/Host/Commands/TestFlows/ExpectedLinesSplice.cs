using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProcessEngine.Host.Commands.TestFlows;

/// <summary>
/// Replaces the <c>expected</c> lines of one scenario inside a flow file's text and leaves every other byte as it was:
/// the shipped flows are formatted by hand (a form on one line), and rewriting the whole file would bury the change
/// in a diff nobody can review.
/// </summary>
public static class ExpectedLinesSplice
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <returns>The new file text, or null when the scenario has no <c>expected</c> array to replace.</returns>
    public static string? Replace(string json, int scenarioIndex, IReadOnlyList<string> lines)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (Find(bytes, scenarioIndex) is not var (start, end)) return null;
        var indent = IndentOfLine(bytes, start);
        var array = new StringBuilder("[");
        for (var i = 0; i < lines.Count; i++)
            array.Append('\n').Append(indent).Append("  ").Append(JsonSerializer.Serialize(lines[i], Relaxed)).Append(i + 1 < lines.Count ? "," : "");
        array.Append(lines.Count > 0 ? "\n" + indent + "]" : "]");
        return Encoding.UTF8.GetString(bytes, 0, start) + array + Encoding.UTF8.GetString(bytes, end, bytes.Length - end);
    }

    // Walks the file's tokens keeping the path to where the reader stands; the target is $.scenarios[i].expected.
    private static (int Start, int End)? Find(byte[] bytes, int scenarioIndex)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        var indexes = new Stack<int>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    if (path.Count > 0) path.RemoveAt(path.Count - 1);
                    indexes.Pop();
                    continue;
            }
            if (property is null && indexes.Count > 0) indexes.Push(indexes.Pop() + 1);
            var step = property ?? (indexes.Count > 0 ? $"[{indexes.Peek()}]" : "$");
            property = null;
            var here = string.Join(".", path.Append(step));
            if (here == $"$.scenarios.[{scenarioIndex}].expected" && reader.TokenType == JsonTokenType.StartArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return (start, (int)reader.BytesConsumed);
            }
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                path.Add(step);
                // An array counts its items from -1, so its first item is [0]; an object's entries are named, not counted.
                indexes.Push(reader.TokenType == JsonTokenType.StartArray ? -1 : 0);
            }
        }
        return null;
    }

    private static string IndentOfLine(byte[] bytes, int position)
    {
        var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, position - 1)) + 1;
        var width = 0;
        while (lineStart + width < bytes.Length && bytes[lineStart + width] == (byte)' ') width++;
        return new string(' ', width);
    }
}
