"""Policy Editor — compose GDPR privacy policies offline."""

__version__ = "0.1.0"
APP_NAME = "Policy Editor"
LICENSE = "Proprietary"  # as pyproject.toml says (a test compares them)
CONTACT = "policy-editor@example.org"  # TODO(release): the real address; the .deb's maintainer is built from it
