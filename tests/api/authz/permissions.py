"""The permission table: every route, every role, the one expected decision.

The one source of truth: `test_matrix.py` sends each route as each role and checks the
answer against it, fails for a served route missing here (or a row here nothing serves), and
checks that README's "## Permissions" holds `readme_table()` word for word (regenerate it
with `python -m tests.api.authz.permissions`).

A cell is ALLOW (any answer but 401, 403 and 404: the route acted on the object) or the
refusal's status: 401 without a valid credential, 403 when the role may not, 404 when the
object is outside the caller's reach (answered as if it did not exist); a signed-link route
answers a forged link with its own refusal (403 or 422).

Every object a path names is Transportation's: the demo employee's, manager's and partner
key's own department. `employee_other` is an employee of Solid Waste on those same paths.
"""

import re
import sys
from collections.abc import Iterable
from pathlib import Path

ALLOW = "allow"
Outcome = str | int
Row = dict[str, Outcome]

ROLES = (
    "anonymous",  # no credentials
    "resident",  # no credentials, but resident A's signed survey, follow, unsubscribe links
    "agent",
    "supervisor",
    "admin",
    "employee",  # of Transportation, on Transportation's objects
    "employee_other",  # of Solid Waste, on Transportation's objects
    "manager",  # of Transportation
    "partner",  # Transportation's partner key
    "open311",  # an Open311 client's key
)
HEADINGS = {
    "anonymous": "anonymous",
    "resident": "resident (signed link)",
    "agent": "agent",
    "supervisor": "supervisor",
    "admin": "admin",
    "employee": "employee, own dept",
    "employee_other": "employee, other dept",
    "manager": "manager",
    "partner": "partner key",
    "open311": "Open311 key",
}
NO_CREDENTIAL = ("anonymous", "resident", "open311")  # an Open311 key is no key for /api/v1
CALL_CENTER = ("agent", "supervisor", "admin")
DEPARTMENT = ("employee", "employee_other", "manager")
PEOPLE = (*CALL_CENTER, *DEPARTMENT)
KEYHOLDERS = (*PEOPLE, "partner")


def everyone(**others: Outcome) -> Row:
    """A public route: no credential needed, none refused."""
    return {**dict.fromkeys(ROLES, ALLOW), **others}


def signed_in(allowed: Iterable[str], **others: Outcome) -> Row:
    """A route that needs a token or a partner key: 401 without, 403 for the roles not
    allowed, 404 (in `others`) where the object is beyond the role's reach."""
    row: Row = {**dict.fromkeys(ROLES, 403), **dict.fromkeys(NO_CREDENTIAL, 401)}
    return {**row, **dict.fromkeys(allowed, ALLOW), **others}


def admins(**others: Outcome) -> Row:
    return signed_in(["admin"], **others)


def signed_link(forged: int) -> Row:
    """A resident's signed link is the permission; anyone without it gets `forged`."""
    return {**dict.fromkeys(ROLES, forged), "resident": ALLOW}


READ = signed_in(KEYHOLDERS)  # reference data: any token or partner key
PERSON = signed_in(PEOPLE)  # signed-in people; a partner system has no account (403)
REQUEST = signed_in(KEYHOLDERS, employee_other=404)  # a department's request
REQUEST_PEOPLE = signed_in(PEOPLE, employee_other=404)
CALL_CENTER_ONLY = signed_in(CALL_CENTER)
KNOWLEDGE_WRITE = signed_in(["supervisor", "admin", "manager"])  # manager: own department's
METRICS = signed_in(["supervisor", "admin", "manager"])
WEBHOOKS = signed_in(["admin", "manager"])  # manager: their department's webhooks

PERMISSIONS: dict[tuple[str, str], Row] = {
    # Health, the site, sign-in
    ("GET", "/healthz"): everyone(),
    ("GET", "/readyz"): everyone(),
    ("GET", "/metrics"): everyone(),  # takes FRONTDOOR_METRICS_TOKEN when one is set
    ("GET", "/api/v1/site"): everyone(),
    # The API's own documentation: the document and Swagger UI, served from our origin
    ("GET", "/openapi.json"): everyone(),
    ("GET", "/docs"): everyone(),
    ("GET", "/docs/assets/swagger-ui-bundle.js"): everyone(),
    ("GET", "/docs/assets/swagger-ui.css"): everyone(),
    ("GET", "/docs/assets/swagger-init.js"): everyone(),
    ("POST", "/api/v1/auth/token"): everyone(),
    ("GET", "/api/v1/me"): PERSON,
    # Catalog, departments, users
    ("GET", "/api/v1/services"): READ,
    ("POST", "/api/v1/services"): admins(),
    ("GET", "/api/v1/services/{code}"): READ,
    ("PATCH", "/api/v1/services/{code}"): admins(),
    ("GET", "/api/v1/departments"): READ,
    ("POST", "/api/v1/departments"): admins(),
    ("GET", "/api/v1/users"): PERSON,
    ("POST", "/api/v1/users"): admins(),
    ("PATCH", "/api/v1/users/{user_id}"): admins(),
    # Translations
    **{
        (method, f"/api/v1/{subject}/translations/{{language}}"): READ
        if method == "GET"
        else admins()
        for subject in (
            "services/{code}",
            "departments/{code}",
            "jurisdictions/layers/{slug}",
            "jurisdictions/{area_id:int}",
        )
        for method in ("GET", "PUT", "DELETE")
    },
    # Requests
    ("POST", "/api/v1/requests"): CALL_CENTER_ONLY,
    ("GET", "/api/v1/requests"): READ,  # staff and partners: their department's only
    ("GET", "/api/v1/requests/nearby"): READ,  # likewise
    ("GET", "/api/v1/requests/{request_id}"): REQUEST,
    ("PATCH", "/api/v1/requests/{request_id}"): REQUEST,  # external_id; assign etc. narrower
    ("GET", "/api/v1/requests/{request_id}/timeline"): REQUEST,
    ("GET", "/api/v1/requests/{request_id}/linked"): REQUEST,
    ("GET", "/api/v1/requests/{request_id}/duplicates"): REQUEST,
    ("POST", "/api/v1/requests/{request_id}/merge"): REQUEST,
    ("POST", "/api/v1/requests/{request_id}/transitions"): REQUEST,
    ("POST", "/api/v1/requests/{request_id}/comments"): REQUEST,
    ("GET", "/api/v1/requests/{request_id}/photos"): REQUEST,
    ("POST", "/api/v1/requests/{request_id}/photos"): REQUEST,
    ("GET", "/api/v1/requests/{request_id}/survey"): REQUEST_PEOPLE,
    ("GET", "/api/v1/media/{media_id}"): signed_in(  # an internal photo; public ones: anyone
        KEYHOLDERS, anonymous=404, resident=404, employee_other=404
    ),
    ("GET", "/api/v1/exports/requests.csv"): PERSON,  # staff: their department's rows
    ("GET", "/api/v1/exports/requests.geojson"): PERSON,
    # Cases (contacts), the inbox, residents
    ("POST", "/api/v1/cases"): CALL_CENTER_ONLY,
    ("GET", "/api/v1/cases"): PERSON,  # staff: the cases about their department
    ("GET", "/api/v1/cases/{case_id}"): REQUEST_PEOPLE,
    ("PATCH", "/api/v1/cases/{case_id}"): CALL_CENTER_ONLY,
    ("GET", "/api/v1/inbox"): CALL_CENTER_ONLY,
    ("GET", "/api/v1/inbox/templates"): CALL_CENTER_ONLY,
    ("GET", "/api/v1/inbox/{case_id}"): CALL_CENTER_ONLY,
    ("POST", "/api/v1/inbox/{case_id}/read"): CALL_CENTER_ONLY,
    ("POST", "/api/v1/inbox/{case_id}/replies"): CALL_CENTER_ONLY,
    ("GET", "/api/v1/inbox/{case_id}/suggestions"): CALL_CENTER_ONLY,
    ("POST", "/api/v1/inbox/{case_id}/request"): CALL_CENTER_ONLY,
    ("POST", "/api/v1/inbox/{case_id}/close"): CALL_CENTER_ONLY,
    ("POST", "/api/v1/residents"): CALL_CENTER_ONLY,
    ("GET", "/api/v1/residents"): CALL_CENTER_ONLY,
    ("GET", "/api/v1/residents/{resident_id}"): CALL_CENTER_ONLY,
    ("PATCH", "/api/v1/residents/{resident_id}"): CALL_CENTER_ONLY,
    ("DELETE", "/api/v1/residents/{resident_id}/email-opt-outs/{address}"): CALL_CENTER_ONLY,
    ("POST", "/api/v1/residents/{resident_id}/erasure"): signed_in(["supervisor", "admin"]),
    ("POST", "/api/v1/personal-data/check"): PERSON,
    # Places: jurisdictions, addresses, the map
    ("POST", "/api/v1/jurisdictions/import"): admins(),
    ("GET", "/api/v1/jurisdictions/layers"): READ,
    ("GET", "/api/v1/jurisdictions/layers/{slug}.geojson"): READ,
    ("PATCH", "/api/v1/jurisdictions/layers/{slug}"): admins(),
    ("GET", "/api/v1/jurisdictions/resolve"): READ,
    ("POST", "/api/v1/jurisdictions/resolve"): READ,
    ("GET", "/api/v1/jurisdictions/rules"): READ,
    ("POST", "/api/v1/jurisdictions/rules"): admins(),
    ("PATCH", "/api/v1/jurisdictions/rules/{rule_id}"): admins(),
    ("DELETE", "/api/v1/jurisdictions/rules/{rule_id}"): admins(),
    ("GET", "/api/v1/jurisdictions"): READ,
    ("GET", "/api/v1/jurisdictions/{area_id:int}"): READ,
    ("PATCH", "/api/v1/jurisdictions/{area_id:int}"): admins(),
    ("GET", "/api/v1/addresses"): READ,
    ("GET", "/api/v1/addresses/reverse"): READ,
    ("POST", "/api/v1/addresses/import"): admins(),
    ("GET", "/api/v1/map/streets"): READ,
    ("GET", "/api/v1/map/addresses"): READ,
    # Knowledge and triage (the article is Transportation's, published, for staff)
    ("GET", "/api/v1/articles"): everyone(open311=401),  # no token: published public ones
    ("GET", "/api/v1/articles/suggestions"): everyone(open311=401),
    ("POST", "/api/v1/articles"): KNOWLEDGE_WRITE,
    ("GET", "/api/v1/articles/{article_id}"): signed_in(
        KEYHOLDERS, anonymous=404, resident=404
    ),  # no token: a staff article is not there
    ("PATCH", "/api/v1/articles/{article_id}"): KNOWLEDGE_WRITE,
    ("POST", "/api/v1/articles/{article_id}/transitions"): KNOWLEDGE_WRITE,
    ("GET", "/api/v1/articles/{article_id}/versions"): READ,
    ("POST", "/api/v1/articles/{article_id}/uses"): READ,
    ("POST", "/api/v1/triage"): READ,
    ("GET", "/api/v1/triage/terms"): READ,
    ("POST", "/api/v1/triage/terms"): admins(),
    ("DELETE", "/api/v1/triage/terms/{term_id}"): admins(),
    # Administration: API keys, webhooks
    ("POST", "/api/v1/api-keys"): admins(),
    ("GET", "/api/v1/api-keys"): admins(),
    ("GET", "/api/v1/audit"): admins(),
    ("GET", "/api/v1/api-keys/{key_id}"): admins(),
    ("DELETE", "/api/v1/api-keys/{key_id}"): admins(),
    ("GET", "/api/v1/webhooks"): WEBHOOKS,
    ("POST", "/api/v1/webhooks"): WEBHOOKS,
    ("GET", "/api/v1/webhooks/{webhook_id}"): WEBHOOKS,
    ("PATCH", "/api/v1/webhooks/{webhook_id}"): WEBHOOKS,
    ("DELETE", "/api/v1/webhooks/{webhook_id}"): WEBHOOKS,
    ("POST", "/api/v1/webhooks/{webhook_id}/rotate-secret"): WEBHOOKS,
    ("GET", "/api/v1/webhooks/{webhook_id}/deliveries"): WEBHOOKS,
    ("POST", "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"): WEBHOOKS,
    # Leaders' data
    ("GET", "/api/v1/metrics/summary"): METRICS,  # manager: their department's figures
    ("GET", "/api/v1/metrics/contacts"): METRICS,
    ("GET", "/api/v1/metrics/requests"): METRICS,
    ("GET", "/api/v1/metrics/sla"): METRICS,
    ("GET", "/api/v1/metrics/csat"): METRICS,
    ("GET", "/api/v1/metrics/calls"): signed_in(["supervisor", "admin"]),
    ("GET", "/api/v1/metrics/top-issues"): METRICS,
    ("GET", "/api/v1/metrics/open-by-area"): METRICS,
    ("POST", "/api/v1/call-records"): signed_in(["supervisor", "admin"]),
    ("GET", "/api/v1/open-data/requests.csv"): everyone(),
    ("GET", "/api/v1/open-data/requests.geojson"): everyone(),
    ("GET", "/api/v1/report-card"): everyone(),
    # Residents: the public pages, their signed links, inbound texts
    ("POST", "/api/v1/requests/lookup"): everyone(),
    ("GET", "/api/v1/public/search"): everyone(),
    ("GET", "/api/v1/public/articles"): everyone(),
    ("GET", "/api/v1/public/articles/{article_id}"): everyone(),
    ("POST", "/api/v1/public/articles/{article_id}/feedback"): everyone(),
    ("GET", "/api/v1/public/services"): everyone(),
    ("GET", "/api/v1/public/services/{code}"): everyone(),
    ("GET", "/api/v1/public/requests"): everyone(),
    ("POST", "/api/v1/public/requests"): everyone(),
    ("GET", "/api/v1/public/requests/nearby"): everyone(),
    ("GET", "/api/v1/public/requests/{number}"): everyone(),
    ("POST", "/api/v1/public/requests/{number}/photos"): signed_link(422),  # upload token
    ("POST", "/api/v1/public/requests/{number}/followers"): everyone(),
    ("POST", "/api/v1/public/followers/confirm"): signed_link(422),
    ("GET", "/api/v1/public/addresses"): everyone(),
    ("GET", "/api/v1/public/locate"): everyone(),
    ("GET", "/api/v1/public/challenge"): everyone(),
    ("GET", "/api/v1/public/surveys/{token}"): signed_link(403),
    ("POST", "/api/v1/public/surveys/{token}/answer"): signed_link(403),
    ("POST", "/api/v1/public/surveys/{token}/comment"): signed_link(403),
    ("POST", "/api/v1/notifications/unsubscribe"): signed_link(422),
    ("GET", "/api/v1/notifications/unsubscribe"): everyone(),  # a redirect to the page
    ("POST", "/api/v1/inbound/sms/twilio"): dict.fromkeys(ROLES, 403),  # Twilio's signature
    # Open311 GeoReport v2: reads are public; posting takes an Open311 key in `api_key`
    ("GET", "/open311/v2/discovery.{format}"): everyone(),
    ("GET", "/open311/v2/services.{format}"): everyone(),
    ("GET", "/open311/v2/services/{service_code}.{format}"): everyone(),
    ("POST", "/open311/v2/requests.{format}"): {**dict.fromkeys(ROLES, 403), "open311": ALLOW},
    ("GET", "/open311/v2/requests.{format}"): everyone(),
    ("GET", "/open311/v2/requests/{service_request_id}.{format}"): everyone(),
    ("GET", "/open311/v2/tokens/{token}.{format}"): everyone(),
    ("GET", "/open311/v2/servicerequestupdates.{format}"): everyone(),
}

BEGIN = "<!-- permission table: generated from tests/api/authz/permissions.py -->"
END = "<!-- end of the permission table -->"
README = Path(__file__).resolve().parents[3] / "README.md"


def _cell(outcome: Outcome) -> str:
    return "✓" if outcome == ALLOW else str(outcome)


def readme_table() -> str:
    """The README's copy of the table: ✓ allowed, else the status of the refusal."""
    lines = [
        BEGIN,
        "| route | " + " | ".join(HEADINGS[r] for r in ROLES) + " |",
        "|---|" + "---|" * len(ROLES),
    ]
    for (method, path), row in PERMISSIONS.items():
        cells = " | ".join(_cell(row[role]) for role in ROLES)
        lines.append(f"| `{method} {path}` | {cells} |")
    return "\n".join([*lines, END])


def readme_copy(text: str) -> str | None:
    """The generated block as README holds it, or None when it has none."""
    found = re.search(re.escape(BEGIN) + r".*?" + re.escape(END), text, re.S)
    return found.group(0) if found else None


def write_readme() -> None:
    text = README.read_text(encoding="utf-8")
    old = readme_copy(text)
    if old is None:
        sys.exit(f"README.md has no {BEGIN!r} block to rewrite")
    README.write_text(text.replace(old, readme_table()), encoding="utf-8")


if __name__ == "__main__":
    write_readme()
