using System.Net;

namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>Questions the checks ask about files, folders and host names, answered without changing anything that matters.</summary>
public static class DoctorFiles
{
    /// <summary>Whether anyone but the owner may read the file (Unix; Windows keeps access lists the mode does not show).</summary>
    public static bool GroupOrOthersCanRead(string file) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0;

    public static bool CanRead(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether this user can create a file in <paramref name="folder"/>, or in its nearest existing parent when it is not
    /// there yet (the host makes missing folders). Tried with a temporary file deleted on close: file modes do not tell
    /// about access lists, read-only mounts or a full disk.
    /// </summary>
    public static bool CanWriteIn(string folder)
    {
        string? existing = Path.GetFullPath(folder);
        while (existing is not null && !Directory.Exists(existing)) existing = Path.GetDirectoryName(existing);
        if (existing is null) return false;
        try
        {
            using var probe = new FileStream(Path.Combine(existing, $".processengine-doctor-{Guid.NewGuid():N}"), FileMode.CreateNew,
                FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="path"/> lies in <paramref name="folder"/> or below it.</summary>
    public static bool IsIn(string path, string folder)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    public static string FolderOf(string file) => Path.GetDirectoryName(Path.GetFullPath(file)) ?? Path.GetFullPath(file);

    /// <summary>localhost or a loopback address (127.0.0.0/8, ::1), with or without IPv6 brackets.</summary>
    public static bool IsLoopback(string host)
    {
        var name = host.Trim().TrimStart('[').TrimEnd(']');
        return string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }
}
