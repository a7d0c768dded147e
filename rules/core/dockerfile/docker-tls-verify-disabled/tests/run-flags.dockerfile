FROM debian:12-slim
# expect: docker-tls-verify-disabled
RUN curl -fsSLk https://example.com/a.tgz -o /tmp/a.tgz
# expect: docker-tls-verify-disabled
RUN curl --insecure -o /tmp/b https://example.com/b && tar -xf /tmp/b
RUN curl -fsSL \
# expect: docker-tls-verify-disabled
    -k \
    https://example.com/c
# expect: docker-tls-verify-disabled
RUN wget --no-progress --no-check-certificate https://example.com/d
# expect: docker-tls-verify-disabled
RUN pip install --no-cache-dir --trusted-host pypi.org --index-url https://pypi.org/simple requests
# expect: docker-tls-verify-disabled
RUN python3 -m pip install --trusted-host=files.pythonhosted.org flask
# expect: docker-tls-verify-disabled
RUN git -c http.sslVerify=false clone https://git.example.com/repo.git /src
# expect: docker-tls-verify-disabled
run echo start; sudo curl -ksS https://example.com/e > /tmp/e
# expect: docker-tls-verify-disabled
RUN ["curl", "-k", "https://example.com/exec-form"]
# expect: docker-tls-verify-disabled
RUN ["/bin/sh", "-c", "curl --insecure https://example.com/f | tar -x"]
RUN <<EOF
set -e
# expect: docker-tls-verify-disabled
wget -q --no-check-certificate https://example.com/g
EOF
# expect: docker-tls-verify-disabled
ONBUILD RUN helm repo add internal https://charts.example.com --insecure-skip-tls-verify
