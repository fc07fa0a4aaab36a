from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from kechuang.core.models import ApiToken, AuditEntry, Notification, Organisation, Region, RoleGrant, User


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0


@admin.register(User)
class KechuangUserAdmin(UserAdmin):
    inlines = [RoleGrantInline]
    list_display = ("username", "display_name", "organisation", "is_active", "is_staff")
    list_select_related = ("organisation",)
    search_fields = ("username", "display_name", "email")
    fieldsets = (*UserAdmin.fieldsets, ("kechuang", {"fields": ("organisation", "display_name", "phone")}))
    raw_id_fields = ("organisation",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "uscc", "region")
    list_filter = ("kind",)
    search_fields = ("name", "uscc")
    raw_id_fields = ("region", "parent")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_name", "action", "content_type", "object_repr")
    list_filter = ("action", "content_type")
    search_fields = ("object_repr", "actor_name", "reason", "object_id")

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


admin.site.register(Notification)
admin.site.register(ApiToken)
