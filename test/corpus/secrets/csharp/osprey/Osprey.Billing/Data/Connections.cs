using Microsoft.Data.SqlClient;
using Npgsql;

namespace Osprey.Billing.Data;

public static class Connections
{
    public static SqlConnection Billing() =>
        new("Server=tcp:sql.osprey.internal,1433;Database=Billing;User Id=billing_app;Password=Lx_4WUBZp-kN~idcU1oGWY;Encrypt=True;");

    public static NpgsqlDataSource Ais()
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "pg-ais.osprey.internal",
            Database = "ais",
            Username = "billing_ro",
            Password = Environment.GetEnvironmentVariable("AIS_DB_PASSWORD"),
            SslMode = SslMode.VerifyFull,
        };
        return NpgsqlDataSource.Create(builder);
    }
}
