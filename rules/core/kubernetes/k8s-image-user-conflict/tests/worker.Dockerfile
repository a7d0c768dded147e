FROM python:3.12-slim
COPY worker.py /worker.py
USER 10001
CMD ["python", "/worker.py"]
