"""Background tasks of the plans app: reading a large upload while its uploader watches the job."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django_tasks import task

from kechuang.plans import services
from kechuang.plans.models import ImportJob


@task()
def run_import_job(job_id: int) -> str:
    """Read and store one queued upload; returns the job's final status."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.finished or not job.upload:
        return job.status
    with default_storage.open(job.upload, "rb") as stored:
        data = stored.read()
    return services.import_job_run(job=job, data=data).status
