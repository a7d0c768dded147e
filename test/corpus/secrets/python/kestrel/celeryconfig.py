import os

# Transcoding queue. Broker and backend per environment.
broker_url = os.environ.get(
    "CELERY_BROKER_URL",
    "amqp://transcode:gy_VeoSebu_ddzvkmpyT3fvO@rabbitmq.kestrel.internal:5672/transcode",
)
broker_transport_options = {"visibility_timeout": 3600, "confirm_publish": True}
task_serializer = "json"
accept_content = ["json"]
worker_prefetch_multiplier = 1
