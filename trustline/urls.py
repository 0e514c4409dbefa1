"""Two URL trees: the public side under a language prefix, the staff side under /staff/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from trustline import errors

urlpatterns = [
    path("staff/admin/", admin.site.urls),
    path("staff/", include("trustline.staff_urls", namespace="staff")),
    path("healthz", errors.healthz, name="healthz"),
    path("readyz", errors.readyz, name="readyz"),
]
urlpatterns += i18n_patterns(
    path("", include("trustline.intake.urls", namespace="public")),
    path("", include(("trustline.transparency.urls", "transparency"))),
    prefix_default_language=True,
)

handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.page_not_found
handler500 = errors.server_error
