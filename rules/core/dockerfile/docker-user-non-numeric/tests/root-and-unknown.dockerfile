FROM alpine:3.20 AS a
# expect-not: docker-user-non-numeric
USER root

FROM alpine:3.20
# expect-not: docker-user-non-numeric
USER $RUNTIME_USER
