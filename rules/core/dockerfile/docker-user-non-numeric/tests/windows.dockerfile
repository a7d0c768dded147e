FROM mcr.microsoft.com/windows/servercore:ltsc2022
# expect-not: docker-user-non-numeric
USER ContainerUser
