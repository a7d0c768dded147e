# expect: docker-user-missing
from alpine:3.20
run apk add --no-cache curl
label org.opencontainers.image.title=tools
