using LoTrinh.Web.Data;

namespace LoTrinh.Web.Tests.Data;

public sealed class SchemaTests(AppFixture app)
{
    [Fact]
    public async Task EveryEntityType_CanBeReadFromTheMigratedSchema()
    {
        await using var db = app.NewDb();
        var sets = typeof(AppDbContext).GetProperties().Where(p => p.PropertyType.IsGenericType
            && p.PropertyType.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.DbSet<>)).ToList();

        Assert.Equal(db.Model.GetEntityTypes().Count(e => !e.HasSharedClrType), sets.Count);
        foreach (var set in sets)
        {
            var query = (IQueryable)set.GetValue(db)!;
            var enumerator = query.GetEnumerator();
            using (enumerator as IDisposable)
            {
                enumerator.MoveNext();
            }
        }
    }

    [Fact]
    public async Task Migrate_SecondTime_AppliesNothing()
    {
        var applied = await Migrator.MigrateAsync(app.ConnectionString, TestContext.Current.CancellationToken);

        Assert.Empty(applied);
    }
}
