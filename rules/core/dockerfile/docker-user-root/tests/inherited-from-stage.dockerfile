FROM python:3.12-slim AS base
RUN pip install --no-cache-dir gunicorn
# expect: docker-user-root@6-10
USER root

FROM base AS final
COPY app /app
# The root user comes from the base stage.
CMD ["gunicorn", "app:app"]
