namespace ProcessEngine.HostStore.Secrets;

/// <summary>
/// A small secret file the host makes on its first start (the audit keys, the key that encrypts the Data Protection
/// keys): readable by the service account only, and made once even when two nodes on one machine start together.
/// </summary>
public static class OwnerOnlyFile
{
    /// <summary>
    /// Writes <paramref name="path"/> unless it exists. Written to a temporary file and moved into place, so of two
    /// starts at once the first move wins and the other start reads that file.
    /// </summary>
    public static void CreateOnce(string path, Action<Stream> write)
    {
        if (File.Exists(path)) return;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options)) write(stream);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
