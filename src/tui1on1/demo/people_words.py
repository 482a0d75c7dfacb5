"""Who the demo's people are: first and last names, and the roles of reports
and of those above you. Written for this project."""

from __future__ import annotations

FIRST_NAMES: tuple[str, ...] = (
    "Ada", "Bea", "Chidi", "Dara", "Emeka", "Farah", "Goran", "Hana", "Ines", "Jonas",
    "Kavya", "Leon", "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomás",
    "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Aiko", "Bruno", "Carmen", "Dev",
    "Elif", "Finn", "Greta", "Hugo", "Ivy", "Jamal", "Kofi", "Lina", "Marco", "Noor",
    "Oskar", "Pia", "Rafael", "Sofia", "Tariq", "Valeria", "Will", "Yara", "Anouk", "Ravi",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Haddad", "Fernández", "Kowalski",
    "Nguyen", "Schmidt", "Rossi", "Adeyemi", "Patel", "Costa", "Jansen", "Kim", "O'Brien",
    "Dubois", "Mensah", "Virtanen", "Silva", "Yilmaz", "Hughes", "Ito", "Brennan",
    "Castillo", "Eriksen", "Farouk", "García", "Hoang", "Ivanova", "Kaur", "Larsen",
    "Mwangi", "Nakamura", "Petrov", "Quist", "Reyes", "Sato", "Wójcik",
)  # fmt: skip

REPORT_ROLES: tuple[str, ...] = (
    "Backend engineer", "Senior backend engineer", "Frontend engineer",
    "Senior frontend engineer", "Staff engineer", "Site reliability engineer",
    "Data engineer", "Mobile engineer (iOS)", "Android engineer", "Platform engineer",
    "QA engineer", "Product designer", "Tech lead, payments", "Full-stack engineer",
    "Machine learning engineer", "Security engineer", "Junior developer",
    "Engineering manager, growth",
)  # fmt: skip

MANAGER_ROLES: tuple[str, ...] = (
    "Director of Engineering",
    "VP Engineering",
    "Head of Platform",
    "CTO",
)
SKIP_LEVEL_ROLES: tuple[str, ...] = ("VP Engineering", "CTO", "Chief Product Officer")
