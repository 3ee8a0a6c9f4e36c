namespace NewsReader.Core.Curation;

/// <summary>A correction that cannot be made as asked (no such story, a name taken...); the message is safe to show.</summary>
public sealed class CurationException : Exception
{
    public CurationException()
    {
    }

    public CurationException(string message)
        : base(message)
    {
    }

    public CurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
