using LoTrinh.Web.Tests.Faults;
using Npgsql;

namespace LoTrinh.Web.Tests.Data;

/// <summary><c>lotrinh backup</c> then <c>lotrinh restore</c> into an empty database, as an operator runs them: every row comes back, the audit trail with it.</summary>
public sealed class BackupTests(AppFixture app)
{
    [Fact]
    public async Task BackupThenRestore_IntoAnEmptyDatabase_BringsBackEveryRowAndAuditEvent()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lotrinh-{Guid.NewGuid():N}.dump");
        try
        {
            await app.NewTaskAsync(AppFixture.OfficerAgency); // at least one audited change of the run's own
            var before = await DataSnapshot.TakeAsync(app.ConnectionString);
            var backup = await app.RunCliAsync(app.DatabaseName, "backup", "--to", file);
            Assert.True(backup.Exit == 0, backup.Error);

            var empty = await app.CreateEmptyDatabaseAsync();
            var restore = await app.RunCliAsync(new NpgsqlConnectionStringBuilder(empty).Database!, "restore", "--from", file);
            Assert.True(restore.Exit == 0, restore.Error);

            var after = await DataSnapshot.TakeAsync(empty);
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
            Assert.Empty(DataSnapshot.Changed(before, after));
            Assert.DoesNotMatch("^0:", before["audit_event"]); // the trail compared is not an empty one
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Restore_IntoADatabaseThatHasTables_IsRefusedAndChangesNothing()
    {
        var before = await DataSnapshot.TakeAsync(app.ConnectionString);
        var file = Path.Combine(Path.GetTempPath(), $"lotrinh-{Guid.NewGuid():N}.dump");
        await File.WriteAllBytesAsync(file, [1, 2, 3], TestContext.Current.CancellationToken);
        try
        {
            var restore = await app.RunCliAsync(app.DatabaseName, "restore", "--from", file);
            Assert.Equal(2, restore.Exit);
            Assert.Contains("đã có bảng", restore.Error, StringComparison.Ordinal);
            Assert.Empty(DataSnapshot.Changed(before, await DataSnapshot.TakeAsync(app.ConnectionString)));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
