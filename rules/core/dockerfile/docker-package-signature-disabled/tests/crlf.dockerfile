FROM debian:12-slim
RUN apt-get update \
# expect: docker-package-signature-disabled
 && apt-get install --force-yes -y \
      curl
