using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NewsReader.Core.Store;

/// <summary>
/// Builds the one EF model for PostgreSQL: the context's own configuration, then every table and
/// column name in lower case. PostgreSQL folds unquoted names to lower case, so the portable SQL in
/// Core (<c>SELECT Id FROM Articles</c>, written unquoted) reads the same tables on both engines.
/// Plugged in through the context's options (<see cref="PostgresProvider.Configure"/>), so the
/// context (<c>Data/</c>) never asks which engine it runs on.
/// </summary>
internal sealed class PostgresNames(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.Customize(modelBuilder, context);

        // After the configurations, so names they set explicitly are covered too.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table)
            {
                entity.SetTableName(table.ToLowerInvariant());
            }

            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(property.GetColumnName().ToLowerInvariant());
            }
        }
    }
}
