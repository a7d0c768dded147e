FROM python:3.12-slim AS base
ARG APP_USER=svc
# expect: docker-user-non-numeric@6-17
USER ${APP_USER}

FROM base
CMD ["python", "-m", "app"]
