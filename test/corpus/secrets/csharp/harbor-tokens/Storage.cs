using Azure.Storage.Blobs;
using Microsoft.Data.SqlClient;

namespace Harbor.Dispatch.Tokens;

public static class Storage
{
    public static BlobServiceClient Blobs() =>
        new BlobServiceClient("DefaultEndpointsProtocol=https;AccountName=harborstore;AccountKey=G4wmEsz7OBEWqSWrKVKMRiMcrqJZbS0lrsnaXBKp78FXX2DiEGQbhbSnKiupYORrrF3bY9t+eTgkogB6kiA/+w==;EndpointSuffix=core.windows.net");

    public static SqlConnection Sql() =>
        new SqlConnection("Server=tcp:sql.harbor.internal,1433;Database=harbor;User Id=harbor;Password=D3vSzBuU6UQkm8x_I~;Encrypt=true;");

    public static SqlConnection Local() =>
        new SqlConnection("Server=(localdb)\\MSSQLLocalDB;Database=harbor;Integrated Security=true;");
}
