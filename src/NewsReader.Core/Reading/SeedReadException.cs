namespace NewsReader.Core.Reading;

/// <summary>A seed file was refused: the message names the file and the reason.</summary>
public sealed class SeedReadException : Exception
{
    public SeedReadException()
        : this("(unknown)", "the file could not be read")
    {
    }

    public SeedReadException(string message)
        : this("(unknown)", message)
    {
    }

    public SeedReadException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = "(unknown)";
        Reason = message;
    }

    public SeedReadException(string fileName, string reason, long? byteOffset = null)
        : base(Format(fileName, reason, byteOffset))
    {
        FileName = fileName;
        Reason = reason;
        ByteOffset = byteOffset;
    }

    /// <summary>The name of the refused file as the user gave it.</summary>
    public string FileName { get; }

    /// <summary>Why the file was refused, without the file name.</summary>
    public string Reason { get; }

    /// <summary>Where in the file the problem is, for encoding errors.</summary>
    public long? ByteOffset { get; }

    private static string Format(string fileName, string reason, long? byteOffset) =>
        byteOffset is { } offset ? $"{fileName}: {reason} at byte offset {offset}" : $"{fileName}: {reason}";
}
