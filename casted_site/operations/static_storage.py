"""Static files as production serves them: WhiteNoise's compressed, hashed files."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's storage, with each file's URL worked out once per process: every page links three static files,
    and the manifest that names their hashed copies does not change while the process runs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        if name not in self.urls:
            self.urls[name] = super().url(name)
        return self.urls[name]
