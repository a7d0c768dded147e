# The regular (non-chiseled) .NET images run as root unless a USER is set.
# expect: docker-user-missing@6-47
FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble
COPY app/ /app/
ENTRYPOINT ["dotnet", "/app/app.dll"]
