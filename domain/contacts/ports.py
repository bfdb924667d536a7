from typing import Protocol

from domain.knowledge.ports import ArticleRepository
from domain.requests.ports import RequestsUnitOfWork


class ContactsUnitOfWork(RequestsUnitOfWork, Protocol):
    """Logging a contact opens requests, finds residents and counts the articles used."""

    articles: ArticleRepository
