FROM alpine:3.20
# expect: docker-add-local-file@1-4
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
