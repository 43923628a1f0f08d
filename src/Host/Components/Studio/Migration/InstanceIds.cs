namespace ProcessEngine.Host.Components.Studio.Migration;

/// <summary>An instance id short enough for a table column and still telling instances apart.</summary>
public static class InstanceIds
{
    // Instance ids are version 7 GUIDs: the first characters are the creation time, the same for instances started
    // together (a batch, a test), so the random end is what tells them apart.
    public static string Short(Guid id) => "…" + id.ToString("N")[^10..];
}
