FROM debian:12-slim
# expect: docker-tls-verify-disabled@15-16
RUN curl -fsSLk https://example.com/a.tgz -o /tmp/a.tgz
# expect: docker-tls-verify-disabled@10-20
RUN curl --insecure -o /tmp/b https://example.com/b && tar -xf /tmp/b
RUN curl -fsSL \
# expect: docker-tls-verify-disabled@5-7
    -k \
    https://example.com/c
# expect: docker-tls-verify-disabled@24-46
RUN wget --no-progress --no-check-certificate https://example.com/d
# expect: docker-tls-verify-disabled@32-55
RUN pip install --no-cache-dir --trusted-host pypi.org --index-url https://pypi.org/simple requests
# expect: docker-tls-verify-disabled@28-65
RUN python3 -m pip install --trusted-host=files.pythonhosted.org flask
# expect: docker-tls-verify-disabled@9-32
RUN git -c http.sslVerify=false clone https://git.example.com/repo.git /src
# expect: docker-tls-verify-disabled@28-29
run echo start; sudo curl -ksS https://example.com/e > /tmp/e
# expect: docker-tls-verify-disabled@14-18
RUN ["curl", "-k", "https://example.com/exec-form"]
# expect: docker-tls-verify-disabled@29-39
RUN ["/bin/sh", "-c", "curl --insecure https://example.com/f | tar -x"]
RUN <<EOF
set -e
# expect: docker-tls-verify-disabled@9-31
wget -q --no-check-certificate https://example.com/g
EOF
# expect: docker-tls-verify-disabled@63-89
ONBUILD RUN helm repo add internal https://charts.example.com --insecure-skip-tls-verify
