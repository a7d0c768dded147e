# ghcr.io/acme/worker: the worker Deployment runs it as 10001, but the worker-migrate Job runs it as root,
# so the finding stays (pointing at that Job's container).
# expect: docker-user-missing@6-22
FROM python:3.12-slim
COPY worker.py /worker.py
USER 10001:10001
CMD ["python", "/worker.py"]
