FROM debian:12-slim
# expect: docker-tls-verify-disabled@15-16
RUN curl -fsSL https://example.com/a.tgz -o /tmp/a.tgz
# expect: docker-tls-verify-disabled@10-20
RUN curl -o /tmp/b https://example.com/b && tar -xf /tmp/b
RUN curl -fsSL \
# expect: docker-tls-verify-disabled@5-7
    https://example.com/c
# expect: docker-tls-verify-disabled@24-46
RUN wget --no-progress https://example.com/d
# expect: docker-tls-verify-disabled@32-55
RUN pip install --no-cache-dir --index-url https://pypi.org/simple requests
# expect: docker-tls-verify-disabled@28-65
RUN python3 -m pip install flask
# expect: docker-tls-verify-disabled@9-32
RUN git clone https://git.example.com/repo.git /src
# expect: docker-tls-verify-disabled@28-29
run echo start; sudo curl -sS https://example.com/e > /tmp/e
# expect: docker-tls-verify-disabled@14-18
RUN ["curl", "-k", "https://example.com/exec-form"]
# expect: docker-tls-verify-disabled@29-39
RUN ["/bin/sh", "-c", "curl https://example.com/f | tar -x"]
RUN <<EOF
set -e
# expect: docker-tls-verify-disabled@9-31
wget -q https://example.com/g
EOF
# expect: docker-tls-verify-disabled@63-89
ONBUILD RUN helm repo add internal https://charts.example.com
