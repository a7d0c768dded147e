# expect: docker-user-missing@6-17
from alpine:3.20
run apk add --no-cache curl
label org.opencontainers.image.title=tools
