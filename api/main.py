"""The ASGI entry point for uvicorn (`api.main:app`)."""

from api.app import create_app
from api.observability import configure_logging
from api.settings import Settings

_settings = Settings()
configure_logging(_settings.log_level)
app = create_app(_settings, freeze_heap=True)
