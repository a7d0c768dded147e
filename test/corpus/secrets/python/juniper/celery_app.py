from celery import Celery

app = Celery(
    "juniper_jobs",
    broker="amqp://jobs:OOcNU7HGpl62mu-dlfS5f9@rabbit.internal.juniper-agri.example:5672/jobs",
    backend="redis://default:pa4yRwn3OOJKTAhEDnVFqH@cache.internal:6379/5",
)

app.conf.update(
    task_serializer="json",
    broker_connection_retry_on_startup=True,
)

MAPBOX_PUBLIC_TOKEN = "pk.eyJ1IjoianVuaXBlciIsImEiOiJjbHh5ejEyMzQwMDAwMmptbjNmZ2g0aTVqIn0.QmFzZTY0SnVzdEFQdWJsaWNUb2tlbg"
PAGERDUTY_ROUTING_KEY = "1810304e3dbbbaf1884d24266a85d366"
OPENAI_CLIENT_KWARGS = dict(api_key="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", timeout=30)
