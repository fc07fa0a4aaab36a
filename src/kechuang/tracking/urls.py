"""Web routes of the tracking app."""

app_name = "tracking"

urlpatterns: list = []
