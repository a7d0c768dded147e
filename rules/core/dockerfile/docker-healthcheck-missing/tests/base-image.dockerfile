# an image for other Dockerfiles to build on: they add the command and the check
# expect-not: docker-healthcheck-missing
FROM python:3.12-slim
EXPOSE 8000
RUN pip install --no-cache-dir gunicorn
