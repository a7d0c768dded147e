# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build
USER ContainerUser

# expect: docker-user-missing@6-51
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN echo a `
    b
USER ContainerUser
CMD ["cmd.exe"]