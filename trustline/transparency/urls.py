from django.urls import path

from trustline.transparency import views

urlpatterns = [path("figures/", views.figures, name="figures")]
