"""Bureau administrators fix programmes, calls, the expert pool and integrity records in Django's admin
until these have pages of their own."""

from django.contrib import admin

from kechuang.projects.models import Application, Call, ExpertProfile, IntegrityRecord, Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ("name", "category", "department", "officer")
    search_fields = ("name",)
    raw_id_fields = ("department", "officer")


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ("title", "programme", "year", "status", "deadline")
    list_filter = ("status", "year")
    search_fields = ("title",)


@admin.register(ExpertProfile)
class ExpertProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "max_load", "available")
    raw_id_fields = ("user",)


@admin.register(IntegrityRecord)
class IntegrityRecordAdmin(admin.ModelAdmin):
    list_display = ("__str__", "severity", "start", "end", "source")
    list_filter = ("severity",)


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("title", "call", "organisation", "state")
    list_filter = ("state",)
    search_fields = ("title", "leader_name")
    raw_id_fields = ("call", "organisation", "created_by")
    readonly_fields = ("state",)  # states move through the workflow only, so every change is audited
