using System.Globalization;

namespace NewsReader.Core.Store;

/// <summary>
/// The values of a PostgreSQL statement's positional parameters, in order: each one added is named
/// $first, $first + 1, ... (a part of a statement whose earlier parameters are numbered elsewhere
/// starts after them).
/// </summary>
internal sealed class PostgresParameters(int first = 1)
{
    public List<object?> Values { get; } = [];

    /// <summary>The name of the last parameter added.</summary>
    public string Last => "$" + (first + Values.Count - 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds <paramref name="value"/> and returns its parameter's name.</summary>
    public string Add(object? value)
    {
        Values.Add(value);
        return Last;
    }
}
