# expect-not: docker-healthcheck-missing
FROM redis:7.4
HEALTHCHECK NONE
EXPOSE 6379
CMD ["redis-server"]
