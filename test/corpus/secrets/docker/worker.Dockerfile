FROM python:3.12-slim
ARG PIP_INDEX_TOKEN
ENV LEDGER_API_KEY="WRNwtkzSGmS9FVPWyWm" \
    LEDGER_URL=https://ledger.internal
RUN --mount=type=secret,id=pip_token PIP_INDEX_URL="https://__token__:$(cat /run/secrets/pip_token)@pypi.internal/simple" pip install -r requirements.txt
ENV CELERY_BROKER_PASSWORD=Vk1B7HPLATlkiHQZ3Uo7TSIa
CMD ["celery", "-A", "worker", "worker"]
