# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["cmd", "/S", "/C"]
# expect: docker-tls-verify-disabled@14-16
RUN curl.exe https://example.com/a -o C:\a.zip && `
    echo done
# expect: docker-tls-verify-disabled@5-35
