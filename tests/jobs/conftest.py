from tests.services.support import backend, db, pg_server, redis_server, service_settings

__all__ = ["backend", "db", "pg_server", "redis_server", "service_settings"]
