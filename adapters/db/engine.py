from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


def async_url(url: str) -> str:
    """Accept postgres://, postgresql:// or postgresql+asyncpg:// and use asyncpg."""
    for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    raise ValueError("DATABASE_URL must be a PostgreSQL URL")


def make_engine(
    url: str,
    pool_size: int = 10,
    max_overflow: int = 10,
    statement_timeout_seconds: float = 0,
) -> AsyncEngine:
    """`statement_timeout_seconds` (0: none) makes PostgreSQL cancel any statement that runs
    longer, on every connection of the pool: a runaway query ends on the server even when the
    client that sent it has gone."""
    settings = {"statement_timeout": str(round(statement_timeout_seconds * 1000))}
    return create_async_engine(
        async_url(url),
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        pool_recycle=1800,
        connect_args={"server_settings": settings} if statement_timeout_seconds else {},
    )
