using LoTrinh.Web.Data;

namespace LoTrinh.Web.Tests.Data;

public sealed class SchemaTests(AppFixture app)
{
    [Fact]
    public async Task EveryEntityType_CanBeReadFromTheMigratedSchema()
    {
        await using var db = app.NewDb();
        var set = typeof(Microsoft.EntityFrameworkCore.DbContext).GetMethod(nameof(Microsoft.EntityFrameworkCore.DbContext.Set), Type.EmptyTypes)!;
        var types = db.Model.GetEntityTypes().Where(e => !e.HasSharedClrType).Select(e => e.ClrType).ToList();

        Assert.Contains(typeof(LoTrinh.Web.Features.Accounts.AppUser), types);
        foreach (var type in types)
        {
            var query = (IQueryable)set.MakeGenericMethod(type).Invoke(db, null)!;
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
        var applied = await Migrator.MigrateAsync(app.ConnectionString, app.ServingRole, TestContext.Current.CancellationToken);

        Assert.Empty(applied);
    }
}
