FROM debian:12-slim
RUN apt-get update \
# expect: docker-package-signature-disabled@21-32
 && apt-get install -y \
      curl
