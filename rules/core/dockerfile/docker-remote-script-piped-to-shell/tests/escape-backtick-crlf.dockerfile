# escape=`
FROM debian:12-slim
RUN apt-get update && `
# expect: docker-remote-script-piped-to-shell
    curl -fsSL https://sh.rustup.rs | sh -s -- -y
