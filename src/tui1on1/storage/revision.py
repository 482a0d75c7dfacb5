"""The schema revision this code writes, in a module that imports nothing:
read before SQLAlchemy is (``quick_read``) as well as by ``migrate``."""

HEAD_REVISION = "0012"
