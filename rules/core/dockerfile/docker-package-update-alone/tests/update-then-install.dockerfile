FROM debian:12
# expect-not: docker-package-update-alone
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# expect-not: docker-package-update-alone
RUN apt-get update \
 && apt-get -y dist-upgrade
# expect-not: docker-package-update-alone
RUN apk update --no-cache && apk upgrade --no-cache
# expect-not: docker-package-update-alone
RUN apk --update add moo
# expect-not: docker-package-update-alone
RUN <<EOF
apt-get update
apt-get install --no-install-recommends -y gettext
EOF
# expect-not: docker-package-update-alone
RUN update-locale LANG=en_US.UTF-8 && echo "apt-get update"
# expect-not: docker-package-update-alone
RUN apt-get update; apt-get dist-clean
# expect-not: docker-package-update-alone
RUN set -eux; apt-get update; \
	xargs -rt apt-get install -y --no-install-recommends < /deps.txt; \
	rm -rf /var/lib/apt/lists/*
