"""Django settings, read from the environment.

The embedded default is SQLite in ``KECHUANG_DATA_DIR`` (``./var`` at the repository root), so
``make demo`` needs nothing but Python. ``DATABASE_URL`` switches to PostgreSQL for production.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = PACKAGE_DIR.parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable the way operators write them."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("KECHUANG_DATA_DIR", REPO_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and env_bool("KECHUANG_PRODUCTION", False):
        raise RuntimeError("SECRET_KEY must be set in production")
    # A development key, stable across restarts so sessions survive `kechuang serve` restarts.
    SECRET_KEY = "kechuang-insecure-development-key-change-me-in-production-0123456789"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "kechuang.core",
    "kechuang.plans",
    "kechuang.tracking",
    "kechuang.enterprises",
    "kechuang.projects",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kechuang.core.middleware.DefaultLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "kechuang.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kechuang.core.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "kechuang.config.urls"
WSGI_APPLICATION = "kechuang.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kechuang.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'kechuang.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker write while pages read; the busy timeout rides out short write locks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "kechuang.core.passwords.CharacterClassValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:login"

# Lock-out after repeated failed logins (see kechuang.core.lockout).
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG and env_bool("KECHUANG_PRODUCTION", False):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
# Each app keeps its own catalogue in <app>/locale (found by Django automatically); this is the shared one.
LOCALE_PATHS = [PACKAGE_DIR / "core" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
# Date inputs render ISO in every language (see kechuang/formats and kechuang.core.widgets.IsoDateInput).
FORMAT_MODULE_PATH = ["kechuang.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
NODE_MODULES = Path(os.environ.get("KECHUANG_NODE_MODULES", REPO_DIR / "node_modules"))
# Front-end packages come from the npm registry (`npm install` in the make targets), never a CDN.
STATICFILES_DIRS = [
    (prefix, NODE_MODULES / folder)
    for prefix, folder in (
        ("vendor/bootstrap", "bootstrap/dist"),
        ("vendor/htmx", "htmx.org/dist"),
        ("vendor/echarts", "echarts/dist"),
    )
    if (NODE_MODULES / folder).is_dir()
]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "media")},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"

# Attachments: the size cap and the file types a bureau's documents come in.
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = ATTACHMENT_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Work-plan imports (issue 10 §1). The largest real plan we hold is 49 KB of text; a Word file with its
# pictures rarely passes a few MB. 10 MB leaves room for that; 50 plans covers a compilation of every
# district's 工作要点 for a year; 2,000,000 characters is about 1,000 printed pages, 40 times the largest
# plan. Anything bigger is a mistake (a plan pasted 250 times) or a job for several files. Above the
# background threshold the document is read by the task worker while the uploader watches its progress.
PLAN_IMPORT_MAX_BYTES = int(os.environ.get("PLAN_IMPORT_MAX_BYTES", str(10 * 1024 * 1024)))
PLAN_IMPORT_MAX_PLANS = int(os.environ.get("PLAN_IMPORT_MAX_PLANS", "50"))
PLAN_IMPORT_MAX_CHARS = int(os.environ.get("PLAN_IMPORT_MAX_CHARS", "2000000"))
PLAN_IMPORT_BACKGROUND_BYTES = int(os.environ.get("PLAN_IMPORT_BACKGROUND_BYTES", str(256 * 1024)))
# No request body may pass the largest upload we accept (plus room for the form around it). Django's
# DATA_UPLOAD_MAX_MEMORY_SIZE does not count file parts, so RequestSizeLimitMiddleware answers 413 with a
# page that says the limit before anything reads the body.
REQUEST_MAX_BYTES = max(ATTACHMENT_MAX_BYTES, PLAN_IMPORT_MAX_BYTES) + 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kechuang@localhost")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
