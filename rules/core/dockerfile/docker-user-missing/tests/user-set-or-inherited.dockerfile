FROM python:3.12-slim AS base
RUN useradd --uid 10001 app
USER app

FROM base AS test
RUN python -m pytest

FROM base
COPY app /app
CMD ["python", "/app/main.py"]
