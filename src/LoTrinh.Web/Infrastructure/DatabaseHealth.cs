using LoTrinh.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LoTrinh.Web;

/// <summary>Ready when PostgreSQL answers a trivial query within the check's time.</summary>
public sealed class DatabaseHealth(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Không kết nối được PostgreSQL.");
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("Không kết nối được PostgreSQL.", e);
        }
    }
}
