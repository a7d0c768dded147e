FROM debian:12-slim
# expect: docker-remote-script-piped-to-shell@5-55
RUN curl -fsSL https://get.example.com/install.sh | sh
# expect: docker-remote-script-piped-to-shell@5-55
RUN wget -qO- https://example.com/setup | sudo -E bash -s -- --version 1.2.3
RUN apt-get update \
    && apt-get install -y curl \
    # the installer comes from the vendor
# expect: docker-remote-script-piped-to-shell@8
    && curl -sSL https://install.python-poetry.org \
       | python3 - \
    && rm -rf /var/lib/apt/lists/*
# expect: docker-remote-script-piped-to-shell@5-68
RUN curl -fsSL https://example.com/i.sh | tee /tmp/i.sh | /bin/bash
# expect: docker-remote-script-piped-to-shell@5-69
RUN sh -c "$(curl -fsSL https://raw.example.com/ohmyzsh/install.sh)" "" --unattended
# expect: docker-remote-script-piped-to-shell@5-51
RUN bash <(wget -O - https://example.com/setup.sh)
# expect: docker-remote-script-piped-to-shell@24-70
RUN ["/bin/sh", "-c", "curl -fsSL https://example.com/install.sh | sh"]
# expect: docker-remote-script-piped-to-shell@13-57
ONBUILD RUN eval "$(curl -s https://example.com/env.sh)"
RUN <<EOF
set -eu
# expect: docker-remote-script-piped-to-shell@1-56
curl -fsSL https://deb.nodesource.com/setup_22.x | bash -
EOF
# /dev/stdin as the script file is still the download (Microsoft's debugger install, in dev containers).
# expect: docker-remote-script-piped-to-shell@5-47
RUN curl -sSL https://aka.ms/getvsdbgsh | bash /dev/stdin -v latest -l /vsdbg
# su hands its -c string to the user's shell: the download still runs.
# expect: docker-remote-script-piped-to-shell@30-76
RUN su nobody -s /bin/sh -c 'curl -fsSL https://example.com/install.sh | sh'
# expect: docker-remote-script-piped-to-shell@23-65
RUN gosu app bash -c "wget -qO- https://example.com/setup | bash"
