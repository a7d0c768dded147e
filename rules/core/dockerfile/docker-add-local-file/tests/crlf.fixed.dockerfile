FROM alpine:3.20
# expect: docker-add-local-file
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
