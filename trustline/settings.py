"""Every setting comes from the environment and fails closed.

Required: TRUSTLINE_SECRET_KEY and TRUSTLINE_RECEIPT_PEPPER (or their *_FILE
variants). DEBUG is off unless TRUSTLINE_DEBUG says otherwise (only `make demo`
does). The database is DATABASE_URL, an embedded SQLite file by default.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url

from trustline.env import env_bool, env_choices, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(env_str("TRUSTLINE_VAR_DIR", str(BASE_DIR.parent / "var")))

SECRET_KEY = env_secret("TRUSTLINE_SECRET_KEY")
# Receipts are stored as HMAC(pepper, receipt): a stolen database alone cannot
# confirm one. The pepper lives outside the database, like the secret key.
RECEIPT_PEPPER = env_secret("TRUSTLINE_RECEIPT_PEPPER")
# The debug page and error mails mask it as they mask SECRET_KEY (trustline/errors.py).
DEFAULT_EXCEPTION_REPORTER_FILTER = "trustline.errors.SecretsFilter"
DEBUG = env_bool("TRUSTLINE_DEBUG", False)
ALLOWED_HOSTS = env_list("TRUSTLINE_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("TRUSTLINE_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Django's admin, with a site that admits only two-factor-verified staff.
    "trustline.accounts.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "trustline.audit",
    "trustline.accounts",
    "trustline.intake",
    "trustline.cases",
    "trustline.disclosures",
    "trustline.screening",
    "trustline.vault",
    "trustline.transparency",
    "trustline.retention",
    # Django's own widget templates, for the project-wide form renderer below.
    "django.forms",
]

FORM_RENDERER = "trustline.form_renderer.FieldGroups"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "trustline.sessions.SplitSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "trustline.vault.keyring_session.KeyringMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "trustline.accounts.middleware.IdleTimeoutMiddleware",
    "trustline.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "trustline.headers.PermissionsPolicyMiddleware",
    "trustline.headers.StaffNoStoreMiddleware",
    # Last, as django-axes asks: it turns a lock-out into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "trustline.urls"
WSGI_APPLICATION = "trustline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "trustline.intake.context.agency",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'trustline.sqlite3'}"),
        conn_max_age=env_int("TRUSTLINE_DB_CONN_MAX_AGE", 60),
        conn_health_checks=env_bool("TRUSTLINE_DB_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers take the lock up front, so the audit chain never forks under load.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes counts failures before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:inbox"
LOGOUT_REDIRECT_URL = "staff:login"

# Staff sign-in (docs/threat-model.md, "Staff sign-in"): a password and a code from an
# authenticator app, every time; idle sessions end; sensitive actions ask again.
TRUSTLINE_STAFF_IDLE_MINUTES = env_int("TRUSTLINE_STAFF_IDLE_MINUTES", 15)
TRUSTLINE_REAUTH_MINUTES = env_int("TRUSTLINE_REAUTH_MINUTES", 5)
OTP_TOTP_ISSUER = env_str("TRUSTLINE_OTP_ISSUER", "Trustline")
# Lock-out after repeated failures, keyed by the username alone: no client address
# or user agent is kept, not even a staff member's (trustline/accounts/lockout.py).
AXES_FAILURE_LIMIT = env_int("TRUSTLINE_LOCKOUT_FAILURES", 5)
# 0 keeps an account locked until an administrator runs `trustline unlock`.
_LOCKOUT_MINUTES = env_int("TRUSTLINE_LOCKOUT_MINUTES", 30)
AXES_COOLOFF_TIME = timedelta(minutes=_LOCKOUT_MINUTES) if _LOCKOUT_MINUTES else None
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_CALLABLE = "trustline.accounts.lockout.locked_username"
# axes.W006 asks to lock out by client address too; the line never keeps a client's
# address (docs/threat-model.md, "Never allowed"), so lock-outs are per username by
# design and the warning would only repeat that on every command.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_CLIENT_IP_CALLABLE = "trustline.accounts.lockout.no_client_address"
AXES_HANDLER = "trustline.accounts.lockout.AddresslessHandler"
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are in the audit trail already
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_ENABLE_ADMIN = False  # unlocking goes through an audited service instead
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "trustline.accounts.lockout.locked_out"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code", "csrfmiddlewaretoken"]
AXES_VERBOSE = False

# The public side and the staff side never share a session cookie: Django's own
# cookie is the staff one, limited to /staff/; the public pages get their own.
STAFF_URL_PREFIX = "/staff/"
SESSION_COOKIE_NAME = "tl_staff"
SESSION_COOKIE_PATH = STAFF_URL_PREFIX
PUBLIC_SESSION_COOKIE_NAME = "tl_public"
PUBLIC_SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
SESSION_COOKIE_AGE = env_int("TRUSTLINE_SESSION_AGE", 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_SECURE = env_bool("TRUSTLINE_SECURE_COOKIES", not DEBUG)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_USE_SESSIONS = True
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_FAILURE_VIEW = "trustline.errors.csrf_failure"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_SECONDS = env_int("TRUSTLINE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("TRUSTLINE_HSTS_INCLUDE_SUBDOMAINS", True)
# No inline script or style anywhere (docs/threat-model.md, "Abuse and headers"): an
# injected <script> or style attribute does nothing. The one script is the optional
# proof-of-work helper, served from 'self'; charts are inline SVG, so no image source.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
    }
}
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "ambient-light-sensor",
    "autoplay",
    "battery",
    "bluetooth",
    "browsing-topics",
    "camera",
    "display-capture",
    "document-domain",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("TRUSTLINE_BEHIND_PROXY", False) else None
)
X_FRAME_OPTIONS = "DENY"

# The languages the site can be offered in, each by its own name. The agency chooses
# (TRUSTLINE_LANGUAGES, comma-separated, in the order of the language list on every
# page); a language needs a complete catalog in locale/ (docs/translating.md), and the
# `trustline.E001` check refuses to start one without it.
SITE_LANGUAGES = {
    "en": "English",
    "es": "Español",
    "zh-hans": "中文（简体）",
    "vi": "Tiếng Việt",
    "tl": "Tagalog",
    "ko": "한국어",
    "ar": "العربية",
    "ru": "Русский",
    "ht": "Kreyòl ayisyen",
    "pt": "Português",
    "fr": "Français",
}
LANGUAGES = env_choices("TRUSTLINE_LANGUAGES", "en,es", SITE_LANGUAGES)
LANGUAGE_CODE = LANGUAGES[0][0]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TRUSTLINE_TIME_ZONE", "America/Los_Angeles")

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("TRUSTLINE_STATIC_ROOT", str(VAR_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# A report's narrative is limited so that it fits on a printed page or ten.
NARRATIVE_MAX_LENGTH = env_int("TRUSTLINE_NARRATIVE_MAX_LENGTH", 20000)
MESSAGE_MAX_LENGTH = env_int("TRUSTLINE_MESSAGE_MAX_LENGTH", 5000)
# Failed receipt attempts allowed per public session in RECEIPT_THROTTLE_WINDOW seconds.
RECEIPT_THROTTLE_ATTEMPTS = env_int("TRUSTLINE_RECEIPT_THROTTLE_ATTEMPTS", 5)
RECEIPT_THROTTLE_WINDOW = env_int("TRUSTLINE_RECEIPT_THROTTLE_WINDOW", 15 * 60)
# Receipts that opened nothing, whole line, per 60 s: past it every session waits a minute.
RECEIPT_LINE_FAILURES_PER_MINUTE = env_int("TRUSTLINE_RECEIPT_LINE_FAILURES_PER_MINUTE", 300)
# Report-form budgets (trustline/intake/abuse.py, docs/deploy.md). Over a budget a
# report is filed in quarantine for a supervisor, never refused; only past the busy
# level are senders without a proof-of-work stamp asked to try again later.
ABUSE_SESSION_REPORTS_PER_HOUR = env_int("TRUSTLINE_ABUSE_SESSION_REPORTS_PER_HOUR", 10)
ABUSE_SESSION_REPORTS_PER_HOUR_WITHOUT_STAMP = env_int(
    "TRUSTLINE_ABUSE_SESSION_REPORTS_PER_HOUR_WITHOUT_STAMP", 4
)
ABUSE_LINE_REPORTS_PER_MINUTE = env_int("TRUSTLINE_ABUSE_LINE_REPORTS_PER_MINUTE", 60)
ABUSE_LINE_BUSY_PER_MINUTE = env_int("TRUSTLINE_ABUSE_LINE_BUSY_PER_MINUTE", 600)
# Leading zero bits of the stamp's SHA-256: 16 is about 65,000 hashes, a second or
# two in a phone's browser while the person types.
ABUSE_POW_BITS = env_int("TRUSTLINE_ABUSE_POW_BITS", 16)
INBOX_PAGE_SIZE = 50

# The records desk's policy file (docs/policy-guide.md); counsel signs off on it.
TRUSTLINE_POLICY_FILE = Path(
    env_str("TRUSTLINE_POLICY_FILE", str(BASE_DIR.parent / "policies" / "strict.toml"))
)
# Uploaded outside-agency documents (not yet encrypted: docs/records-desk.md).
TRUSTLINE_DOCUMENTS_DIR = Path(env_str("TRUSTLINE_DOCUMENTS_DIR", str(VAR_DIR / "documents")))
# Argon2id cost of deriving the key that protects each staff private key (RFC 9106's
# second recommended option: 64 MiB, 3 passes). Tests lower it; production should not.
VAULT_KDF_MEMORY_KIB = env_int("TRUSTLINE_VAULT_KDF_MEMORY_KIB", 65536)
VAULT_KDF_ITERATIONS = env_int("TRUSTLINE_VAULT_KDF_ITERATIONS", 3)
# Public figures below this count are shown as "fewer than N".
TRUSTLINE_SMALL_COUNT = env_int("TRUSTLINE_SMALL_COUNT", 5)
# Retention (docs/retention.md): an unread report due for purge is first shown to
# supervisors, and goes only at a purge run at least this many days later.
TRUSTLINE_PURGE_WARNING_DAYS = env_int("TRUSTLINE_PURGE_WARNING_DAYS", 7)
# The Ed25519 key that signs audit checkpoints (`trustline audit keygen`); no default:
# without it `trustline audit checkpoint` refuses to run.
TRUSTLINE_AUDIT_SIGNING_KEY_FILE = env_str("TRUSTLINE_AUDIT_SIGNING_KEY_FILE", "")

# No handler anywhere formats a client address: the request line and status only.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("TRUSTLINE_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
    },
}
