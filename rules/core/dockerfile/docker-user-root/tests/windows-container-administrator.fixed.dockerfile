FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN powershell -Command "Install-WindowsFeature Web-Server"
# expect: docker-user-root@6-28
USER ContainerUser
CMD ["ping", "-t", "localhost"]
