"""The staff tree, mounted at /staff/: every page here requires a login."""

from trustline.accounts import urls as accounts
from trustline.audit import urls as audit
from trustline.cases import urls as cases
from trustline.disclosures import urls as disclosures
from trustline.retention import urls as retention

app_name = "staff"
urlpatterns = [*accounts.urlpatterns, *cases.urlpatterns, *audit.urlpatterns]
urlpatterns += disclosures.urlpatterns
urlpatterns += retention.urlpatterns
