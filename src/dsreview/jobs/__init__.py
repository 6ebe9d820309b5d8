"""The task queue (Huey) and its jobs: checks, PDF conversion, batches of notices."""
