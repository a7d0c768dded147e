FROM debian:12-slim
# expect: docker-tls-verify-disabled
RUN curl -fsSL https://example.com/a.tgz -o /tmp/a.tgz
# expect: docker-tls-verify-disabled
RUN curl -o /tmp/b https://example.com/b && tar -xf /tmp/b
RUN curl -fsSL \
# expect: docker-tls-verify-disabled
    https://example.com/c
# expect: docker-tls-verify-disabled
RUN wget --no-progress https://example.com/d
# expect: docker-tls-verify-disabled
RUN pip install --no-cache-dir --index-url https://pypi.org/simple requests
# expect: docker-tls-verify-disabled
RUN python3 -m pip install flask
# expect: docker-tls-verify-disabled
RUN git clone https://git.example.com/repo.git /src
# expect: docker-tls-verify-disabled
run echo start; sudo curl -sS https://example.com/e > /tmp/e
# expect: docker-tls-verify-disabled
RUN ["curl", "-k", "https://example.com/exec-form"]
# expect: docker-tls-verify-disabled
RUN ["/bin/sh", "-c", "curl https://example.com/f | tar -x"]
RUN <<EOF
set -e
# expect: docker-tls-verify-disabled
wget -q https://example.com/g
EOF
# expect: docker-tls-verify-disabled
ONBUILD RUN helm repo add internal https://charts.example.com
