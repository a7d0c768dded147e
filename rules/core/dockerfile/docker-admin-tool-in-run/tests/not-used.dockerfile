FROM debian:12-slim
# expect-not: docker-admin-tool-in-run
RUN apt-get update && apt-get install -y --no-install-recommends openssh-client vim procps \
 && rm -rf /var/lib/apt/lists/*
# expect-not: docker-admin-tool-in-run
RUN apk add ssh top kill
# expect-not: docker-admin-tool-in-run
RUN echo top ps free && printf '%s\n' service
# expect-not: docker-admin-tool-in-run
RUN if command -v ps > /dev/null; then echo has-ps; fi
# expect-not: docker-admin-tool-in-run
RUN killall -q nginx; pstree; umount /mnt || mountpoint /mnt; sshd -t; vim-tiny --version
# service in a comment
# expect-not: docker-admin-tool-in-run
RUN update-rc.d nginx defaults
