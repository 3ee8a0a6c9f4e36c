namespace NewsReader.Core.Reading;

/// <summary>Bounds on what the reader accepts.</summary>
/// <param name="MaxFileBytes">Largest file accepted, in bytes (default 50 MB = 52,428,800 bytes).</param>
/// <param name="MaxLineChars">Longest single line accepted, in characters (default 1 MB = 1,048,576).</param>
public sealed record ReadLimits(long MaxFileBytes = ReadLimits.DefaultMaxFileBytes, int MaxLineChars = ReadLimits.DefaultMaxLineChars)
{
    /// <summary>50 MB.</summary>
    public const long DefaultMaxFileBytes = 50L * 1024 * 1024;

    /// <summary>1 MB.</summary>
    public const int DefaultMaxLineChars = 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static ReadLimits Default { get; } = new();
}
