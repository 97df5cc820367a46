import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casted_site.settings.production")

application = get_wsgi_application()

# Load jieba's Chinese dictionary now, not in the first visitor's search.
from casted_site.search.chinese import jieba  # noqa: E402

jieba.initialize()
