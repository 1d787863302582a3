"""Policy Editor — compose GDPR privacy policies offline."""

__version__ = "0.1.0"
APP_NAME = "Policy Editor"
