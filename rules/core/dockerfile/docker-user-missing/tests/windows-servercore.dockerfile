# escape=`
# expect: docker-user-missing@6-51
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Write-Host installing
CMD ["C:\\app\\server.exe"]
