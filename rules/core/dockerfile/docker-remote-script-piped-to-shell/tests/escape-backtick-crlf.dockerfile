# escape=`
FROM debian:12-slim
RUN apt-get update && `
# expect: docker-remote-script-piped-to-shell@5-41
    curl -fsSL https://sh.rustup.rs | sh -s -- -y
