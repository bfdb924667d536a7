"""The one `MetaData` every table module adds its tables to, and their shared server default.

Migrations are the source of truth; `tests/integration/test_migrations.py` checks that these
tables equal the head revision.
"""

from sqlalchemy import MetaData, text

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

NOW = text("now()")
