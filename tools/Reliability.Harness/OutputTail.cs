namespace ProcessEngine.Reliability;

/// <summary>The last lines a child process wrote, kept in memory so a failure can show why it died.</summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new();

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    public string Text()
    {
        lock (_lines) return string.Join('\n', _lines);
    }
}
