namespace NewsReader.Core.Store;

/// <summary>Tells whether the store changed: the read cache and the link index are kept while it has not.</summary>
public interface IChangeDetection
{
    /// <summary>A watch on one store; dispose it with its owner.</summary>
    IStoreVersion Watch(string connectionString);
}

/// <summary>A number that changes whenever anyone (this process or another) commits to the store.</summary>
public interface IStoreVersion : IDisposable
{
    /// <summary>The version now; one cheap statement.</summary>
    long Current();
}
