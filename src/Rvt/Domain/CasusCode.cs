using System.Security.Cryptography;

namespace ProcessEngine.Rvt.Domain;

/// <summary>
/// Generates casus codes like <c>RVT-2026-K7QM4X</c>: the year for the people who read them, and six
/// random characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V). Random, not
/// sequential, so a code reveals nothing about when or in what order a family came in within a year.
/// </summary>
public static class CasusCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";

    public static string New(DateTimeOffset now)
    {
        Span<char> random = stackalloc char[6];
        for (var i = 0; i < random.Length; i++) random[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"RVT-{now.Year}-{random}";
    }
}
